import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { formatDate } from '../components/format.ts';
import { useApi } from '../../../ui-shared/api/useApi.ts';

type Verification = {
  title: string;
  number: string;
  issuedAt: string;
  issuer: string;
  signer: { name: string; title: string };
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  /** The regency's zone: the date of issue is its day, for every reader. */
  timeZone: string | null;
};

/** Public document verification from the QR code: number, date, signer, valid or revoked. */
export function PublicVerifyPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { data, error } = useApi<Verification>(`/api/public/documents/${encodeURIComponent(code)}`);
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
            <dt>{t('receipt.service')}</dt>
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
              {data.signer.name}, {data.signer.title}
            </dd>
          </dl>
        </div>
      )}
    </>
  );
}
