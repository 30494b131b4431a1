import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { catalogueContracts } from '../../../engine/contracts/catalogueContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { SourceNotice } from '../../../ui-shared/components/SourceNotice.tsx';

/** Published services of the regency, grouped by unit, with their Standar Pelayanan summary. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { data, error } = useCall(catalogueContracts.catalogue, {});
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <ErrorAlert error={error} />
      {data?.units.map((unit) => (
        <section key={unit.id} aria-labelledby={`unit-${unit.id}`}>
          <h2 id={`unit-${unit.id}`}>{unit.name}</h2>
          <div className="grid">
            {unit.services.map((s) => (
              <article key={s.sopId} className="card" data-testid={`service-${s.sopId}`}>
                <h3 style={{ marginTop: 0, fontSize: '1rem' }}>{s.name}</h3>
                {s.number && (
                  <p className="muted" style={{ fontSize: '.8rem' }}>
                    {t('catalogue.number')}: {s.number}
                  </p>
                )}
                <SourceNotice show={s.sourceNotice === true} compact />
                <dl className="facts">
                  <dt>{t('catalogue.duration')}</dt>
                  <dd>{s.duration ?? '–'}</dd>
                  <dt>{t('catalogue.fee')}</dt>
                  <dd>
                    {s.fee
                      ? s.fee.amount === 0
                        ? t('catalogue.free')
                        : `Rp ${s.fee.amount.toLocaleString('id-ID')}`
                      : '–'}
                  </dd>
                  <dt>{t('catalogue.products')}</dt>
                  <dd>{s.products.join('; ') || '–'}</dd>
                </dl>
                {s.requirements.length > 0 && (
                  <details>
                    <summary>
                      {t('catalogue.requirements')} ({s.requirements.length})
                    </summary>
                    <ul>
                      {s.requirements.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </details>
                )}
                <p style={{ marginBottom: 0 }}>
                  <Link className="button" to={`/layanan/${s.sopId}/mulai`}>
                    {t('catalogue.start')}
                  </Link>
                </p>
              </article>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
