import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/** Records escalation events for overdue tasks and an overdue case (issued by the database sweep). */
export function markOverdue(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'markOverdue' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  for (const taskId of command.taskIds) {
    const task = t.state.tasks.find((x) => x.id === taskId && x.status === 'open');
    if (task)
      emit(
        t,
        { type: 'task.overdue', payload: { dueAt: task.dueAt ?? null, role: task.role } },
        { stepId: task.stepId, taskId },
      );
  }
  if (command.caseOverdue && (t.state.status === 'open' || t.state.status === 'waiting'))
    emit(t, { type: 'case.overdue', payload: { dueAt: t.state.dueAt ?? null } });
  return commit(t);
}
