import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { useApi } from '../../../ui-shared/api/useApi.ts';
import { DuplicateNotice } from '../components/DuplicateNotice.tsx';

type CaseBody = { id: string; trackingCode: string; openedAt: string; dueAt: string | null };

/** Tanda terima: the tracking code the applicant takes home, printable. */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const kase = useApi<CaseBody>(`/api/cases/${caseId ?? ''}`);
  const definition = useApi<{ definition: SopDefinition }>(`/api/cases/${caseId ?? ''}/definition`);
  // The tracking link the applicant takes home: ALUR_PUBLIC_URL, not this staff PC's own address.
  const site = useApi<{ publicUrl: string }>('/api/public/site');
  if (!kase.data || !definition.data || !site.data)
    return <ErrorAlert error={kase.error ?? definition.error ?? site.error} />;
  const trackUrl = `${site.data.publicUrl}/lacak`;
  return (
    <>
      <DuplicateNotice caseId={caseId ?? ''} />
      <div className="letter" data-testid="receipt">
        <h2>{t('receipt.title')}</h2>
        <dl className="facts" style={{ marginTop: '1.5rem' }}>
          <dt>{t('receipt.code')}</dt>
          <dd>
            <strong style={{ fontSize: '1.4rem', letterSpacing: '.08em' }} data-testid="tracking-code">
              {kase.data.trackingCode}
            </strong>
          </dd>
          <dt>{t('receipt.service')}</dt>
          <dd>{definition.data.definition.name}</dd>
          <dt>{t('receipt.received')}</dt>
          <dd>{formatDateTime(kase.data.openedAt, i18n.language)}</dd>
          <dt>{t('receipt.expected')}</dt>
          <dd>{formatDate(kase.data.dueAt, i18n.language)}</dd>
        </dl>
        <p>{t('receipt.track', { url: trackUrl })}</p>
      </div>
      <p className="no-print row" style={{ justifyContent: 'center', marginTop: '1rem' }}>
        <button type="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link className="button secondary" to={`/kasus/${kase.data.id}`}>
          {t('receipt.toCase')}
        </Link>
      </p>
    </>
  );
}
