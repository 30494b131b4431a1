import { computeDeadline } from '../../calendar/computeDeadline.ts';
import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { enterStep } from '../flow/enterStep.ts';
import { evaluateEligibility } from '../flow/evaluateEligibility.ts';
import { serviceClockStep } from '../flow/serviceClock.ts';
import { untickedAsFalse } from '../flow/untickedAsFalse.ts';
import { formErrorsToDetails } from '../formErrors.ts';
import { identityErrors } from '../identity/identityErrors.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/** An empty case, before its start command. */
export function blankCase(exe: ExecutableSop, caseId: string, now: Date): CaseState {
  return {
    id: caseId,
    regency: exe.definition.regency,
    sopId: exe.definition.id,
    revision: 0,
    status: 'open',
    data: {},
    tasks: [],
    openedAt: now.toISOString(),
    taskSeq: 0,
    eventSeq: 0,
    persons: 1,
  };
}

/** Opens a case: validates the case data, sets the service deadline and creates the first step's tasks. */
export async function startCase(
  exe: ExecutableSop,
  command: Extract<CaseCommand, { type: 'start' }>,
  context: EngineContext,
): Promise<CommandResult> {
  const data = untickedAsFalse(exe.definition.caseData.schema, command.data);
  const valid = exe.caseDataValidator(data);
  const details = [
    ...(valid ? [] : formErrorsToDetails(exe.caseDataValidator.errors, exe.definition.caseData.schema)),
    ...identityErrors(exe.definition.caseData.schema, data, context.now, context.regions),
  ];
  if (details.length > 0)
    return {
      ok: false,
      error: { code: 'FORM_INVALID', message: 'Data kasus belum benar. Periksa isian yang ditandai.', details },
    };
  const t = beginTransition(blankCase(exe, command.caseId, context.now), context);
  t.state.data = structuredClone(data);
  t.state.persons = Math.max(1, command.persons ?? 1);
  const clockWaits = serviceClockStep(exe) !== undefined;
  if (exe.definition.duration && !clockWaits)
    t.state.dueAt = computeDeadline(
      context.calendar,
      context.now,
      exe.definition.duration,
      t.state.persons,
      exe.definition.clock,
    ).toISOString();
  emit(t, {
    type: 'case.started',
    payload: {
      sopId: exe.definition.id,
      dueAt: t.state.dueAt ?? null,
      ...(clockWaits ? { clockStartsAfter: serviceClockStep(exe) } : {}),
      fields: Object.keys(data),
    },
  });
  await evaluateEligibility(t, exe, Object.keys(data));
  const first = exe.definition.steps[0];
  if (first) enterStep(t, exe, first.id);
  return commit(t);
}
