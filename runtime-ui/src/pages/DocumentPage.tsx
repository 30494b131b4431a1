import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { outputContracts } from '../../../engine/contracts/outputContracts.ts';
import { ErrorAlert } from '../../../ui-shared/components/ErrorAlert.tsx';
import { KopLogo } from '../../../ui-shared/components/KopLogo.tsx';
import { formatDate } from '../components/format.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { fileHref } from '../../../ui-shared/api/fileHref.ts';

/** An issued letter as a printable page: letterhead, title, number, body, signer and verification QR. */
export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { documentId = '' } = useParams();
  const { data, error } = useCall(outputContracts.document, documentId ? { params: { documentId } } : null);
  const [qr, setQr] = useState('');
  useEffect(() => {
    if (data) void QRCode.toDataURL(data.verifyUrl, { margin: 1, width: 180 }).then(setQr);
  }, [data]);
  if (!data) return <ErrorAlert error={error} />;
  const d = data.document;
  // An electronically signed letter is its signed PDF (a re-rendering would not be what was signed).
  // It opens in the browser's PDF viewer: the CSP allows no embedded plugin content.
  if (d.pdfSha256)
    return (
      <div className="card" data-testid="letter-pdf">
        <h1 style={{ marginTop: 0 }}>{d.title}</h1>
        <dl className="facts">
          <dt>{t('public.number')}</dt>
          <dd>{d.number}</dd>
          <dt>{t('public.date')}</dt>
          <dd>{formatDate(d.issuedAt, i18n.language)}</dd>
          <dt>{t('public.signer')}</dt>
          <dd>
            {d.signer.title} — {d.signer.name}
          </dd>
          <dt>{t('public.hash')}</dt>
          <dd style={{ fontFamily: 'monospace', fontSize: '.85rem' }}>{d.pdfSha256}</dd>
        </dl>
        {d.status === 'revoked' && <p className="badge bad">{t('public.revoked')}</p>}
        <p className="row" style={{ gap: '.5rem', flexWrap: 'wrap' }}>
          <a
            className="button"
            href={fileHref(outputContracts.documentPdf, { params: { documentId: d.id } })}
            target="_blank"
            rel="noreferrer"
          >
            {t('case.pdf')}
          </a>
          <a className="button secondary" href={data.verifyUrl} target="_blank" rel="noreferrer">
            {t('public.verifyTitle')}
          </a>
        </p>
      </div>
    );
  return (
    <>
      <article className="letter" data-testid="letter">
        <header className="letterhead">
          {/* The logo the letter was issued with (none on letters issued before it was uploaded). */}
          {d.letterhead.logoId && <KopLogo logoId={d.letterhead.logoId} />}
          <div className="kop-text">
            {d.letterhead.parent && <div className="parent">{d.letterhead.parent.toUpperCase()}</div>}
            <div className="office">{d.letterhead.office.toUpperCase()}</div>
            {d.letterhead.address && <div>{d.letterhead.address}</div>}
            {d.letterhead.contact && <div style={{ fontSize: '.85rem' }}>{d.letterhead.contact}</div>}
          </div>
        </header>
        {d.status === 'revoked' && <p className="revoked-stamp">{t('public.revoked')}</p>}
        <h2>{d.title.toUpperCase()}</h2>
        <p className="number">
          {t('public.number')}: {d.number}
        </p>
        <div className="body">{d.body}</div>
        <div className="sign">
          <div>{formatDate(d.issuedAt, 'id')}</div>
          <div>{d.signer.title}</div>
          <div style={{ height: '4rem' }} />
          <div>
            <strong>
              <u>{d.signer.name}</u>
            </strong>
          </div>
          {d.signer.nip && <div>NIP. {d.signer.nip}</div>}
        </div>
        <div className="qr">
          {qr && <img src={qr} alt="QR verifikasi" width={110} height={110} />}
          <div>
            {t('public.verifyTitle')}: <br />
            {data.verifyUrl}
          </div>
        </div>
      </article>
      <p className="no-print row" style={{ justifyContent: 'center', marginTop: '1rem' }}>
        <button type="button" onClick={() => window.print()}>
          {t('case.print')}
        </button>
        <a
          className="button secondary"
          href={fileHref(outputContracts.documentPdf, { params: { documentId: d.id } })}
          target="_blank"
          rel="noreferrer"
        >
          {t('case.pdf')}
        </a>
        <span className="muted">{formatDate(d.issuedAt, i18n.language)}</span>
      </p>
    </>
  );
}
