import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Every requirement names a document type of the SOP or of its regency. */
export function checkDocuments({ sop, regency }: CheckContext): UnplacedError[] {
  const known = [...(sop.documents ?? []).map((d) => d.id), ...(regency?.documentTypes ?? []).map((d) => d.id)];
  const errors: UnplacedError[] = [];
  sop.steps.forEach((step, i) => {
    (step.requirements ?? []).forEach((req, j) => {
      const doc = typeof req === 'string' ? req : req.doc;
      const path = typeof req === 'string' ? `/steps/${i}/requirements/${j}` : `/steps/${i}/requirements/${j}/doc`;
      if (!known.includes(doc)) errors.push(unplaced('UNKNOWN_DOCUMENT', path, withSuggestion({ doc }, doc, known)));
    });
  });
  return errors;
}
