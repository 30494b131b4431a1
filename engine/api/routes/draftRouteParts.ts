import type { SaveOutcome } from '../../app/designer/draftService.ts';
import type { Static } from '@sinclair/typebox';
import type { draftSaveReplies } from '../../contracts/draftContractParts.ts';

// What the SOP designer and the regency settings share: both keep drafts with revisions and review notes.

type SaveAnswer =
  | { status: 201; body: Static<(typeof draftSaveReplies)[201]> }
  | { status: 409; body: Static<(typeof draftSaveReplies)[409]> };

/** A refused save answers 409 with both revisions: the one the drafter started from and the newest. */
export function savedOrConflict(outcome: SaveOutcome): SaveAnswer {
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
