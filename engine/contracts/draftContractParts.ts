import { Type } from '@sinclair/typebox';
import type { DesignerStatus } from '../app/designer/designerStatus.ts';
import type { DraftRevision, ReviewEntry } from '../storage/designer/draftStore.ts';
import type { LineDiff } from '../app/designer/lineDiff.ts';
import type { DefinitionError } from '../definition/definitionError.ts';
import { engineShape } from './engineShape.ts';
import { engineShaped, nullable } from './engineShaped.ts';

// What the SOP designer and the regency settings share: both keep drafts with revisions and review notes.

/** A draft revision number in a request body. */
export const RevisionNumber = Type.Integer({ minimum: 0, maximum: 1_000_000 });
/** A YAML source saved as a draft. */
export const DraftSource = Type.String({ minLength: 1, maxLength: 250_000 });
/** A review note (submit, return). */
export const ReviewNote = Type.String({ maxLength: 2000 });

/** A saved draft revision (the app's DraftRevision), outlined by what the editors read: number, origin, who, when. */
export const DraftRevisionSchema = engineShaped<DraftRevision>(
  Type.Object({
    revision: Type.Integer(),
    origin: Type.String(),
    note: nullable(Type.String()),
    savedByName: Type.String(),
    savedAt: Type.String(),
  }),
);

/** Where a draft stands in the designer. */
const DesignerStatusSchema = engineShaped<DesignerStatus>(
  Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('published')]),
);

/** One review step (submitted, returned, published) as the editors show it. */
const ReviewEntrySchema = engineShaped<ReviewEntry>(
  Type.Object({
    revision: Type.Integer(),
    action: Type.Union([Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('published')]),
    note: nullable(Type.String()),
    byName: Type.String(),
    at: Type.String(),
  }),
);

/** The fields every working copy (an SOP's, the regency settings') carries for its editor. */
export const workingCopyFields = {
  name: Type.String(),
  status: DesignerStatusSchema,
  revision: Type.Integer(),
  source: Type.String(),
  latestDraft: nullable(DraftRevisionSchema),
  publishedVersion: nullable(Type.Integer()),
  reviews: Type.Array(ReviewEntrySchema),
};

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

/** A check of a YAML text: errors placed at line and column, in Indonesian and English. */
export const DefinitionErrorSchema = engineShaped<DefinitionError>(
  Type.Object({
    code: Type.String(),
    file: Type.String(),
    line: Type.Integer(),
    column: Type.Integer(),
    path: Type.String(),
    message: Type.String(),
    messageEn: Type.String(),
  }),
);
