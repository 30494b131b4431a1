import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { toIssuedDocument, type IssuedDocument } from '../app/outputs/documentTypes.ts';
import { issuedDocumentRows } from './letters/issuedDocumentRows.ts';
import { Timestamp } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';

// Compiled once, at module load.
const revokedRows = rowDecoder(
  'issued_documents (revoked)',
  Type.Object({ case_id: Type.String(), number: Type.String() }),
);
const validLetterRows = rowDecoder(
  'issued_documents (valid letter)',
  Type.Object({ title: Type.String(), number: Type.String(), issued_at: Timestamp }),
);

/** One issued document of the regency, with its signed PDF when it was signed electronically. */
export async function findIssuedDocument(
  db: Knex,
  regencyId: string,
  documentId: string,
): Promise<{ document: IssuedDocument; signedPdf: Buffer | null } | undefined> {
  const row = issuedDocumentRows.first(
    await db('issued_documents').where({ id: documentId, regency_id: regencyId }).first(),
  );
  if (!row) return undefined;
  return { document: toIssuedDocument(row), signedPdf: row.pdf ? Buffer.from(row.pdf) : null };
}

/** Marks a valid document revoked with its reason; undefined when there is none (or it was revoked already). */
export async function markDocumentRevoked(
  db: Knex,
  regencyId: string,
  documentId: string,
  reason: string,
  now: Date,
): Promise<{ caseId: string; number: string } | undefined> {
  const rows = revokedRows.rows(
    await db('issued_documents')
      .where({ id: documentId, regency_id: regencyId, status: 'valid' })
      .update({ status: 'revoked', revoked_at: now, revoked_reason: reason })
      .returning(['case_id', 'number']),
  );
  const row = rows[0];
  return row ? { caseId: row.case_id, number: row.number } : undefined;
}

/** The valid (not revoked) letter a case issued for one output: what `/lacak` may show of it. */
export async function validIssuedLetter(
  db: Knex,
  caseId: string,
  outputId: string,
): Promise<{ title: string; number: string; issuedAt: string } | null> {
  const doc = validLetterRows.first(
    await db('issued_documents')
      .where({ case_id: caseId, output_id: outputId, status: 'valid' })
      .first('title', 'number', 'issued_at'),
  );
  return doc ? { title: doc.title, number: doc.number, issuedAt: new Date(doc.issued_at).toISOString() } : null;
}
