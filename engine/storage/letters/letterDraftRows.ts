import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { Initial } from '../../app/letters/letterLayout.ts';
import { JsonList, JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const LetterDraftRowSchema = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  output_id: Type.String(),
  step_id: Type.String(),
  status: Type.Union([Type.Literal('prepared'), Type.Literal('signed'), Type.Literal('cancelled')]),
  values: JsonObject<Record<string, unknown>>(),
  initials: JsonList<Initial[]>(),
  prepared_by: Type.String(),
  prepared_at: Timestamp,
  document_id: Nullable(Type.String()),
});

/** A row of letter_drafts: a letter being prepared, its frozen values and the paraf given so far. */
export type LetterDraftRow = Static<typeof LetterDraftRowSchema>;

// Compiled once, at module load.
const letterDraftRows = rowDecoder('letter_drafts', LetterDraftRowSchema);

/** A new draft as prepareLetter writes it. */
export interface NewLetterDraft {
  id: string;
  regencyId: string;
  caseId: string;
  outputId: string;
  stepId: string;
  values: Record<string, unknown>;
  preparedBy: string;
  preparedAt: Date;
}

/** One draft of the regency, if it exists. */
export async function letterDraftById(
  db: Knex,
  regencyId: string,
  draftId: string,
): Promise<LetterDraftRow | undefined> {
  return letterDraftRows.first(await db('letter_drafts').where({ id: draftId, regency_id: regencyId }).first());
}

/** The draft of an output still being prepared, if any. */
export async function openLetterDraft(db: Knex, caseId: string, outputId: string): Promise<LetterDraftRow | undefined> {
  return letterDraftRows.first(
    await db('letter_drafts').where({ case_id: caseId, output_id: outputId, status: 'prepared' }).first(),
  );
}

/** The drafts of a case still being prepared. */
export async function openLetterDraftsOfCase(db: Knex, regencyId: string, caseId: string): Promise<LetterDraftRow[]> {
  return letterDraftRows.rows(
    await db('letter_drafts').where({
      case_id: caseId,
      regency_id: regencyId,
      status: 'prepared',
    }),
  );
}

/** Cancels the output's open draft (if any) and stores a new one without paraf, in the caller's transaction. */
export async function replaceOpenLetterDraft(trx: Knex.Transaction, draft: NewLetterDraft): Promise<LetterDraftRow> {
  await trx('letter_drafts')
    .where({ case_id: draft.caseId, output_id: draft.outputId, status: 'prepared' })
    .update({ status: 'cancelled' });
  await trx('letter_drafts').insert({
    id: draft.id,
    regency_id: draft.regencyId,
    case_id: draft.caseId,
    output_id: draft.outputId,
    step_id: draft.stepId,
    values: JSON.stringify(draft.values),
    initials: JSON.stringify([]),
    status: 'prepared',
    prepared_by: draft.preparedBy,
    prepared_at: draft.preparedAt,
  });
  return letterDraftRows.one(await trx('letter_drafts').where({ id: draft.id }).first());
}

/** Replaces the paraf of a draft still being prepared. */
export async function setLetterDraftInitials(db: Knex, draftId: string, initials: readonly Initial[]): Promise<void> {
  await db('letter_drafts')
    .where({ id: draftId, status: 'prepared' })
    .update({ initials: JSON.stringify(initials) });
}

/** Marks a draft signed with the document it became. */
export async function markLetterDraftSigned(trx: Knex.Transaction, draftId: string, documentId: string): Promise<void> {
  await trx('letter_drafts').where({ id: draftId }).update({ status: 'signed', document_id: documentId });
}
