import type { Step } from '../../definition/sopTypes.ts';
import type { TaskState } from '../caseTypes.ts';
import type { ExecutableSop } from '../compileSop.ts';
import { factsOfCondition } from '../rules/factsOfCondition.ts';

/** The actor whose answers decide a joint step (`decidedBy`, else the first actor listed). */
export function deciderOf(step: Step): string | undefined {
  return step.actorMode === 'together' ? (step.decidedBy ?? step.actors[0]) : undefined;
}

/** Whether this task's answers fill the shared data and the decision (always, outside joint steps). */
export function decidesStep(step: Step, task: TaskState): boolean {
  const decider = deciderOf(step);
  return decider === undefined || task.actorId === decider || (task.with ?? []).includes(decider);
}

/** The form fields a step's decision reads: the branch rules' facts that the step's form captures. */
function decisionFields(exe: ExecutableSop, step: Step): string[] {
  const properties = step.form?.schema.properties ?? {};
  const facts = new Set<string>();
  for (const branch of step.decision?.branches ?? []) if (branch.when) factsOfCondition(branch.when, facts);
  return [...facts].filter((f) => Object.hasOwn(properties, f));
}

/** One decision field on which a participant answered differently from the decider. */
export interface FieldDisagreement {
  field: string;
  title: string;
  values: Array<{ actorId: string; value: unknown }>;
}

/**
 * Compares every participant's answers on the decision fields (and the choice, for decisions by hand)
 * with the decider's; the decider's stand, differing ones are reported so the case can flag them.
 */
export function findDisagreements(exe: ExecutableSop, step: Step, round: readonly TaskState[]): FieldDisagreement[] {
  const decider = round.find((task) => decidesStep(step, task));
  if (!decider) return [];
  const others = round.filter((task) => task !== decider);
  const properties = step.form?.schema.properties ?? {};
  const fields: Array<{ field: string; title: string; read: (task: TaskState) => unknown }> = decisionFields(
    exe,
    step,
  ).map((field) => ({
    field,
    title: typeof properties[field]?.title === 'string' ? (properties[field].title as string) : field,
    read: (task) => task.formData?.[field],
  }));
  if (step.decision?.mode === 'human')
    fields.push({ field: 'choice', title: step.decision.question ?? 'Keputusan', read: (task) => task.choice });
  const found: FieldDisagreement[] = [];
  for (const { field, title, read } of fields) {
    const expected = JSON.stringify(read(decider) ?? null);
    const differing = others.filter((task) => read(task) !== undefined && JSON.stringify(read(task)) !== expected);
    if (differing.length === 0) continue;
    found.push({
      field,
      title,
      values: [decider, ...differing].map((task) => ({ actorId: task.actorId, value: read(task) ?? null })),
    });
  }
  return found;
}
