import { computeDeadline } from '../../calendar/computeDeadline.ts';
import { isEnding } from '../../definition/flowGraph.ts';
import type { CaseEnding } from '../../definition/sopTypes.ts';
import type { CaseStatus, TaskState } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { emit, type Transition } from '../transition.ts';

const STATUS_OF_ENDING: Record<CaseEnding, CaseStatus> = {
  selesai: 'completed',
  ditolak: 'rejected',
  dirujuk: 'referred',
};

/** Cancels every open task (the case moved on or ended). */
export function cancelOpenTasks(t: Transition, reason: string): void {
  for (const task of t.state.tasks) {
    if (task.status !== 'open') continue;
    task.status = 'cancelled';
    emit(t, { type: 'task.cancelled', payload: { reason } }, { stepId: task.stepId, taskId: task.id });
  }
}

/** Ends the case with an outcome and closes its open work. */
export function finishCase(t: Transition, ending: CaseEnding | 'cancelled', reason?: string): void {
  cancelOpenTasks(t, 'case-ended');
  const { state, context } = t;
  state.status = ending === 'cancelled' ? 'cancelled' : STATUS_OF_ENDING[ending];
  state.outcome = ending;
  state.closedAt = context.now.toISOString();
  delete state.currentStepId;
  delete state.paused;
  emit(t, { type: 'case.ended', payload: { outcome: ending, ...(reason !== undefined ? { reason } : {}) } });
}

/** Moves the case to a step (creating one task per actor lane) or to an ending. */
export function enterStep(t: Transition, exe: ExecutableSop, target: string): void {
  if (isEnding(target)) {
    finishCase(t, target as CaseEnding);
    return;
  }
  const step = exe.stepById.get(target);
  if (!step) throw new Error(`Step ${target} missing from a validated definition`);
  const { state, context } = t;
  state.currentStepId = step.id;
  const created: TaskState[] = step.actors.map((actorId) => {
    const actor = exe.definition.actors.find((a) => a.id === actorId);
    state.taskSeq += 1;
    const task: TaskState = {
      id: `${state.id}-t${state.taskSeq}`,
      stepId: step.id,
      actorId,
      role: actor?.performerRole ?? '',
      status: 'open',
      createdAt: context.now.toISOString(),
    };
    if (step.time)
      task.dueAt = computeDeadline(context.calendar, context.now, step.time, state.persons, step.clock).toISOString();
    return task;
  });
  state.tasks.push(...created);
  emit(
    t,
    {
      type: 'step.entered',
      payload: {
        mode: step.actorMode,
        tasks: created.map((c) => ({ id: c.id, actorId: c.actorId, role: c.role, dueAt: c.dueAt ?? null })),
      },
    },
    { stepId: step.id },
  );
}
