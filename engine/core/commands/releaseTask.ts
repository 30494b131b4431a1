import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';
import { findActionableTask } from './findActionableTask.ts';

/** Gives a claimed task back to its role's queue, so any colleague of that role can take it. */
export function releaseTask(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'release' }>,
  context: EngineContext,
): CommandResult {
  const found = findActionableTask(state, command.taskId, context);
  if ('error' in found) return { ok: false, error: found.error };
  if (found.task.assignee === undefined)
    return {
      ok: false,
      error: { code: 'TASK_NOT_ASSIGNED', message: 'Tugas ini belum diambil siapa pun; tidak ada yang dilepas.' },
    };
  const t = beginTransition(state, context);
  const task = t.state.tasks.find((x) => x.id === command.taskId)!;
  const from = task.assignee!;
  delete task.assignee;
  emit(
    t,
    { type: 'task.released', payload: { from, reason: command.reason ?? null } },
    { stepId: task.stepId, taskId: task.id },
  );
  return commit(t);
}
