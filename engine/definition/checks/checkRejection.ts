import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/**
 * The rejection letter: its template reference exists, its signer and paraf roles are the regency's,
 * and its id is not already an output of a step (both would share one numbered document).
 */
export function checkRejection({ sop, regency }: CheckContext): UnplacedError[] {
  const letter = sop.rejection?.letter;
  if (!letter) return [];
  const errors: UnplacedError[] = [];
  const base = '/rejection/letter';
  if (regency && '$ref' in letter.template) {
    const known = (regency.letterTemplates ?? []).map((t) => `regency#/letterTemplates/${t.id}`);
    const ref = letter.template.$ref;
    if (!known.includes(ref))
      errors.push(unplaced('UNKNOWN_REF', `${base}/template/$ref`, withSuggestion({ ref }, ref, known)));
  }
  const roles = regency?.roles.map((r) => r.id) ?? [];
  const roleError = (role: string, path: string): void => {
    if (regency && !roles.includes(role))
      errors.push(unplaced('UNKNOWN_ROLE', path, withSuggestion({ role, known: roles.join(', ') }, role, roles)));
  };
  if (letter.signerRole !== undefined) roleError(letter.signerRole, `${base}/signerRole`);
  letter.initials?.forEach((role, i) => roleError(role, `${base}/initials/${i}`));
  sop.steps.forEach((step, i) => {
    const outputs = step.output === undefined ? [] : Array.isArray(step.output) ? step.output : [step.output];
    outputs.forEach((output, j) => {
      if (typeof output === 'string' || output.id !== letter.id) return;
      const firstPath = Array.isArray(step.output) ? `/steps/${i}/output/${j}/id` : `/steps/${i}/output/id`;
      errors.push(unplaced('DUPLICATE_ID', `${base}/id`, { id: letter.id, firstPath, kind: 'keluaran' }));
    });
  });
  return errors;
}
