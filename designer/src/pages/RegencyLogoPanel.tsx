import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regencyLogoContracts } from '../../../engine/contracts/regencyLogoContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ConfirmButton } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { KopLogo } from '../../../ui-shared/components/KopLogo.tsx';
import { formatDateTime } from '../../../ui-shared/format/dateTime.ts';

/**
 * "Lambang daerah" of the regency settings: the official logo printed at the left of every kop. The admin uploads,
 * replaces or removes it (in force at once, no approval: it is the regency's official image, not a rule); every
 * upload stays listed with who, when and its SHA-256. Others see it read-only.
 */
export function RegencyLogoPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const status = useCall(regencyLogoContracts.status, {});
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const logo = status.data?.logo ?? null;

  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      await call(regencyLogoContracts.upload, {}, { raw: file, contentType: file.type || 'application/octet-stream' });
      setNotice(t('designer.logo.uploaded'));
      await status.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="card logo-panel" aria-labelledby="logo-title" data-testid="logo-panel">
      <h2 id="logo-title" style={{ marginTop: 0 }}>
        {t('designer.logo.title')}
      </h2>
      <p className="muted">{t('designer.logo.help')}</p>
      <div role="status" className="sr-status">
        {notice && <div className="alert ok">{notice}</div>}
      </div>
      <ErrorAlert error={error ?? status.error} />
      <div className="logo-current">
        {logo ? (
          <>
            <div className="logo-sample">
              <KopLogo logoId={logo.id} />
            </div>
            <dl className="facts">
              <dt>{t('designer.logo.size')}</dt>
              <dd>
                {logo.width} × {logo.height} px · {logo.mediaType === 'image/png' ? 'PNG' : 'JPEG'} ·{' '}
                {Math.ceil(logo.byteSize / 1024)} KB
              </dd>
              <dt>{t('designer.logo.uploadedBy')}</dt>
              <dd>
                {logo.uploadedByName} · {formatDateTime(logo.uploadedAt, i18n.language)}
              </dd>
              <dt>SHA-256</dt>
              <dd className="hash">{logo.sha256}</dd>
            </dl>
          </>
        ) : (
          <p data-testid="logo-none">{t('designer.logo.none')}</p>
        )}
      </div>
      {isAdmin && (
        <div className="row" style={{ gap: '.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
          <label className="button" aria-disabled={busy}>
            {logo ? t('designer.logo.replace') : t('designer.logo.upload')}
            <input
              ref={input}
              type="file"
              accept="image/png,image/jpeg"
              data-testid="logo-file"
              disabled={busy}
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
          {logo && (
            <ConfirmButton
              label={t('designer.logo.remove')}
              className="secondary"
              testId="logo-remove"
              disabled={busy}
              title={t('designer.logo.removeTitle')}
              confirmLabel={t('designer.logo.removeYes')}
              danger
              onConfirm={async () => {
                await call(regencyLogoContracts.remove, {});
                setNotice(t('designer.logo.removed'));
                await status.reload();
              }}
            >
              <p>{t('designer.logo.removeBody')}</p>
            </ConfirmButton>
          )}
        </div>
      )}
      {(status.data?.history.length ?? 0) > 1 && (
        <details>
          <summary>{t('designer.logo.history')}</summary>
          <ul className="logo-history">
            {status.data!.history.map((l) => (
              <li key={l.id}>
                {formatDateTime(l.uploadedAt, i18n.language)} — {l.uploadedByName} ({l.width} × {l.height} px,{' '}
                <span className="hash">{l.sha256.slice(0, 16)}…</span>)
                {l.removedAt &&
                  ` · ${t('designer.logo.closed', { name: l.removedByName ?? '', at: formatDateTime(l.removedAt, i18n.language) })}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
