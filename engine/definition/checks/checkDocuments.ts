import { unplaced, type UnplacedError } from '../definitionError.ts';
import { withSuggestion } from '../suggest.ts';
import type { CheckContext } from './checkContext.ts';

/** Every requirement names a document type of the SOP or of its regency. */
export function checkDocuments({ sop, regency }: CheckContext): UnplacedError[] {
  const known = [...(sop.documents ?? []).map((d) => d.id), ...(regency?.documentTypes ?? []).map((d) => d.id)];
  const errors: UnplacedError[] = [];
  sop.steps.forEach((step, i) => {
    (step.requirements ?? []).forEach((req, j) => {
      const refs: Array<[string, string]> =
        typeof req === 'string'
          ? [[req, `/steps/${i}/requirements/${j}`]]
          : 'either' in req
            ? req.either.map((doc, k): [string, string] => [doc, `/steps/${i}/requirements/${j}/either/${k}`])
            : [[req.doc, `/steps/${i}/requirements/${j}/doc`]];
      for (const [doc, path] of refs)
        if (!known.includes(doc)) errors.push(unplaced('UNKNOWN_DOCUMENT', path, withSuggestion({ doc }, doc, known)));
    });
  });
  return errors;
}
