import type { Knex } from 'knex';
import { markDocumentRevoked } from '../../storage/issuedDocuments.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { recordIssuedOutput } from '../caseService.ts';

/** Revokes an issued document (the public verification page then shows DICABUT) and records it on the case. */
export async function revokeDocument(db: Knex, user: AuthUser, documentId: string, reason: string): Promise<void> {
  const revoked = await markDocumentRevoked(db, user.regencyId, documentId, reason, new Date());
  if (!revoked) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan atau sudah dicabut.');
  // The case's timeline says who revoked which letter and why (the audit trail of the revocation).
  await recordIssuedOutput(db, user, revoked.caseId, {
    type: 'recordRevocation',
    documentId,
    number: revoked.number,
    reason,
  });
}
