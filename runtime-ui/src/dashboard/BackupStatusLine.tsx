import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupContracts } from '../../../engine/contracts/backupContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { formatDateTime } from '../components/format.ts';

type LastResult = { bytes?: number; error?: string; skipped?: string } | null;

/** One line for admins: the daily backup's last result, and "back up now" (the server's job runs it). */
export function BackupStatusLine() {
  const { t, i18n } = useTranslation();
  const status = useCall(backupContracts.status, {});
  const [queued, setQueued] = useState(false);
  if (!status.data) return null;
  const s = status.data;
  const last = s.lastResult as LastResult;
  const time = s.lastRunAt ? formatDateTime(s.lastRunAt, i18n.language) : '';
  let text: string;
  if (!s.configured) text = t('backup.notConfigured');
  else if (!s.lastRunAt || !last) text = t('backup.never');
  else if (last.error) text = t('backup.failed', { time, error: last.error });
  else if (last.skipped) text = t('backup.skipped', { time, reason: last.skipped });
  else
    text = t('backup.ok', {
      time,
      size: ((last.bytes ?? 0) / 1024 / 1024).toFixed(1),
      count: s.files.length,
      keep: s.keep,
    });
  const backUpNow = async () => {
    await call(backupContracts.now, {});
    setQueued(true);
    // The job runner picks the job up on its next round.
    setTimeout(() => void status.reload(), 20_000);
  };
  return (
    <p className="card row" data-testid="backup-status">
      <span>
        <strong>{t('backup.title')}:</strong> {text}
        {queued && <> {t('backup.queued')}</>}
      </span>
      {s.configured && (
        <button type="button" className="secondary" onClick={() => void backUpNow()} disabled={queued}>
          {t('backup.now')}
        </button>
      )}
    </p>
  );
}
