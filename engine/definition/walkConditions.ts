import type { FactCondition, RawSop, RuleCondition } from './sopTypes.ts';

/** A leaf comparison together with its JSON path in the definition. */
export interface LocatedFactCondition {
  condition: FactCondition;
  path: string;
}

function walk(condition: RuleCondition, path: string, out: LocatedFactCondition[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => walk(c, `${path}/all/${i}`, out));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(c, `${path}/any/${i}`, out));
  else if ('not' in condition) walk(condition.not, `${path}/not`, out);
  else out.push({ condition, path });
}

/** Every fact comparison in the SOP: eligibility criteria, decision branches and conditional requirements. */
export function collectFactConditions(sop: RawSop): LocatedFactCondition[] {
  const out: LocatedFactCondition[] = [];
  (sop.eligibility?.criteria ?? []).forEach((c, i) => walk(c.rule, `/eligibility/criteria/${i}/rule`, out));
  sop.steps.forEach((step, i) => {
    (step.decision?.branches ?? []).forEach((b, j) => {
      if (b.when) walk(b.when, `/steps/${i}/decision/branches/${j}/when`, out);
    });
    (step.requirements ?? []).forEach((r, j) => {
      if (typeof r !== 'string' && 'when' in r && r.when) walk(r.when, `/steps/${i}/requirements/${j}/when`, out);
    });
  });
  return out;
}
