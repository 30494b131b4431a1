import { computeDeadline } from '../../calendar/computeDeadline.ts';
import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/**
 * Recomputes the due times of open tasks after the holiday calendar changed (an SKB amendment, a new year,
 * a regional holiday): each from its own start, on the calendar as it is now. Writes one event listing
 * what moved; nothing when no due time moved. The case's Jangka Waktu is left alone, because pauses
 * while waiting for documents have already shifted it and the engine keeps no record to replay them.
 */
export function recomputeDeadlines(
  exe: ExecutableSop,
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recomputeDeadlines' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  const moved: Array<{ taskId: string; from: string | null; to: string }> = [];
  for (const task of t.state.tasks) {
    if (task.status !== 'open') continue;
    const step = exe.stepById.get(task.stepId);
    if (!step?.time) continue;
    const due = computeDeadline(context.calendar, new Date(task.createdAt), step.time, t.state.persons, step.clock);
    const next = due.toISOString();
    if (next === task.dueAt) continue;
    moved.push({ taskId: task.id, from: task.dueAt ?? null, to: next });
    task.dueAt = next;
  }
  if (moved.length === 0) return { ok: true, state, events: [] };
  emit(t, { type: 'deadlines.recomputed', payload: { reason: command.reason, tasks: moved } });
  return commit(t);
}
