import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { BigNumber, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** An `attachments` row as a case lists it (content not included). */
export const AttachmentListRowSchema = Type.Object({
  id: Type.String(),
  doc_id: Type.String(),
  file_name: Type.String(),
  media_type: Type.String(),
  size_bytes: BigNumber,
  uploaded_at: Timestamp,
});

// Compiled once, at module load.
const attachmentRows = rowDecoder('attachments (of a case)', AttachmentListRowSchema);
const sameNikRows = rowDecoder(
  'cases (open with the same NIK)',
  Type.Object({ id: Type.String(), tracking_code: Type.String(), opened_at: Timestamp }),
);

/** An attachment as the case page lists it (the content stays in the database). */
export type AttachmentListRow = Static<typeof AttachmentListRowSchema>;

/** A case's attachments, oldest first. */
export async function attachmentsOfCase(db: Knex, regencyId: string, caseId: string): Promise<AttachmentListRow[]> {
  return attachmentRows.rows(
    await db('attachments')
      .where({ case_id: caseId, regency_id: regencyId })
      .orderBy('uploaded_at')
      .select('id', 'doc_id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'),
  );
}

/** Other open or waiting cases of the same SOP for the same NIK, oldest first (possible duplicates). */
export async function openCasesWithNik(
  db: Knex,
  input: { regencyId: string; sopId: string; nik: string; exceptCaseId: string },
): Promise<Array<{ id: string; tracking_code: string; opened_at: Date | string }>> {
  return sameNikRows.rows(
    await db('cases')
      .where({ regency_id: input.regencyId, sop_id: input.sopId, applicant_nik: input.nik })
      .whereIn('status', ['open', 'waiting'])
      .whereNot('id', input.exceptCaseId)
      .orderBy('opened_at')
      .select('id', 'tracking_code', 'opened_at'),
  );
}
