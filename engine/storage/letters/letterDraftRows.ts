import type { Knex } from 'knex';
import type { Initial } from '../../app/letters/letterLayout.ts';

/** A row of letter_drafts: a letter being prepared, its frozen values and the paraf given so far. */
export type LetterDraftRow = {
  id: string;
  case_id: string;
  output_id: string;
  step_id: string;
  status: 'prepared' | 'signed' | 'cancelled';
  values: Record<string, unknown>;
  initials: Initial[];
  prepared_by: string;
  prepared_at: Date | string;
  document_id: string | null;
};

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
  return (await db('letter_drafts').where({ id: draftId, regency_id: regencyId }).first()) as
    LetterDraftRow | undefined;
}

/** The draft of an output still being prepared, if any. */
export async function openLetterDraft(db: Knex, caseId: string, outputId: string): Promise<LetterDraftRow | undefined> {
  return (await db('letter_drafts').where({ case_id: caseId, output_id: outputId, status: 'prepared' }).first()) as
    LetterDraftRow | undefined;
}

/** The drafts of a case still being prepared. */
export async function openLetterDraftsOfCase(db: Knex, regencyId: string, caseId: string): Promise<LetterDraftRow[]> {
  return (await db('letter_drafts').where({
    case_id: caseId,
    regency_id: regencyId,
    status: 'prepared',
  })) as LetterDraftRow[];
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
  return (await trx('letter_drafts').where({ id: draft.id }).first()) as LetterDraftRow;
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
