import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../engine/app/caseQueries.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { delegationContracts } from '../../../engine/contracts/delegationContracts.ts';
import { taskContracts } from '../../../engine/contracts/taskContracts.ts';
import { ConfirmDialog } from '../../../ui-shared/components/ConfirmDialog.tsx';

/** Claim or assign several inbox tasks at once; each task is its own command (and its own timeline entry). */
export function InboxBulkBar({ items, onDone }: { items: InboxItem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'claim' | 'assign' | null>(null);
  const [toUserId, setToUserId] = useState('');
  const users = useCall(delegationContracts.users, items.length > 0 ? {} : null);
  if (items.length === 0) return null;
  const claimable = items.filter((i) => i.assignee === null);
  const roles = new Set(items.map((i) => i.role));
  // Only colleagues who hold every selected task's role can take them all.
  const colleagues = (users.data?.users ?? []).filter((u) => [...roles].every((r) => u.roles.includes(r)));
  const run = async (each: (item: InboxItem) => Promise<unknown>, list: InboxItem[]) => {
    const failed: string[] = [];
    for (const item of list) {
      try {
        await each(item);
      } catch (e) {
        failed.push(`${item.trackingCode}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    onDone();
    if (failed.length > 0) throw new Error(failed.join(' · '));
  };
  return (
    <div className="card row no-print" data-testid="bulk-bar" role="region" aria-label={t('inbox.bulk')}>
      <span>{t('inbox.selected', { count: items.length })}</span>
      <button type="button" disabled={claimable.length === 0} onClick={() => setMode('claim')} data-testid="bulk-claim">
        {t('inbox.claimSelected', { count: claimable.length })}
      </button>
      <button type="button" className="secondary" onClick={() => setMode('assign')} data-testid="bulk-assign">
        {t('inbox.assignSelected')}
      </button>
      <ConfirmDialog
        open={mode === 'claim'}
        title={t('inbox.claimTitle', { count: claimable.length })}
        confirmLabel={t('assign.claimYes')}
        onClose={() => setMode(null)}
        onConfirm={() => run((i) => call(taskContracts.claim, { params: { taskId: i.taskId } }), claimable)}
      >
        <p>{t('assign.claimBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === 'assign'}
        title={t('inbox.assignTitle', { count: items.length })}
        confirmLabel={t('assign.assignYes')}
        onClose={() => setMode(null)}
        onConfirm={() => {
          if (!toUserId) throw new Error(t('assign.pickSomeone'));
          return run((i) => call(taskContracts.reassign, { params: { taskId: i.taskId }, body: { toUserId } }), items);
        }}
      >
        <p>
          <label htmlFor="bulk-assign-to">{t('assign.to')}</label>
          <br />
          <select id="bulk-assign-to" value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{t('assign.pick')}</option>
            {colleagues.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </p>
      </ConfirmDialog>
    </div>
  );
}
