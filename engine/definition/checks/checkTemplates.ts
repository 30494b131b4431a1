import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Output templates that refer to the regency's letter templates must find them. */
export function checkTemplates({ sop, regency }: CheckContext): UnplacedError[] {
  if (!regency) return [];
  const known = (regency.letterTemplates ?? []).map((t) => `regency#/letterTemplates/${t.id}`);
  const errors: UnplacedError[] = [];
  sop.steps.forEach((step, i) => {
    const outputs = step.output === undefined ? [] : Array.isArray(step.output) ? step.output : [step.output];
    outputs.forEach((output, j) => {
      if (typeof output === 'string' || !output.template || !('$ref' in output.template)) return;
      const ref = output.template.$ref;
      const path = Array.isArray(step.output)
        ? `/steps/${i}/output/${j}/template/$ref`
        : `/steps/${i}/output/template/$ref`;
      if (!known.includes(ref)) errors.push(unplaced('UNKNOWN_REF', path, withSuggestion({ ref }, ref, known)));
    });
  });
  return errors;
}
