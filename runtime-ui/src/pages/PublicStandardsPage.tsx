import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicStandard } from '../../../engine/app/outputs/publicStandards.ts';
import { publicContracts } from '../../../engine/contracts/publicContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { SourceNotice } from '../../../ui-shared/components/SourceNotice.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <>–</>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {items.map((x, i) => (
        <li key={`${i}-${x}`}>{x}</li>
      ))}
    </ul>
  );
}

/** One service's Standar Pelayanan: the six components UU 25/2009 requires announced to the public. */
function Standard({ s }: { s: PublicStandard }) {
  const { t } = useTranslation();
  return (
    <details className="card" data-testid={`standard-${s.sopId}`}>
      <summary>
        <strong>{s.name}</strong>
      </summary>
      <SourceNotice show={s.sourceNotice} />
      <dl className="facts" style={{ marginTop: '.75rem' }}>
        <dt>{t('standards.requirements')}</dt>
        <dd>
          <List items={s.requirements} />
        </dd>
        <dt>{t('standards.procedure')}</dt>
        <dd>
          <List items={s.procedure} />
        </dd>
        <dt>{t('standards.duration')}</dt>
        <dd>{s.duration ?? '–'}</dd>
        <dt>{t('standards.fee')}</dt>
        <dd>
          {s.fee
            ? s.fee.amount === 0
              ? t('catalogue.free')
              : (s.fee.text ?? `Rp ${s.fee.amount.toLocaleString('id-ID')}`)
            : '–'}
        </dd>
        <dt>{t('standards.products')}</dt>
        <dd>
          <List items={s.products} />
        </dd>
        <dt>{t('standards.complaints')}</dt>
        <dd>
          <List items={s.complaints} />
        </dd>
      </dl>
    </details>
  );
}

/** The public Standar Pelayanan page, without login: regencies, then each regency's published services. */
export function PublicStandardsPage() {
  const { t } = useTranslation();
  const { regencyId } = useParams();
  const regencies = useCall(publicContracts.regencies, regencyId ? null : {});
  const standards = useCall(publicContracts.standards, regencyId ? { params: { regencyId } } : null);
  if (!regencyId)
    return (
      <>
        <h1>{t('standards.title')}</h1>
        <p className="muted">{t('standards.intro')}</p>
        <ErrorAlert error={regencies.error} />
        {regencies.loading && !regencies.data ? (
          <p className="loading">{t('app.loading')}</p>
        ) : (
          <ul data-testid="standard-regencies">
            {regencies.data?.regencies.map((r) => (
              <li key={r.id}>
                <Link to={`/standar-pelayanan/${r.id}`}>{r.name}</Link>{' '}
                <span className="muted">({t('standards.count', { count: r.services })})</span>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  return (
    <>
      <p className="muted">
        <Link to="/standar-pelayanan">{t('standards.title')}</Link>
      </p>
      <h1>{standards.data ? t('standards.of', { regency: standards.data.regency }) : t('standards.title')}</h1>
      <p className="muted">{t('standards.intro')}</p>
      <ErrorAlert error={standards.error} />
      {standards.loading && !standards.data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        standards.data?.services.map((s) => <Standard key={s.sopId} s={s} />)
      )}
    </>
  );
}
