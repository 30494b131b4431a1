import type { SopDefinition } from '../definition/sopTypes.ts';
import type { Scenario } from './planScenarios.ts';
import { withAgreeingNik } from './agreeingNik.ts';
import { sampleValue, type SchemaNode } from './sampleValue.ts';
import { satisfyCondition } from './satisfyCondition.ts';

/** Facts wanted at one decision visit: its branch true, the earlier branches false. */
function factsForVisit(
  definition: SopDefinition,
  stepId: string,
  branchLabel: string | undefined,
): Record<string, unknown> {
  const step = definition.steps.find((s) => s.id === stepId);
  if (!step?.decision || step.decision.mode !== 'rule' || branchLabel === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const branch of step.decision.branches) {
    if (branch.label === branchLabel) {
      if (branch.when) satisfyCondition(branch.when, true, out);
      break;
    }
    if (branch.when) satisfyCondition(branch.when, false, out);
  }
  return out;
}

/** Turns derived facts (age) into their source fields (birthDate), relative to `now`. */
function toSourceFields(definition: SopDefinition, facts: Record<string, unknown>, now: Date): Record<string, unknown> {
  const out = { ...facts };
  for (const derived of definition.derivedFacts ?? []) {
    const wanted = out[derived.id];
    if (wanted === undefined) continue;
    delete out[derived.id];
    if (derived.function === 'yearsSince') {
      const date = new Date(now);
      date.setUTCFullYear(now.getUTCFullYear() - Number(wanted));
      date.setUTCDate(date.getUTCDate() - 1);
      out[derived.of] = date.toISOString().slice(0, 10);
    } else out[derived.of] = Array.from({ length: Number(wanted) }, (_, i) => `butir-${i + 1}`);
  }
  return out;
}

/** Facts wanted from visit `index` on: later decisions first, so the nearest decision wins conflicts. */
export function wantedFactsFrom(
  definition: SopDefinition,
  scenario: Scenario,
  index: number,
  now: Date,
): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (let i = scenario.visits.length - 1; i >= index; i--) {
    const visit = scenario.visits[i]!;
    merged = { ...merged, ...factsForVisit(definition, visit.stepId, visit.branch) };
  }
  return toSourceFields(definition, merged, now);
}

/** Data for a form: a valid sample, with the wanted facts that are fields of this form. */
export function formDataFor(schema: SchemaNode, wanted: Record<string, unknown>): Record<string, unknown> {
  const data = sampleValue(schema) as Record<string, unknown>;
  for (const [name, value] of Object.entries(wanted)) if (schema.properties?.[name]) data[name] = value;
  return withAgreeingNik(data);
}

/**
 * Case data with several persons in each per-person list (three, each with their own label), so a
 * simulated walk opens one piece of work per person; other lists keep what the sample gave.
 */
export function withPersons(definition: SopDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const step of definition.steps) {
    const list = step.forEach?.list;
    const schema: SchemaNode | undefined = list !== undefined ? definition.caseData.schema.properties[list] : undefined;
    if (list === undefined || !schema?.items) continue;
    out[list] = [1, 2, 3].map((n) => {
      const person = sampleValue(schema.items!) as Record<string, unknown>;
      const label = step.forEach!.label;
      if (label !== undefined) person[label] = `Penerima Contoh ${n}`;
      return person;
    });
  }
  return out;
}
