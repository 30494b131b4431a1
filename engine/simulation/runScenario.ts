import type { CaseState } from '../core/caseTypes.ts';
import type { SopDefinition } from '../definition/sopTypes.ts';
import type { CaseDriver } from './caseDriver.ts';
import type { Scenario } from './planScenarios.ts';
import { formDataFor, wantedFactsFrom, withPersons } from './scenarioData.ts';
import { walkBlock } from './walkBlock.ts';

/** Outcome of walking a scenario. */
export interface ScenarioRun {
  state: CaseState;
  /** Branch labels the engine actually took, per decision visit. */
  branchesTaken: string[];
}

/**
 * Walks a scenario through any driver: opens the case with data that steers every decision the
 * planned way, completes each step's tasks (all lanes for "together", one for "any of", one after another for "sequence"), and
 * optionally sends the file back once at `sendBackAt`. A parallel or per-person block is worked through
 * branch by branch, person by person (three persons per list). Throws if a command is refused.
 */
export async function runScenario(
  definition: SopDefinition,
  driver: CaseDriver,
  scenario: Scenario,
  options: { sendBackAt?: string; now?: Date } = {},
): Promise<ScenarioRun> {
  const now = options.now ?? new Date('2025-03-03T01:00:00Z');
  let state = await driver.start(
    withPersons(definition, formDataFor(definition.caseData.schema, wantedFactsFrom(definition, scenario, 0, now))),
  );
  let sentBack = false;
  for (let i = 0; i < scenario.visits.length; i++) {
    const visit = scenario.visits[i]!;
    if (state.currentStepId !== visit.stepId)
      throw new Error(`expected step ${visit.stepId}, case is at ${state.currentStepId ?? state.status}`);
    const step = definition.steps.find((s) => s.id === visit.stepId)!;
    const open = state.tasks.filter((x) => x.stepId === step.id && x.status === 'open');
    if (options.sendBackAt === step.id && !sentBack && step.sendBack) {
      state = await driver.sendBack(open[0]!, 'Dokumen belum lengkap (simulasi)');
      sentBack = true;
      i = scenario.visits.findIndex((v) => v.stepId === step.sendBack!.to) - 1;
      continue;
    }
    const wanted = wantedFactsFrom(definition, scenario, i, now);
    const lanes = step.actorMode === 'anyOf' ? open.slice(0, 1) : open;
    // A `sequence` row opens its next lane only when the previous one is done: keep completing until the row is.
    while (lanes.length > 0) {
      const task = lanes.shift()!;
      const formData = step.form ? formDataFor(step.form.schema, wanted) : {};
      const checklist = Object.fromEntries(step.requirements.map((r) => [r.doc, true]));
      const choice = visit.branch !== undefined && step.decision?.mode === 'human' ? { choice: visit.branch } : {};
      // A service step walked without its connector is completed by hand, which needs a reason.
      const note = step.service ? { note: 'Simulasi: layanan tidak dipanggil, hasil dicatat manual' } : {};
      // A walk down a granting branch with failed Kriteria Sasaran records why, as staff must.
      const override = step.decision
        ? { overrideReason: 'Simulasi: melanjutkan meski kriteria sasaran tidak terpenuhi' }
        : {};
      state = await driver.complete(task, { formData, checklist, ...choice, ...note, ...override });
      if (step.actorMode === 'sequence')
        lanes.push(...state.tasks.filter((x) => x.stepId === step.id && x.status === 'open' && x.id !== task.id));
    }
    // After a fork step every branch, or every person of the list, is worked through to the join.
    if ((state.blocks ?? []).length > 0) state = await walkBlock(definition, driver, state);
  }
  const branchesTaken = (await driver.events()).flatMap((e) =>
    e.type === 'decision.evaluated' ? [e.payload.chosen] : e.type === 'decision.taken' ? [e.payload.label] : [],
  );
  return { state, branchesTaken };
}
