import type { CaseCommand, CaseState, Checklist, CommandResult, EngineContext } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { cancelOpenTasks, enterStep } from '../flow/enterStep.ts';
import { sameThread, threadOf } from '../flow/blocks.ts';
import { pauseServiceClock } from '../flow/serviceClock.ts';
import { beginTransition, commit, emit } from '../transition.ts';
import { findActionableTask } from './findActionableTask.ts';

/** Returns an incomplete file to an earlier step (berkas tidak lengkap); the service clock stops until it is back. */
export function sendBack(
  exe: ExecutableSop,
  state: CaseState,
  command: Extract<CaseCommand, { type: 'sendBack' }>,
  context: EngineContext,
): CommandResult {
  const found = findActionableTask(state, command.taskId, context);
  if ('error' in found) return { ok: false, error: found.error };
  const step = exe.stepById.get(found.task.stepId)!;
  if (!step.sendBack)
    return {
      ok: false,
      error: { code: 'SEND_BACK_NOT_ALLOWED', message: 'Langkah ini tidak dapat mengembalikan berkas menurut SOP.' },
    };
  if (command.reason.trim().length === 0)
    return {
      ok: false,
      error: {
        code: 'REASON_REQUIRED',
        message: 'Tuliskan alasan pengembalian (dokumen apa yang kurang).',
        path: '/reason',
      },
    };
  const t = beginTransition(state, context);
  emit(
    t,
    {
      type: 'case.sentBack',
      payload: { from: step.id, to: step.sendBack.to, reason: command.reason, missing: command.missing ?? [] },
    },
    { stepId: step.id, taskId: found.task.id },
  );
  // Inside a branch or for one person the send-back stays there: the other branches and persons go on.
  const thread = threadOf(found.task);
  if (thread.branch === undefined && thread.item === undefined) cancelOpenTasks(t, 'sent-back');
  else
    for (const task of t.state.tasks)
      if (task.status === 'open' && sameThread(task, thread)) {
        task.status = 'cancelled';
        emit(t, { type: 'task.cancelled', payload: { reason: 'sent-back' } }, { stepId: task.stepId, taskId: task.id });
      }
  if (!t.state.paused) pauseServiceClock(t, exe, step.sendBack.to, command.reason);
  const to = step.sendBack.to;
  const missing = command.missing ?? [];
  // The ticks the returned step already gave stay given, except for what is now missing.
  const kept: Checklist = {};
  for (const done of state.tasks.filter((x) => x.stepId === to && sameThread(x, thread) && x.status === 'completed'))
    for (const [doc, ticked] of Object.entries(done.checklist ?? {}))
      if (ticked && !missing.includes(doc)) kept[doc] = true;
  const at = context.now.toISOString();
  t.state.sentBack = { at, fromStepId: step.id, toStepId: to, reason: command.reason, missing };
  enterStep(t, exe, to, thread);
  for (const task of t.state.tasks)
    if (task.stepId === to && task.status === 'open' && task.createdAt === at && sameThread(task, thread))
      task.returned = { at, fromStepId: step.id, byName: context.by.name, reason: command.reason, missing, kept };
  return commit(t);
}
