import type { Knex } from 'knex';
import { accessEntries, type AccessEntry } from '../../storage/accessLog/accessReportRows.ts';

export type { AccessEntry };

/** Paging of a report: newest first, `before` is the id of the last entry of the previous page. */
export interface AccessPage {
  before?: number;
  limit?: number;
}

async function report(
  db: Knex,
  regencyId: string,
  filter: { case_id: string } | { user_id: string },
  page: AccessPage,
): Promise<{ entries: AccessEntry[]; next: number | null }> {
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 500);
  // One more than the page tells whether a next page exists.
  const rows = await accessEntries(db, regencyId, filter, page.before, limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null };
}

/** Who accessed one case, newest first. */
export function caseAccessReport(
  db: Knex,
  regencyId: string,
  caseId: string,
  page: AccessPage = {},
): Promise<{ entries: AccessEntry[]; next: number | null }> {
  return report(db, regencyId, { case_id: caseId }, page);
}

/** What one user accessed, newest first. */
export function userAccessReport(
  db: Knex,
  regencyId: string,
  userId: string,
  page: AccessPage = {},
): Promise<{ entries: AccessEntry[]; next: number | null }> {
  return report(db, regencyId, { user_id: userId }, page);
}
