import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { designerReviewContracts } from '../../../engine/contracts/designerContracts.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';

/** The approver's "Menunggu pengesahan saya": submitted SOPs with the drafter's note, oldest first. */
export function WaitingList() {
  const { t, i18n } = useTranslation();
  const waiting = useCall(designerReviewContracts.waiting, {});
  if (!waiting.data) return null;
  return (
    <section className="card waiting" data-testid="waiting-list">
      <h2>{t('designer.waiting.title', { count: waiting.data.sops.length })}</h2>
      {waiting.data.sops.length === 0 ? (
        <p className="muted">{t('designer.waiting.none')}</p>
      ) : (
        <ul className="plain">
          {waiting.data.sops.map((w) => (
            <li key={w.sopId} data-testid={`waiting-${w.sopId}`}>
              <Link to={`/sop/${w.sopId}`}>{w.name}</Link>{' '}
              <span className="muted">
                {t('designer.waiting.by', {
                  name: w.submittedBy,
                  revision: w.revision,
                  at: formatDateTime(w.submittedAt, i18n.language),
                })}
              </span>
              {w.note && <blockquote className="note">{w.note}</blockquote>}
              {!w.canApprove && <div className="badge warn">{t('designer.waiting.ownEdit')}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
