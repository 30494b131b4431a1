import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';
import { findActionableTask } from './findActionableTask.ts';

/** Assigns an open task to a specific colleague. */
export function reassignTask(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'reassign' }>,
  context: EngineContext,
): CommandResult {
  const found = findActionableTask(state, command.taskId, context);
  if ('error' in found) return { ok: false, error: found.error };
  const t = beginTransition(state, context);
  const task = t.state.tasks.find((x) => x.id === command.taskId)!;
  const from = task.assignee ?? null;
  task.assignee = command.toUserId;
  emit(
    t,
    {
      type: 'task.reassigned',
      payload: { from, to: command.toUserId, toName: command.toName, reason: command.reason ?? null },
    },
    { stepId: task.stepId, taskId: task.id },
  );
  return commit(t);
}
