import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../ui-shared/api/apiClient.ts';
import type { WorkingCopy } from './EditorPage.tsx';

interface Props {
  sopId: string;
  /** Where the review routes are (default: the SOP's); the regency settings use /api/designer/regency. */
  apiBase?: string;
  copy: Pick<WorkingCopy, 'status' | 'revision'>;
  revision: number;
  dirty: boolean;
  valid: boolean;
  isApprover: boolean;
  onDone: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}

/** Submit for approval (drafters), approve and publish or return with a note (approvers only). */
export function ReviewActions({
  sopId,
  apiBase = `/api/designer/sops/${sopId}`,
  copy,
  revision,
  dirty,
  valid,
  isApprover,
  onDone,
  onError,
}: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const run = async (
    path: string,
    body: Record<string, unknown>,
    message: (result: Record<string, unknown>) => string,
  ) => {
    setBusy(true);
    onError(undefined);
    try {
      const result = await api<Record<string, unknown>>('POST', `${apiBase}/${path}`, body);
      await onDone(message(result));
      setReturning(false);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const submitted = copy.status === 'submitted' && copy.revision === revision;
  return (
    <>
      {!submitted && (
        <button
          type="button"
          className="secondary"
          disabled={busy || dirty || !valid || revision === 0 || copy.status === 'published'}
          title={dirty ? t('designer.review.saveFirst') : undefined}
          onClick={() => void run('submit', { revision }, () => t('designer.review.submitted'))}
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
            onClick={() =>
              void run('publish', { revision }, (r) =>
                r.created !== false
                  ? t('designer.review.published', { version: String(r.version) })
                  : t('designer.review.unchanged', { version: String(r.version) }),
              )
            }
          >
            {t('designer.review.publish')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setReturning(!returning)}>
            {t('designer.review.return')}
          </button>
        </>
      )}
      {submitted && !isApprover && <span className="muted">{t('designer.review.waiting')}</span>}
      {returning && (
        <div className="card return-box">
          <label htmlFor="return-note">{t('designer.review.note')}</label>
          <textarea id="return-note" value={note} onChange={(e) => setNote(e.target.value)} />
          <button
            type="button"
            disabled={busy || note.trim() === ''}
            onClick={() => void run('return', { revision, note }, () => t('designer.review.returnedMsg'))}
          >
            {t('designer.review.returnConfirm')}
          </button>
        </div>
      )}
    </>
  );
}
