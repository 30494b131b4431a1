import type { CaseCommand, CaseState, CommandResult, EngineContext, EngineError, TaskState } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { createdTaskOf, finishCase, newTask } from '../flow/enterStep.ts';
import { dataOfThread, forkBlock, moveOn, sameThread, threadOf, writePersonData } from '../flow/blocks.ts';
import { evaluateEligibility } from '../flow/evaluateEligibility.ts';
import { resumeServiceClock, serviceClockStep, startServiceClock } from '../flow/serviceClock.ts';
import { formErrorsToDetails } from '../formErrors.ts';
import { buildFacts } from '../rules/buildFacts.ts';
import { identityErrors } from '../identity/identityErrors.ts';
import { deciderOf, decidesStep, findDisagreements } from '../flow/jointStep.ts';
import { untickedAsFalse } from '../flow/untickedAsFalse.ts';
import { beginTransition, commit, emit, type Transition } from '../transition.ts';
import type { Step } from '../../definition/sopTypes.ts';
import { findActionableTask } from './findActionableTask.ts';

type Complete = Extract<CaseCommand, { type: 'complete' }>;

async function missingRequirements(
  exe: ExecutableSop,
  state: CaseState,
  task: TaskState,
  command: Complete,
  now: Date,
): Promise<string[]> {
  const stepId = task.stepId;
  const step = exe.stepById.get(stepId)!;
  const data = dataOfThread(state.data, threadOf(task));
  const facts = buildFacts(exe.definition, { ...data, ...(command.formData ?? {}) }, {}, now);
  const present = (doc: string): boolean =>
    command.checklist?.[doc] === true || (command.attachments ?? []).some((a) => a.doc === doc);
  const missing: string[] = [];
  for (const r of step.requirements) {
    // Equipment is only a reminder; "A atau B" is met by any one of its documents.
    if (r.kind === 'equipment') continue;
    if ((r.either ?? [{ doc: r.doc }]).some((e) => present(e.doc))) continue;
    const condition = exe.requirementConditions.get(`${stepId}/${r.doc}`);
    const needed = condition ? (await condition.evaluate(facts)).passed : r.required;
    if (needed) missing.push(r.doc);
  }
  return missing;
}

/** Whether the flow goes on towards a service (not a refusal or referral ending). */
function positiveTarget(exe: ExecutableSop, target: string): boolean {
  if (target === 'ditolak' || target === 'dirujuk') return false;
  const end = exe.stepById.get(target)?.end;
  return end !== 'ditolak' && end !== 'dirujuk';
}

/** Completes one task: validates form and checklist, then advances the flow when the step is done. */
export async function completeTask(
  exe: ExecutableSop,
  state: CaseState,
  command: Complete,
  context: EngineContext,
): Promise<CommandResult> {
  const found = findActionableTask(state, command.taskId, context);
  if ('error' in found) return { ok: false, error: found.error };
  const task = found.task;
  const step = exe.stepById.get(task.stepId)!;
  // A service step is done by its connector; by hand only with a reason, which the event keeps (audit).
  if (step.service && command.via !== 'connector' && (command.note ?? '').trim().length === 0)
    return {
      ok: false,
      error: {
        code: 'REASON_REQUIRED',
        message: `Langkah ini dikerjakan oleh layanan "${step.service.connector}". Bila diselesaikan manual, tuliskan alasannya (mis. layanan tidak dapat dihubungi) dan hasil pemeriksaan Anda.`,
        path: '/note',
      },
    };
  const formData = untickedAsFalse(step.form?.schema, command.formData ?? {});
  const validator = exe.formValidators.get(step.id);
  const details = [
    ...(validator && !validator(formData) ? formErrorsToDetails(validator.errors, step.form!.schema) : []),
    ...(step.form ? identityErrors(step.form.schema, formData, context.now, context.regions) : []),
  ];
  if (details.length > 0)
    return {
      ok: false,
      error: { code: 'FORM_INVALID', message: 'Isian formulir belum benar. Periksa isian yang ditandai.', details },
    };
  const missing = await missingRequirements(exe, state, task, command, context.now);
  if (missing.length > 0) {
    const labels = missing.map((d) => step.requirements.find((r) => r.doc === d)?.label ?? d);
    const error: EngineError = {
      code: 'REQUIREMENTS_INCOMPLETE',
      message: `Kelengkapan belum ada: ${labels.join(', ')}. Centang dokumen yang sudah diterima, atau kembalikan berkas untuk dilengkapi.`,
      details: missing.map((d, i) => ({ path: `/checklist/${d}`, message: labels[i] ?? d })),
    };
    return { ok: false, error };
  }
  // Siblings are the other lanes of this visit: in a block, of the same branch or person only.
  const thread = threadOf(task);
  const sibling = (x: TaskState): boolean => x.stepId === step.id && sameThread(x, thread);
  const openSiblings = state.tasks.filter((x) => sibling(x) && x.status === 'open' && x.id !== task.id);
  const nextLane = step.actorMode === 'sequence' ? step.actors[step.actors.indexOf(task.actorId) + 1] : undefined;
  const stepWillFinish =
    step.actorMode === 'sequence' ? nextLane === undefined : step.actorMode !== 'together' || openSiblings.length === 0;
  const humanDecision = step.decision?.mode === 'human';
  // In a joint step the decider's choice decides; the others may give theirs, which is kept and compared.
  const decides = decidesStep(step, task);
  const choiceNeeded = step.actorMode === 'together' ? decides : stepWillFinish;
  if (humanDecision && (choiceNeeded || command.choice !== undefined)) {
    if (command.choice === undefined)
      return {
        ok: false,
        error: {
          code: 'CHOICE_REQUIRED',
          message: `Pilih keputusan: ${step.decision!.branches.map((b) => b.label).join(' / ')}.`,
          path: '/choice',
        },
      };
    if (!step.decision!.branches.some((b) => b.label === command.choice))
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_CHOICE',
          message: `Keputusan "${command.choice}" tidak ada. Pilihan: ${step.decision!.branches.map((b) => b.label).join(' / ')}.`,
          path: '/choice',
        },
      };
  }

  const t = beginTransition(state, context);
  const live: TaskState = t.state.tasks.find((x) => x.id === task.id)!;
  live.status = 'completed';
  live.completedAt = context.now.toISOString();
  live.completedBy = context.by.userId;
  live.completedByName = context.by.name;
  live.formData = structuredClone(formData);
  live.checklist = { ...(command.checklist ?? {}) };
  if (command.choice !== undefined) live.choice = command.choice;
  // Only the decider's answers become the case's shared data; the others stay theirs, on their task.
  // Per-person work writes into that person's item of the list, never over the case's or another person's.
  if (decides && task.item) writePersonData(t, task.item, formData);
  else if (decides) Object.assign(t.state.data, structuredClone(formData));
  if (t.state.sentBack?.toStepId === step.id && stepWillFinish) delete t.state.sentBack;
  emit(
    t,
    {
      type: 'task.completed',
      payload: {
        formData,
        checklist: command.checklist ?? {},
        attachments: command.attachments ?? [],
        note: command.note ?? null,
        ...(step.service ? { via: command.via ?? 'manual' } : {}),
      },
    },
    { stepId: step.id, taskId: task.id },
  );
  if (t.state.paused && t.state.paused.stepId === step.id && stepWillFinish) resumeServiceClock(t);
  if (decides && !task.item) await evaluateEligibility(t, exe, Object.keys(formData));
  if (!stepWillFinish) {
    if (nextLane !== undefined) handOn(t, exe, step, live, nextLane);
    return commit(t);
  }
  if (step.actorMode === 'together') flagDisagreements(t, exe, step, task);
  if (step.actorMode === 'anyOf') {
    for (const other of t.state.tasks) {
      if (sibling(other) && other.status === 'open') {
        other.status = 'cancelled';
        emit(
          t,
          { type: 'task.cancelled', payload: { reason: 'completed-by-other-lane' } },
          { stepId: step.id, taskId: other.id },
        );
      }
    }
  }
  emit(
    t,
    { type: 'step.completed', payload: { outputs: step.outputs.map((o) => ({ id: o.id, name: o.name })) } },
    { stepId: step.id },
  );
  if (serviceClockStep(exe) === step.id) startServiceClock(t, exe);

  if (step.end !== undefined) {
    finishCase(t, step.end);
    return commit(t);
  }
  if (step.decision) {
    const choice =
      step.actorMode === 'together'
        ? t.state.tasks.find((x) => sibling(x) && x.createdAt === task.createdAt && decidesStep(step, x))?.choice
        : command.choice;
    const target = await decide(t, exe, step.id, choice, dataOfThread(t.state.data, thread));
    const failed = t.state.eligibility?.passed === false ? t.state.eligibility.criteria : [];
    if (failed.length > 0 && positiveTarget(exe, target)) {
      // Going on to a service although the Kriteria Sasaran failed needs a recorded reason.
      const reason = (command.overrideReason ?? '').trim();
      if (reason.length === 0)
        return {
          ok: false,
          error: {
            code: 'REASON_REQUIRED',
            message:
              'Kriteria sasaran tidak terpenuhi. Untuk melanjutkan ke keputusan yang mengabulkan, tuliskan alasannya; alasan dicatat di linimasa.',
            path: '/overrideReason',
          },
        };
      emit(
        t,
        {
          type: 'eligibility.overridden',
          payload: {
            reason,
            branch: target,
            failed: failed.filter((c) => !c.outcome.passed).map((c) => c.text),
          },
        },
        { stepId: step.id },
      );
    }
    moveOn(t, exe, target, thread);
    return commit(t);
  }
  if (step.parallel || step.forEach) {
    forkBlock(t, exe, step);
    return commit(t);
  }
  moveOn(t, exe, step.next!, thread);
  return commit(t);
}

/** A `sequence` row: opens the next lane's task, due when the row is due (the row's time covers every lane). */
function handOn(t: Transition, exe: ExecutableSop, step: Step, done: TaskState, actorId: string): void {
  const task = newTask(t, exe, step, actorId, threadOf(done));
  if (done.dueAt !== undefined) task.dueAt = done.dueAt;
  t.state.tasks.push(task);
  emit(
    t,
    {
      type: 'step.handedOn',
      payload: {
        from: done.actorId,
        task: createdTaskOf(task),
      },
    },
    { stepId: step.id, taskId: task.id },
  );
}

/** Flags, on the case and in the timeline, where the participants of a joint step answered differently. */
function flagDisagreements(t: Transition, exe: ExecutableSop, step: Step, done: TaskState): void {
  const tasks = t.state.tasks.filter(
    (x) => x.stepId === step.id && sameThread(x, done) && x.createdAt === done.createdAt && x.status === 'completed',
  );
  const fields = findDisagreements(exe, step, tasks);
  if (fields.length === 0) return;
  emit(t, { type: 'step.disagreement', payload: { decidedBy: deciderOf(step) ?? '', fields } }, { stepId: step.id });
  t.state.disagreements = [
    ...(t.state.disagreements ?? []),
    { stepId: step.id, at: t.context.now.toISOString(), fields: fields.map((f) => f.field) },
  ];
}

async function decide(
  t: Transition,
  exe: ExecutableSop,
  stepId: string,
  choice: string | undefined,
  data: Record<string, unknown>,
): Promise<string> {
  const step = exe.stepById.get(stepId)!;
  const decision = step.decision!;
  if (decision.mode === 'human') {
    const branch = decision.branches.find((b) => b.label === choice)!;
    emit(
      t,
      {
        type: 'decision.taken',
        payload: { label: branch.label, goto: branch.goto, question: decision.question ?? null },
      },
      { stepId },
    );
    return branch.goto;
  }
  // A per-person decision sees that person's fields over the case data.
  const facts = buildFacts(exe.definition, data, {}, t.context.now);
  const conditions = exe.branchConditions.get(stepId) ?? [];
  const evaluated: Array<{ label: string; passed: boolean; explanations: string[] }> = [];
  let chosen = decision.branches.find((b) => b.otherwise === true)!;
  for (let i = 0; i < decision.branches.length; i++) {
    const branch = decision.branches[i]!;
    const condition = conditions[i];
    if (!condition) continue;
    const outcome = await condition.evaluate(facts);
    evaluated.push({
      label: branch.label,
      passed: outcome.passed,
      explanations: outcome.criteria.map((c) => c.explanation),
    });
    if (outcome.passed) {
      chosen = branch;
      break;
    }
  }
  emit(
    t,
    {
      type: 'decision.evaluated',
      payload: { question: decision.question ?? null, chosen: chosen.label, goto: chosen.goto, branches: evaluated },
    },
    { stepId },
  );
  return chosen.goto;
}
