import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { designerReviewContracts } from '../../../engine/contracts/designerContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import type { PublishHeader } from './reviewCalls.ts';

interface Props {
  sopId: string;
  busy: boolean;
  onPublish: (header: PublishHeader) => void;
  onCancel: () => void;
}

const EMPTY: PublishHeader = { number: '', effectiveDate: '', signer: { name: '', title: '' } };

/**
 * Publishing asks for Nomor SOP, Tanggal Efektif and the signer (filled from the approver's account), checks
 * them with the app's own messages, then asks once more before the new version goes live.
 */
export function PublishDialog({ sopId, busy, onPublish, onCancel }: Props) {
  const { t } = useTranslation();
  const [header, setHeader] = useState<PublishHeader>(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void call(designerReviewContracts.publishForm, { params: { sopId } }).then(setHeader, () => undefined);
  }, [sopId]);
  const check = () => {
    const gaps = [
      header.number.trim() === '' ? t('designer.publish.number') : '',
      header.effectiveDate === '' ? t('designer.publish.effective') : '',
      header.signer.name.trim() === '' ? t('designer.publish.signerName') : '',
      header.signer.title.trim() === '' ? t('designer.publish.signerTitle') : '',
    ].filter(Boolean);
    setMissing(gaps);
    if (gaps.length === 0) setConfirming(true);
  };
  const signer = (key: 'name' | 'nip' | 'title', value: string) =>
    setHeader({ ...header, signer: { ...header.signer, [key]: value } });
  return (
    <div className="card publish-box" role="dialog" aria-labelledby="publish-title" data-testid="publish-dialog">
      <h2 id="publish-title">{t('designer.publish.title')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <label htmlFor="publish-number">{t('designer.publish.number')}</label>
        <input
          id="publish-number"
          value={header.number}
          placeholder="P-005/DINSOS/REHSOS/000.9.3.3/01/2026"
          onChange={(e) => setHeader({ ...header, number: e.target.value })}
        />
        <label htmlFor="publish-effective">{t('designer.publish.effective')}</label>
        <input
          id="publish-effective"
          type="date"
          value={header.effectiveDate}
          onChange={(e) => setHeader({ ...header, effectiveDate: e.target.value })}
        />
        <fieldset>
          <legend>{t('designer.publish.signer')}</legend>
          <small className="muted">{t('designer.publish.signerHelp')}</small>
          <label htmlFor="publish-signer-name">{t('designer.publish.signerName')}</label>
          <input id="publish-signer-name" value={header.signer.name} onChange={(e) => signer('name', e.target.value)} />
          <label htmlFor="publish-signer-nip">{t('designer.publish.signerNip')}</label>
          <input
            id="publish-signer-nip"
            value={header.signer.nip ?? ''}
            onChange={(e) => signer('nip', e.target.value)}
          />
          <label htmlFor="publish-signer-title">{t('designer.publish.signerTitle')}</label>
          <input
            id="publish-signer-title"
            value={header.signer.title}
            onChange={(e) => signer('title', e.target.value)}
          />
        </fieldset>
        {missing.length > 0 && (
          <div className="alert error" role="alert">
            {t('designer.publish.missing', { fields: missing.join(', ') })}
          </div>
        )}
        {!confirming ? (
          <div className="row">
            <button type="submit" className="approve" disabled={busy} data-testid="publish-next">
              {t('designer.publish.next')}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              {t('designer.table.cancel')}
            </button>
          </div>
        ) : (
          <div className="alert info" data-testid="publish-confirm">
            <p>{t('designer.publish.confirmText', { number: header.number, date: header.effectiveDate })}</p>
            <div className="row">
              <button
                type="button"
                className="approve"
                disabled={busy}
                data-testid="publish-confirm-yes"
                onClick={() => {
                  const nip = header.signer.nip?.trim();
                  onPublish({
                    ...header,
                    signer: { name: header.signer.name, title: header.signer.title, ...(nip ? { nip } : {}) },
                  });
                }}
              >
                {t('designer.publish.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('designer.publish.back')}
              </button>
            </div>
          </div>
        )}
      </form>
    </div>
  );
}
