import type { Knex } from 'knex';

/** An attachment as the case page lists it (the content stays in the database). */
export interface AttachmentListRow {
  id: string;
  doc_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number | string;
  uploaded_at: Date | string;
}

/** A case's attachments, oldest first. */
export async function attachmentsOfCase(db: Knex, regencyId: string, caseId: string): Promise<AttachmentListRow[]> {
  return (await db('attachments')
    .where({ case_id: caseId, regency_id: regencyId })
    .orderBy('uploaded_at')
    .select('id', 'doc_id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at')) as AttachmentListRow[];
}

/** Other open or waiting cases of the same SOP for the same NIK, oldest first (possible duplicates). */
export async function openCasesWithNik(
  db: Knex,
  input: { regencyId: string; sopId: string; nik: string; exceptCaseId: string },
): Promise<Array<{ id: string; tracking_code: string; opened_at: Date | string }>> {
  return (await db('cases')
    .where({ regency_id: input.regencyId, sop_id: input.sopId, applicant_nik: input.nik })
    .whereIn('status', ['open', 'waiting'])
    .whereNot('id', input.exceptCaseId)
    .orderBy('opened_at')
    .select('id', 'tracking_code', 'opened_at')) as Array<{
    id: string;
    tracking_code: string;
    opened_at: Date | string;
  }>;
}
