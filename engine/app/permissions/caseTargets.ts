import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';

/**
 * Path parameters that name something belonging to a case, and where its case is found. Every route
 * with one of these parameters is checked against that case automatically: a new route cannot forget.
 */
export const CASE_TARGETS: Readonly<Record<string, { table: string; label: string }>> = {
  caseId: { table: 'cases', label: 'Kasus' },
  taskId: { table: 'tasks', label: 'Tugas' },
  attachmentId: { table: 'attachments', label: 'Lampiran' },
  documentId: { table: 'issued_documents', label: 'Dokumen' },
  requestId: { table: 'archive_requests', label: 'Permintaan arsip' },
};

/** The case a route's path points at (through any case-bearing parameter), or undefined when it names none. */
export async function caseOfPath(db: Knex, regencyId: string, params: Readonly<Record<string, string>>): Promise<string | undefined> {
  let caseId: string | undefined;
  for (const [param, target] of Object.entries(CASE_TARGETS)) {
    const value = params[param];
    if (value === undefined) continue;
    const column = target.table === 'cases' ? 'id' : 'case_id';
    const row = (await db(target.table).where({ id: value, regency_id: regencyId }).first(`${column} as case_id`)) as { case_id: string } | undefined;
    // Another regency's rows do not exist for this user (row-level security hides them as well).
    if (!row) throw new AppError('NOT_FOUND', `${target.label} tidak ditemukan.`, undefined, undefined, 'TARGET_NOT_FOUND');
    if (caseId !== undefined && caseId !== row.case_id) throw new AppError('NOT_FOUND', `${target.label} tidak ditemukan pada kasus ini.`, undefined, undefined, 'TARGET_NOT_FOUND');
    caseId = row.case_id;
  }
  return caseId;
}
