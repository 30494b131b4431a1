import type { SaveOutcome } from '../../app/designer/draftService.ts';
import type { RouteResult } from '../routeSpec.ts';

// What the SOP designer and the regency settings share: both keep drafts with revisions and review notes.

/** A draft revision number in a request body. */
export const revisionSchema = { type: 'integer', minimum: 0, maximum: 1_000_000 };
/** A YAML source saved as a draft. */
export const sourceSchema = { type: 'string', minLength: 1, maxLength: 250_000 };
/** A review note (submit, return). */
export const noteSchema = { type: 'string', maxLength: 2000 };

/** A refused save answers 409 with both revisions: the one the drafter started from and the newest. */
export function savedOrConflict(outcome: SaveOutcome): RouteResult {
  if (outcome.ok) return { status: 201, body: { revision: outcome.revision } };
  const { latest, baseRevision } = outcome.conflict;
  return {
    status: 409,
    body: {
      error: {
        code: 'CONFLICT',
        reason: 'DRAFT_CONFLICT',
        message: `${latest.savedByName} menyimpan revisi ${latest.revision} setelah Anda membuka revisi ${baseRevision}. Perubahan Anda belum disimpan; bandingkan dahulu.`,
      },
      conflict: { baseRevision, latest },
    },
  };
}
