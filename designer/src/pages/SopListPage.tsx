import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../../ui-shared/format/dateTime.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { urlOf } from '../../../engine/contracts/contract.ts';
import { designerPackContracts, designerSopContracts } from '../../../engine/contracts/designerContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { WaitingList } from './WaitingList.tsx';

/** The regency's SOPs with their status, version, effective date and last change. */
export function SopListPage() {
  const { t, i18n } = useTranslation();
  const { session, hasKind } = useSession();
  const list = useCall(designerSopContracts.list, {});
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>{t('designer.list.title', { regency: session?.regency.name ?? '' })}</h1>
        <div className="row">
          <Link className="button" to="/baru">
            {t('designer.nav.new')}
          </Link>
          <Link className="button secondary" to="/impor-dokumen" data-testid="import-document">
            {t('designer.nav.importDocument')}
          </Link>
          <Link className="button secondary" to="/impor">
            {t('designer.nav.import')}
          </Link>
          <a className="button secondary" href={urlOf(designerPackContracts.export)} download>
            {t('designer.list.export')}
          </a>
        </div>
      </div>
      <ErrorAlert error={list.error} />
      {hasKind('approver', 'admin') && <WaitingList />}
      {list.data && (
        <div className="scroll-x">
          <table className="list responsive" data-testid="sop-list">
            <thead>
              <tr>
                <th>{t('designer.list.name')}</th>
                <th>{t('designer.list.status')}</th>
                <th>{t('designer.list.version')}</th>
                <th>{t('designer.list.effective')}</th>
                <th>{t('designer.list.revision')}</th>
                <th>{t('designer.list.changed')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.sops.map((s) => (
                <tr key={s.sopId} data-testid={`sop-${s.sopId}`}>
                  <td data-label={t('designer.list.name')}>
                    <Link to={`/sop/${s.sopId}`}>{s.name}</Link>
                    <div className="muted" style={{ fontSize: '.8rem' }}>
                      {s.sopId}
                      {s.unit ? ` · ${s.unit}` : ''}
                    </div>
                  </td>
                  <td data-label={t('designer.list.status')}>
                    <StatusBadge status={s.status} />
                  </td>
                  <td data-label={t('designer.list.version')}>{s.publishedVersion ?? '—'}</td>
                  <td data-label={t('designer.list.effective')}>{formatDate(s.effectiveDate, i18n.language)}</td>
                  <td data-label={t('designer.list.revision')}>{s.revision > 0 ? s.revision : '—'}</td>
                  <td data-label={t('designer.list.changed')}>
                    {formatDateTime(s.changedAt, i18n.language)}
                    <div className="muted" style={{ fontSize: '.8rem' }}>
                      {s.changedBy}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
