import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { attachmentContracts } from '../../../engine/contracts/attachmentContracts.ts';
import { caseContracts } from '../../../engine/contracts/caseContracts.ts';
import { publicContracts } from '../../../engine/contracts/publicContracts.ts';
import { regencyContracts } from '../../../engine/contracts/regencyContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { KopLogo } from '../../../ui-shared/components/KopLogo.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { DuplicateNotice } from '../components/DuplicateNotice.tsx';

/**
 * Tanda terima: the office's kop, the applicant, the documents received, the officer, the expected
 * completion and the tracking link with its QR (from ALUR_PUBLIC_URL), printable.
 */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const { session } = useSession();
  const params = { caseId: caseId ?? '' };
  const kase = useCall(caseContracts.read, { params });
  const definition = useCall(caseContracts.definition, { params });
  const regency = useCall(regencyContracts.current, {});
  const attachments = useCall(attachmentContracts.list, { params });
  const timeline = useCall(caseContracts.timeline, { params });
  // The tracking link the applicant takes home: ALUR_PUBLIC_URL, not this staff PC's own address.
  const site = useCall(publicContracts.site, {});
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
