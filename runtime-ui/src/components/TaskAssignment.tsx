import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskState } from '../../../engine/core/caseTypes.ts';
import { delegationContracts } from '../../../engine/contracts/delegationContracts.ts';
import { taskContracts } from '../../../engine/contracts/taskContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';
import { useCall } from '../../../ui-shared/api/useCall.ts';
import { ConfirmButton, ConfirmDialog } from '../../../ui-shared/components/ConfirmDialog.tsx';
import { useSession } from '../../../ui-shared/session/SessionContext.tsx';

type StaffUser = { id: string; name: string; roles: string[] };

/** The colleagues who hold a role (for "tugaskan kepada"), loaded once per page. */
export function useColleagues(role: string | null): StaffUser[] {
  const users = useCall(delegationContracts.users, role === null ? null : {});
  return (users.data?.users ?? []).filter((u) => role === null || u.roles.includes(role));
}

/** Claim, give back or assign one open task, each confirmed; the timeline records who did it. */
export function TaskAssignment({ task, onDone }: { task: TaskState; onDone: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [assigning, setAssigning] = useState(false);
  const [toUserId, setToUserId] = useState('');
  const myRoles = new Set([...(session?.user.roles ?? []), ...(session?.actingFor.flatMap((a) => a.roles) ?? [])]);
  const mine = task.assignee === session?.user.id;
  const colleagues = useColleagues(myRoles.has(task.role) || mine ? task.role : null);
  if (task.status !== 'open' || !session) return null;
  if (!(mine || (task.assignee === undefined && myRoles.has(task.role)))) {
    return task.assignee !== undefined ? <span className="badge">{t('assign.taken')}</span> : null;
  }
  return (
    <span className="case-actions" style={{ display: 'inline-flex' }}>
      {task.assignee === undefined ? (
        <ConfirmButton
          label={t('assign.claim')}
          className="secondary"
          testId={`claim-${task.id}`}
          title={t('assign.claimTitle')}
          confirmLabel={t('assign.claimYes')}
          onConfirm={async () => {
            await call(taskContracts.claim, { params: { taskId: task.id } });
            onDone();
          }}
        >
          <p>{t('assign.claimBody')}</p>
        </ConfirmButton>
      ) : (
        <ConfirmButton
          label={t('assign.unclaim')}
          className="secondary"
          testId={`unclaim-${task.id}`}
          title={t('assign.unclaimTitle')}
          confirmLabel={t('assign.unclaimYes')}
          onConfirm={async () => {
            await call(taskContracts.unclaim, { params: { taskId: task.id }, body: {} });
            onDone();
          }}
        >
          <p>{t('assign.unclaimBody')}</p>
        </ConfirmButton>
      )}
      <button type="button" className="secondary" onClick={() => setAssigning(true)} data-testid={`assign-${task.id}`}>
        {t('assign.assign')}
      </button>
      <ConfirmDialog
        open={assigning}
        title={t('assign.assignTitle')}
        confirmLabel={t('assign.assignYes')}
        onClose={() => setAssigning(false)}
        onConfirm={async () => {
          if (!toUserId) throw new Error(t('assign.pickSomeone'));
          await call(taskContracts.reassign, { params: { taskId: task.id }, body: { toUserId } });
          onDone();
        }}
      >
        <p>
          <label htmlFor={`assign-to-${task.id}`}>{t('assign.to')}</label>
          <br />
          <select id={`assign-to-${task.id}`} value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{t('assign.pick')}</option>
            {colleagues.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </p>
      </ConfirmDialog>
    </span>
  );
}
