import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseEvent } from '../../../engine/core/events.ts';
import type { RawRegency, SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { KopLogo } from '../../../ui-shared/components/KopLogo.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import type { Attachment } from '../components/RequirementsChecklist.tsx';
import { useApi } from '../../../ui-shared/api/useApi.ts';
import { DuplicateNotice } from '../components/DuplicateNotice.tsx';

type CaseBody = {
  id: string;
  trackingCode: string;
  openedAt: string;
  dueAt: string | null;
  data: Record<string, unknown>;
};

/**
 * Tanda terima: the office's kop, the applicant, the documents received, the officer, the expected
 * completion and the tracking link with its QR (from ALUR_PUBLIC_URL), printable.
 */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const { session } = useSession();
  const kase = useApi<CaseBody>(`/api/cases/${caseId ?? ''}`);
  const definition = useApi<{ definition: SopDefinition }>(`/api/cases/${caseId ?? ''}/definition`);
  const regency = useApi<{ regency: RawRegency }>('/api/regencies/current');
  const attachments = useApi<{ attachments: Attachment[] }>(`/api/cases/${caseId ?? ''}/attachments`);
  const timeline = useApi<{ events: CaseEvent[] }>(`/api/cases/${caseId ?? ''}/timeline`);
  // The tracking link the applicant takes home: ALUR_PUBLIC_URL, not this staff PC's own address.
  const site = useApi<{ publicUrl: string }>('/api/public/site');
  const [qr, setQr] = useState('');
  const trackUrl = site.data && kase.data ? `${site.data.publicUrl}/lacak/${kase.data.trackingCode}` : '';
  useEffect(() => {
    if (trackUrl) void QRCode.toDataURL(trackUrl, { margin: 1, width: 160 }).then(setQr);
  }, [trackUrl]);
  if (!kase.data || !definition.data || !site.data)
    return <ErrorAlert error={kase.error ?? definition.error ?? site.error} />;
  const def = definition.data.definition;
  const labelOf = (doc: string): string =>
    def.steps.flatMap((s) => s.requirements).find((r) => r.doc === doc)?.label ?? doc;
  // Documents received: the files scanned in and the paper documents ticked off when the file was taken in.
  const firstCheck = timeline.data?.events.find((e) => e.type === 'task.completed');
  const ticked =
    firstCheck?.type === 'task.completed'
      ? Object.keys(firstCheck.payload.checklist).filter((d) => firstCheck.payload.checklist[d])
      : [];
  const received = [...new Set([...(attachments.data?.attachments ?? []).map((a) => a.doc), ...ticked])].map(labelOf);
  const office = regency.data?.regency.office;
  const applicant = typeof kase.data.data.fullName === 'string' ? kase.data.data.fullName : null;
  return (
    <>
      <DuplicateNotice caseId={caseId ?? ''} />
      <div className="letter" data-testid="receipt">
        {office && (
          <header className="letterhead">
            <KopLogo />
            <div className="kop-text">
              {office.parent && <div className="parent">{office.parent.toUpperCase()}</div>}
              <div className="office">{office.name.toUpperCase()}</div>
              {office.address && <div>{[office.address, office.postalCode].filter(Boolean).join(' ')}</div>}
            </div>
          </header>
        )}
        <h2>{t('receipt.title')}</h2>
        <dl className="facts" style={{ marginTop: '1.5rem' }}>
          <dt>{t('receipt.code')}</dt>
          <dd>
            <strong style={{ fontSize: '1.4rem', letterSpacing: '.08em' }} data-testid="tracking-code">
              {kase.data.trackingCode}
            </strong>
          </dd>
          <dt>{t('receipt.service')}</dt>
          <dd>{def.name}</dd>
          {applicant && (
            <>
              <dt>{t('receipt.applicant')}</dt>
              <dd data-testid="receipt-applicant">{applicant}</dd>
            </>
          )}
          <dt>{t('receipt.received')}</dt>
          <dd>{formatDateTime(kase.data.openedAt, i18n.language)}</dd>
          <dt>{t('receipt.documents')}</dt>
          <dd data-testid="receipt-documents">
            {received.length === 0 ? (
              <span className="muted">{t('receipt.noDocuments')}</span>
            ) : (
              <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {received.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('receipt.officer')}</dt>
          <dd>{session?.user.name}</dd>
          <dt>{t('receipt.expected')}</dt>
          <dd>{formatDate(kase.data.dueAt, i18n.language)}</dd>
        </dl>
        <div className="qr">
          {qr && <img src={qr} alt={t('receipt.qrAlt')} width={110} height={110} />}
          <p style={{ overflowWrap: 'anywhere' }}>{t('receipt.track', { url: trackUrl })}</p>
        </div>
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
