import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { IssuedDocumentRow, Letterhead, Signer } from '../../app/outputs/documentTypes.ts';
import type { Initial } from '../../app/letters/letterLayout.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { issuedDocumentRows } from './issuedDocumentRows.ts';

// Compiled once, at module load.
const numberRows = rowDecoder('issued_documents (number)', Type.Object({ number: Type.String() }));

/** A signed letter as signLetter stores it. */
export interface NewIssuedLetter {
  id: string;
  regencyId: string;
  caseId: string;
  outputId: string;
  stepId: string;
  title: string;
  number: string;
  body: string;
  signer: Signer;
  letterhead: Letterhead;
  verificationCode: string;
  issuedBy: string;
  issuedAt: Date;
  values: Record<string, unknown>;
  pdf: Uint8Array;
  pdfSha256: string;
  signatureKind: string;
  recipient: string | null;
  draftId: string;
  initials: readonly Initial[];
}

/** The number of the document a case issued for one output (valid or revoked), if any. */
export async function issuedNumberOf(db: Knex, caseId: string, outputId: string): Promise<string | undefined> {
  const row = numberRows.first(
    await db('issued_documents').where({ case_id: caseId, output_id: outputId }).first('number'),
  );
  return row?.number;
}

/** The documents a case of the regency has issued. */
export async function issuedDocumentsOfCase(db: Knex, regencyId: string, caseId: string): Promise<IssuedDocumentRow[]> {
  return issuedDocumentRows.rows(await db('issued_documents').where({ case_id: caseId, regency_id: regencyId }));
}

/** Stores a signed letter as a valid issued document, in the caller's transaction, and reads it back. */
export async function insertIssuedLetter(trx: Knex.Transaction, letter: NewIssuedLetter): Promise<IssuedDocumentRow> {
  await trx('issued_documents').insert({
    id: letter.id,
    regency_id: letter.regencyId,
    case_id: letter.caseId,
    output_id: letter.outputId,
    step_id: letter.stepId,
    title: letter.title,
    number: letter.number,
    body: letter.body,
    signer: JSON.stringify(letter.signer),
    letterhead: JSON.stringify(letter.letterhead),
    verification_code: letter.verificationCode,
    status: 'valid',
    issued_by: letter.issuedBy,
    issued_at: letter.issuedAt,
    values: JSON.stringify(letter.values),
    pdf: letter.pdf,
    pdf_sha256: letter.pdfSha256,
    signed_by: letter.issuedBy,
    signature_kind: letter.signatureKind,
    recipient: letter.recipient,
    draft_id: letter.draftId,
    initials: JSON.stringify(letter.initials),
  });
  return issuedDocumentRows.one(await trx('issued_documents').where({ id: letter.id }).first());
}
