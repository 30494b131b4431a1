import { computeDeadline } from '../../calendar/computeDeadline.ts';
import type { CaseCommand, CaseState, CommandResult, EngineContext, TaskState } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { beginTransition, commit, emit } from '../transition.ts';

type Migrate = Extract<CaseCommand, { type: 'migrate' }>;

/** Required case data fields of the new version that the case does not have (the move reports them). */
export function missingCaseData(
  target: ExecutableSop,
  data: Record<string, unknown>,
): Array<{ field: string; title: string }> {
  const schema = target.definition.caseData.schema;
  return (schema.required ?? [])
    .filter((field) => data[field] === undefined || data[field] === null || data[field] === '')
    .map((field) => ({
      field,
      title: typeof schema.properties[field]?.title === 'string' ? (schema.properties[field].title as string) : field,
    }));
}

/** Whether the case can move to `target`: it must be running, and its current step must exist there. */
export function migrationBlocker(target: ExecutableSop, state: CaseState): string | undefined {
  if (state.status !== 'open' && state.status !== 'waiting')
    return 'Kasus sudah selesai atau dibatalkan; hanya kasus berjalan yang dapat dipindahkan.';
  if (state.currentStepId === undefined) return 'Kasus tidak berada pada langkah mana pun.';
  // Branches or persons work at several steps at once; the case moves once they have met at the join.
  if ((state.blocks ?? []).length > 0)
    return 'Kasus sedang dikerjakan di beberapa cabang atau per penerima; pindahkan setelah semuanya sampai di langkah gabung.';
  if (!target.stepById.has(state.currentStepId))
    return `Langkah "${state.currentStepId}" tidak ada pada versi baru; kasus tidak dapat dipindahkan.`;
  return undefined;
}

/** Tasks created by the latest entry into the current step (earlier visits of a loop are history). */
function latestBatch(state: CaseState, stepId: string): TaskState[] {
  const atStep = state.tasks.filter((t) => t.stepId === stepId);
  const newest = atStep.reduce((max, t) => (t.createdAt > max ? t.createdAt : max), '');
  return atStep.filter((t) => t.createdAt === newest);
}

/**
 * Moves a running case onto another published version of its SOP (the `exe` given is the target).
 * The case stays on its current step: open tasks whose lane and role still exist there are kept with
 * their deadlines, other open tasks are cancelled, and lanes the new step adds get new tasks. The move
 * is a `case.migrated` event listing the required case data the new version asks for and the case lacks.
 */
export function migrateVersion(
  exe: ExecutableSop,
  state: CaseState,
  command: Migrate,
  context: EngineContext,
): CommandResult {
  const blocker = migrationBlocker(exe, state);
  if (blocker !== undefined)
    return {
      ok: false,
      error: {
        code: state.status === 'open' || state.status === 'waiting' ? 'TASK_NOT_FOUND' : 'CASE_NOT_OPEN',
        message: blocker,
      },
    };
  const t = beginTransition(state, context);
  const step = exe.stepById.get(state.currentStepId!)!;
  const batch = latestBatch(t.state, step.id);
  const cancelled: string[] = [];
  for (const task of batch) {
    if (task.status !== 'open') continue;
    const actor = exe.definition.actors.find((a) => a.id === task.actorId);
    if (step.actors.includes(task.actorId) && actor?.performerRole === task.role) continue;
    task.status = 'cancelled';
    cancelled.push(task.id);
  }
  const covered = new Set(batch.filter((x) => x.status !== 'cancelled').map((x) => x.actorId));
  const created: TaskState[] = [];
  // For "any of" steps one open lane is enough; for the others every lane needs its task.
  const needsAll = step.actorMode !== 'anyOf' || covered.size === 0;
  for (const actorId of step.actors) {
    if (covered.has(actorId) || !needsAll) continue;
    const actor = exe.definition.actors.find((a) => a.id === actorId);
    t.state.taskSeq += 1;
    const task: TaskState = {
      id: `${state.id}-t${t.state.taskSeq}`,
      stepId: step.id,
      actorId,
      role: actor?.performerRole ?? '',
      status: 'open',
      createdAt: context.now.toISOString(),
    };
    if (step.time)
      task.dueAt = computeDeadline(context.calendar, context.now, step.time, t.state.persons, step.clock).toISOString();
    created.push(task);
    if (step.actorMode === 'anyOf') break;
  }
  t.state.tasks.push(...created);
  const missing = missingCaseData(exe, t.state.data);
  emit(
    t,
    {
      type: 'case.migrated',
      payload: {
        fromVersion: command.fromVersion,
        toVersion: command.toVersion,
        stepId: step.id,
        missingData: missing,
        cancelledTasks: cancelled,
        createdTasks: created.map((c) => ({ id: c.id, actorId: c.actorId, role: c.role, dueAt: c.dueAt ?? null })),
        note: command.note ?? null,
      },
    },
    { stepId: step.id },
  );
  for (const id of cancelled)
    emit(t, { type: 'task.cancelled', payload: { reason: 'migrated' } }, { stepId: step.id, taskId: id });
  return commit(t);
}
