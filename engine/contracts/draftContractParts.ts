import { Type } from '@sinclair/typebox';
import type { DraftRevision } from '../storage/designer/draftStore.ts';
import type { LineDiff } from '../app/designer/lineDiff.ts';
import type { DefinitionError } from '../definition/definitionError.ts';
import { engineShape } from './engineShape.ts';

// What the SOP designer and the regency settings share: both keep drafts with revisions and review notes.

/** A draft revision number in a request body. */
export const RevisionNumber = Type.Integer({ minimum: 0, maximum: 1_000_000 });
/** A YAML source saved as a draft. */
export const DraftSource = Type.String({ minLength: 1, maxLength: 250_000 });
/** A review note (submit, return). */
export const ReviewNote = Type.String({ maxLength: 2000 });

/** A saved draft revision: who saved it, when, from what. */
export const DraftRevisionSchema = engineShape<DraftRevision>('Revisi draf: nomor, asal, catatan, penyimpan, waktu');

/** A save: the text and the revision the drafter started from. */
export const DraftSaveBody = Type.Object(
  { source: DraftSource, baseRevision: RevisionNumber, note: Type.Optional(ReviewNote) },
  { additionalProperties: false },
);

/** A save refused because someone saved since the drafter's base revision: both revisions, nothing written. */
export const DraftConflictReply = Type.Object({
  error: Type.Object({
    code: Type.Literal('CONFLICT'),
    reason: Type.Literal('DRAFT_CONFLICT'),
    message: Type.String(),
  }),
  conflict: Type.Object({ baseRevision: Type.Integer(), latest: DraftRevisionSchema }),
});

/** The replies of a save: the new revision, or the conflict. */
export const draftSaveReplies = {
  201: Type.Object({ revision: DraftRevisionSchema }),
  409: DraftConflictReply,
} as const;

/** A line diff between two labelled texts (versions v<N>, revisions r<N>, or what is in force). */
export const DiffReply = Type.Object({
  from: Type.String(),
  to: Type.String(),
  diff: engineShape<LineDiff>('Perbedaan baris'),
});

/** The references a diff compares (v<N>, r<N>); absent: the defaults. */
export const DiffQuery = Type.Object({ from: Type.Optional(Type.String()), to: Type.Optional(Type.String()) });

/** A check of a YAML text: errors placed at line and column. */
export const DefinitionErrorSchema = engineShape<DefinitionError>('Kesalahan dengan berkas, baris, kolom dan pesan');
