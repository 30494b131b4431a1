import { unplaced, type UnplacedError } from '../definitionError.ts';
import { isEnding } from '../flowGraph.ts';
import { duplicateIds } from './duplicateIds.ts';
import type { CheckContext } from './checkContext.ts';

/** Ids must be unique per kind, and step ids must not shadow the reserved endings. */
export function checkIds({ sop }: CheckContext): UnplacedError[] {
  const errors = [
    ...duplicateIds(sop.steps, '/steps', 'langkah'),
    ...duplicateIds(sop.actors, '/actors', 'pelaksana'),
    ...duplicateIds(sop.documents, '/documents', 'dokumen'),
    ...duplicateIds(sop.forms, '/forms', 'formulir'),
    ...duplicateIds(sop.eligibility?.criteria, '/eligibility/criteria', 'kriteria'),
  ];
  sop.steps.forEach((step, index) => {
    if (isEnding(step.id)) errors.push(unplaced('RESERVED_ID', `/steps/${index}/id`, { id: step.id }));
  });
  return errors;
}
