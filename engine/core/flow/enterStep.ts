import { computeDeadline } from '../../calendar/computeDeadline.ts';
import { isEnding } from '../../definition/flowGraph.ts';
import type { CaseEnding, Step } from '../../definition/sopTypes.ts';
import type { CaseStatus, TaskState, Thread } from '../caseTypes.ts';
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
  delete state.blocks;
  delete state.paused;
  emit(t, { type: 'case.ended', payload: { outcome: ending, ...(reason !== undefined ? { reason } : {}) } });
}

/** A new open task of one actor lane of a step (not yet added to the case), in the given branch or for the given person. */
export function newTask(
  t: Transition,
  exe: ExecutableSop,
  step: Step,
  actorId: string,
  thread: Thread = {},
): TaskState {
  const actor = exe.definition.actors.find((a) => a.id === actorId);
  t.state.taskSeq += 1;
  const task: TaskState = {
    id: `${t.state.id}-t${t.state.taskSeq}`,
    stepId: step.id,
    actorId,
    role: actor?.performerRole ?? '',
    status: 'open',
    createdAt: t.context.now.toISOString(),
  };
  if (thread.branch !== undefined) task.branch = thread.branch;
  if (thread.item !== undefined) task.item = { ...thread.item };
  return task;
}

/** What the `step.entered` and `step.handedOn` events record of a new task (never the person's name). */
export function createdTaskOf(task: TaskState): {
  id: string;
  actorId: string;
  role: string;
  dueAt: string | null;
  branch?: string;
  item?: { list: string; index: number };
} {
  return {
    id: task.id,
    actorId: task.actorId,
    role: task.role,
    dueAt: task.dueAt ?? null,
    ...(task.branch !== undefined ? { branch: task.branch } : {}),
    ...(task.item ? { item: { list: task.item.list, index: task.item.index } } : {}),
  };
}

/**
 * Moves the case to a step (creating one task per actor lane) or to an ending. Inside a block the tasks
 * belong to the thread (branch or person) and the case stays at the block's fork step.
 */
export function enterStep(t: Transition, exe: ExecutableSop, target: string, thread: Thread = {}): void {
  if (isEnding(target)) {
    finishCase(t, target as CaseEnding);
    return;
  }
  const step = exe.stepById.get(target);
  if (!step) throw new Error(`Step ${target} missing from a validated definition`);
  const { state, context } = t;
  if (thread.branch === undefined && thread.item === undefined) state.currentStepId = step.id;
  const actorOf = (id: string) => exe.definition.actors.find((a) => a.id === id);
  // An outside party recorded by an officer who is also a participant makes one task with them
  // ("bersama Panti"), not a second identical task in that officer's inbox.
  const joined = new Map<string, string[]>();
  const lanes = step.actors.filter((actorId) => {
    const actor = actorOf(actorId);
    if (step.actorMode !== 'together' || !actor?.external) return true;
    const host = step.actors.find(
      (other) =>
        other !== actorId && actorOf(other)?.performerRole === actor.performerRole && !actorOf(other)?.external,
    );
    if (!host) return true;
    joined.set(host, [...(joined.get(host) ?? []), actorId]);
    return false;
  });
  // A `sequence` row opens its lanes one at a time: only the first now, the next when it is done.
  const opening = step.actorMode === 'sequence' ? lanes.slice(0, 1) : lanes;
  const created: TaskState[] = opening.map((actorId) => {
    const task = newTask(t, exe, step, actorId, thread);
    const withParties = joined.get(actorId);
    if (withParties) task.with = withParties;
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
        tasks: created.map(createdTaskOf),
      },
    },
    { stepId: step.id },
  );
}
