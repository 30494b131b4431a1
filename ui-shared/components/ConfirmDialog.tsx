import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Props {
  open: boolean;
  title: string;
  /** What will happen and that it cannot be undone. */
  children?: ReactNode;
  confirmLabel: string;
  /** Asks for a reason (required) when given: its label. */
  reasonLabel?: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
}

/**
 * A modal confirmation before an irreversible action (finish a step, issue a numbered letter, send back,
 * cancel, revoke…): the native <dialog> keeps focus inside and Escape closes it; a failure stays visible.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, reasonLabel, danger, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setError(undefined);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="confirm" aria-labelledby={titleId} onClose={onClose} data-testid="confirm-dialog">
      <h2 id={titleId} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
      {reasonLabel && (
        <p>
          <label htmlFor={reasonId}>{reasonLabel}</label>
          <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </p>
      )}
      <ErrorAlert error={error} />
      <div className="row">
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          disabled={busy || (reasonLabel !== undefined && reason.trim() === '')}
          onClick={() => void confirm()}
          data-testid="confirm-yes"
        >
          {busy ? t('app.loading') : confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('confirm.back')}
        </button>
      </div>
    </dialog>
  );
}

/** A button that asks for confirmation (and a reason when needed) before running an irreversible action. */
export function ConfirmButton({
  label,
  className,
  testId,
  disabled,
  ...dialog
}: Omit<Props, 'open' | 'onClose'> & { label: string; className?: string; testId?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        data-testid={testId}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <ConfirmDialog {...dialog} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
