import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicVerification } from '../../../engine/app/outputs/publicViews.ts';
import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import { publicContracts } from '../../../engine/contracts/publicContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';

/**
 * Public document verification from the QR code: number, date, subject, signer as printed, the recipient
 * masked, the document's fingerprint and whether it is valid or revoked; an uploaded PDF is compared with
 * the issued file, so an altered paper or file with a genuine QR does not pass.
 */
export function PublicVerifyPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { data, error } = useCall(publicContracts.verification, { params: { code } });
  const [file, setFile] = useState<File>();
  const [check, setCheck] = useState<ReplyOf<typeof publicContracts.checkPdf>>();
  const [checkError, setCheckError] = useState<unknown>();
  const submit = async () => {
    if (!file) return;
    setCheck(undefined);
    setCheckError(undefined);
    try {
      setCheck(
        await call(publicContracts.checkPdf, { params: { code } }, { raw: file, contentType: 'application/pdf' }),
      );
    } catch (e) {
      setCheckError(e);
    }
  };
  const signatureLabel = (kind: PublicVerification['signature']): string =>
    kind === 'pades-bsre'
      ? t('public.signaturePadesBsre')
      : kind === 'pades-demo'
        ? t('public.signaturePadesDemo')
        : t('public.signatureNone');
  return (
    <>
      <h1>{t('public.verifyTitle')}</h1>
      <ErrorAlert error={error} />
      {data && (
        <div className="card" data-testid="verification">
          <p>
            <span className={data.status === 'valid' ? 'badge ok' : 'badge bad'} style={{ fontSize: '1.2rem' }}>
              {data.status === 'valid' ? t('public.valid') : t('public.revoked')}
            </span>
          </p>
          <dl className="facts">
            <dt>{t('public.issuer')}</dt>
            <dd>{data.issuer}</dd>
            <dt>{t('public.subject')}</dt>
            <dd>{data.title}</dd>
            <dt>{t('public.number')}</dt>
            <dd>{data.number}</dd>
            <dt>{t('public.date')}</dt>
            <dd>{formatDate(data.issuedAt, i18n.language, data.timeZone ?? undefined)}</dd>
            {data.revokedAt && (
              <>
                <dt>{t('public.revokedAt')}</dt>
                <dd>{formatDate(data.revokedAt, i18n.language, data.timeZone ?? undefined)}</dd>
              </>
            )}
            <dt>{t('public.signer')}</dt>
            <dd>
              {data.signer.title}
              <br />
              <strong>{data.signer.name}</strong>
              {data.signer.nip && <> · NIP. {data.signer.nip}</>}
            </dd>
            {data.recipient && (
              <>
                <dt>{t('public.recipient')}</dt>
                <dd data-testid="recipient">{data.recipient}</dd>
              </>
            )}
            <dt>{t('public.signature')}</dt>
            <dd>{signatureLabel(data.signature)}</dd>
            {data.sha256 && (
              <>
                <dt>{t('public.hash')}</dt>
                <dd style={{ overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: '.85rem' }}>{data.sha256}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      {data?.sha256 && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t('public.uploadTitle')}</h2>
          <p className="muted">{t('public.uploadHelp')}</p>
          <div className="row" style={{ flexWrap: 'wrap', gap: '.5rem' }}>
            <input
              type="file"
              accept="application/pdf,.pdf"
              aria-label={t('public.uploadTitle')}
              onChange={(e) => setFile(e.target.files?.[0])}
            />
            <button type="button" disabled={!file} onClick={() => void submit()}>
              {t('public.uploadButton')}
            </button>
          </div>
          <ErrorAlert error={checkError} />
          {check && (
            <div className={check.genuine ? 'alert ok' : 'alert error'} role="status" data-testid="check-result">
              {check.genuine ? t('public.genuine') : t('public.notGenuine')}
            </div>
          )}
        </div>
      )}
    </>
  );
}
