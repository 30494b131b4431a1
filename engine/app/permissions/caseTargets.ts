import { caseOfTarget } from '../../storage/cases/caseOfTarget.ts';
import type { Sql } from '../../storage/sql.ts';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from './accessProfile.ts';
import { caseScopeOf } from './caseScope.ts';

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
  draftId: { table: 'letter_drafts', label: 'Konsep surat' },
};

/** The case a route's path points at, and whether the user may see it. */
export interface PathCase {
  caseId: string;
  visible: boolean;
}

/**
 * The case a route's path points at (through any case-bearing parameter), or undefined when it names
 * none. Each lookup also decides visibility (the scope as a correlated EXISTS), so a request learns
 * both in one query.
 */
export async function caseOfPath(
  sql: Sql,
  profile: AccessProfile,
  params: Readonly<Record<string, string>>,
): Promise<PathCase | undefined> {
  let found: PathCase | undefined;
  const scope = caseScopeOf(profile);
  for (const [param, target] of Object.entries(CASE_TARGETS)) {
    const value = params[param];
    if (value === undefined) continue;
    const row = await caseOfTarget(sql, target.table, value, profile.regencyId, scope);
    // Another regency's rows do not exist for this user (row-level security hides them as well).
    if (!row)
      throw new AppError('NOT_FOUND', `${target.label} tidak ditemukan.`, undefined, undefined, 'TARGET_NOT_FOUND');
    if (found !== undefined && found.caseId !== row.caseId)
      throw new AppError(
        'NOT_FOUND',
        `${target.label} tidak ditemukan pada kasus ini.`,
        undefined,
        undefined,
        'TARGET_NOT_FOUND',
      );
    found = row;
  }
  return found;
}
