import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../ui-shared/api/apiClient.ts';
import type { WorkingCopy } from './EditorPage.tsx';
import { PublishDialog, type PublishHeader } from './PublishDialog.tsx';

interface Props {
  sopId: string;
  /**
   * Where the review routes are when not the SOP's: the regency settings use /api/designer/regency, and
   * publish them without an SOP header (Nomor SOP, Tanggal Efektif, signer belong to SOPs only).
   */
  apiBase?: string;
  copy: Pick<WorkingCopy, 'status' | 'revision'>;
  revision: number;
  dirty: boolean;
  valid: boolean;
  isApprover: boolean;
  onDone: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}

type Open = 'submit' | 'return' | 'publish' | undefined;

/** Submit with a note (drafters); approve and publish with the header, or return with a note (approvers). */
export function ReviewActions({ sopId, apiBase, copy, revision, dirty, valid, isApprover, onDone, onError }: Props) {
  const { t } = useTranslation();
  const base = apiBase ?? `/api/designer/sops/${sopId}`;
  const needsHeader = apiBase === undefined;
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Open>();
  const [note, setNote] = useState('');
  const run = async (
    path: string,
    body: Record<string, unknown>,
    message: (result: Record<string, unknown>) => string,
  ) => {
    setBusy(true);
    onError(undefined);
    try {
      const result = await api<Record<string, unknown>>('POST', `${base}/${path}`, body);
      await onDone(message(result));
      setOpen(undefined);
      setNote('');
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const submitted = copy.status === 'submitted' && copy.revision === revision;
  const toggle = (which: Open) => setOpen(open === which ? undefined : which);
  const publishedMessage = (r: Record<string, unknown>) =>
    r.created !== false
      ? t('designer.review.published', { version: String(r.version) })
      : t('designer.review.unchanged', { version: String(r.version) });
  return (
    <>
      {!submitted && (
        <button
          type="button"
          className="secondary"
          disabled={busy || dirty || !valid || revision === 0 || copy.status === 'published'}
          title={dirty ? t('designer.review.saveFirst') : undefined}
          aria-expanded={open === 'submit'}
          onClick={() => toggle('submit')}
        >
          {t('designer.review.submit')}
        </button>
      )}
      {submitted && isApprover && (
        <>
          <button
            type="button"
            className="approve"
            disabled={busy || dirty}
            data-testid="publish"
            aria-expanded={needsHeader ? open === 'publish' : undefined}
            onClick={() => (needsHeader ? toggle('publish') : void run('publish', { revision }, publishedMessage))}
          >
            {t('designer.review.publish')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => toggle('return')}>
            {t('designer.review.return')}
          </button>
        </>
      )}
      {submitted && !isApprover && <span className="muted">{t('designer.review.waiting')}</span>}
      {(open === 'return' || open === 'submit') && (
        <div className="card return-box">
          <label htmlFor="review-note">
            {open === 'return' ? t('designer.review.note') : t('designer.review.submitNote')}
          </label>
          <textarea id="review-note" value={note} onChange={(e) => setNote(e.target.value)} />
          {open === 'return' ? (
            <button
              type="button"
              disabled={busy || note.trim() === ''}
              onClick={() => void run('return', { revision, note }, () => t('designer.review.returnedMsg'))}
            >
              {t('designer.review.returnConfirm')}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              data-testid="submit-confirm"
              onClick={() =>
                void run('submit', { revision, ...(note.trim() ? { note: note.trim() } : {}) }, () =>
                  t('designer.review.submitted'),
                )
              }
            >
              {t('designer.review.submitConfirm')}
            </button>
          )}
        </div>
      )}
      {open === 'publish' && needsHeader && (
        <div className="return-box">
          <PublishDialog
            sopId={sopId}
            busy={busy}
            onCancel={() => setOpen(undefined)}
            onPublish={(header: PublishHeader) => void run('publish', { revision, ...header }, publishedMessage)}
          />
        </div>
      )}
    </>
  );
}
