import type { Knex } from 'knex';
import { markReviewed, type ReviewTarget } from '../../definition/markReviewed.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { saveRevision, type SaveOutcome } from './draftService.ts';
import { insertDesignerEvent } from '../../storage/designer/sourceDocumentStore.ts';

/** A drafter's "Sudah diperiksa" on one imported part, over the text they are editing. */
export interface ReviewRequest {
  sopId: string;
  source: string;
  baseRevision: number;
  target: ReviewTarget;
}

/**
 * Marks one inferred part or uncertain reading as checked: adds it to `provenance.reviewed` in the drafter's text,
 * saves that as a new draft revision through the ordinary save (a stale base is the usual 409), and records who
 * checked which part when, in the same transaction.
 */
export async function reviewPart(
  db: Knex,
  user: AuthUser,
  request: ReviewRequest,
): Promise<SaveOutcome & { source?: string }> {
  const marked = markReviewed(request.source, request.target);
  if (!marked.ok) throw new AppError('UNPROCESSABLE', marked.message, marked.path, undefined, 'NOT_REVIEWABLE');
  const where = 'stepId' in request.target ? `langkah ${request.target.stepId}` : `isian ${request.target.field}`;
  const outcome = await saveRevision(db, user, {
    sopId: request.sopId,
    source: marked.source,
    baseRevision: request.baseRevision,
    note: `Diperiksa: ${where}, ${request.target.part}`,
  });
  if (!outcome.ok) return outcome;
  await insertDesignerEvent(db, user.regencyId, {
    sopId: request.sopId,
    revision: outcome.revision.revision,
    type: 'part-reviewed',
    detail: { ...request.target, path: marked.path },
    by: user.id,
    byName: user.name,
  });
  return { ...outcome, source: marked.source };
}
