import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignerStatus } from '../../../engine/app/designer/designerStatus.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { publishDraft, returnDraft, submitDraft, type PublishHeader, type ReviewTarget } from './reviewCalls.ts';

interface Props {
  sopId: string;
  /**
   * The regency settings instead of the SOP: their own review routes, published without an SOP header
   * (Nomor SOP, Tanggal Efektif, signer belong to SOPs only).
   */
  settings?: boolean;
  copy: { status: DesignerStatus; revision: number };
  revision: number;
  dirty: boolean;
  valid: boolean;
  isApprover: boolean;
  onDone: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}

type Open = 'submit' | 'return' | 'publish' | undefined;

/** Submit with a note (drafters); approve and publish with the header, or return with a note (approvers). */
export function ReviewActions({ sopId, settings, copy, revision, dirty, valid, isApprover, onDone, onError }: Props) {
  const { t } = useTranslation();
  const target: ReviewTarget = settings ? { settings: true } : { sopId };
  const needsHeader = !settings;
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Open>();
  const [note, setNote] = useState('');
  /** Runs one review step; its message is shown once the step is done. */
  const run = async (step: () => Promise<string>) => {
    setBusy(true);
    onError(undefined);
    try {
      await onDone(await step());
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
  const publish = (header: PublishHeader | undefined) =>
    run(async () => {
      const r = await publishDraft(target, revision, header);
      return r.created
        ? t('designer.review.published', { version: String(r.version) })
        : t('designer.review.unchanged', { version: String(r.version) });
    });
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
            onClick={() => (needsHeader ? toggle('publish') : void publish(undefined))}
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
              onClick={() =>
                void run(async () => {
                  await returnDraft(target, { revision, note });
                  return t('designer.review.returnedMsg');
                })
              }
            >
              {t('designer.review.returnConfirm')}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              data-testid="submit-confirm"
              onClick={() =>
                void run(async () => {
                  await submitDraft(target, { revision, ...(note.trim() ? { note: note.trim() } : {}) });
                  return t('designer.review.submitted');
                })
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
            onPublish={(header) => void publish(header)}
          />
        </div>
      )}
    </>
  );
}
