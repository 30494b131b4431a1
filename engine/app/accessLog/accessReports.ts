import type { Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { AccessEntrySchema } from '../../contracts/auditContracts.ts';

/** One line of an access report. */
export type AccessEntry = Static<typeof AccessEntrySchema>;

type Row = {
  id: string | number;
  at: Date | string;
  user_id: string;
  user_name: string;
  roles: string[];
  case_id: string | null;
  tracking_code: string | null;
  action: string;
  resource: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  route: string;
};

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
  let q = db('access_log as a').leftJoin('cases as c', 'c.id', 'a.case_id').where('a.regency_id', regencyId);
  q = 'case_id' in filter ? q.andWhere('a.case_id', filter.case_id) : q.andWhere('a.user_id', filter.user_id);
  if (page.before !== undefined) q = q.andWhere('a.id', '<', page.before);
  const rows = (await q
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .select('a.*', 'c.tracking_code')) as Row[];
  const entries = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    roles: r.roles,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    action: r.action,
    resource: r.resource,
    reason: r.reason,
    detail: r.detail,
    ip: r.ip,
    route: r.route,
  }));
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
