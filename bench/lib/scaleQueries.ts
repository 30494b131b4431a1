import type { Knex } from 'knex';
import type { AuthUser } from '../../engine/app/authUser.ts';
import { inbox, searchCases, type CaseSearch, type InboxQuery } from '../../engine/app/caseQueries.ts';
import { loadAccessProfile } from '../../engine/app/permissions/accessProfile.ts';
import { percentile } from './stats.ts';

/** One named query the scale benchmark times, run through the real service functions (knex). */
export interface TimedQuery {
  kind: 'inbox' | 'search' | 'dashboard';
  name: string;
  run: () => Promise<unknown>;
}

/** Users of the measured regency, as the service functions see them (rows of the users table). */
export async function authUsers(db: Knex, regencyId: string, roles: readonly string[]): Promise<Map<string, AuthUser>> {
  const rows = (await db('users')
    .where({ regency_id: regencyId })
    .select('id', 'regency_id', 'username', 'display_name', 'roles')) as Array<{
    id: string;
    regency_id: string;
    username: string;
    display_name: string;
    roles: string[];
  }>;
  const users = new Map<string, AuthUser>();
  for (const role of roles) {
    const row = rows.find((r) => r.roles.length === 1 && r.roles[0] === role);
    if (row)
      users.set(role, {
        id: row.id,
        regencyId: row.regency_id,
        username: row.username,
        name: row.display_name,
        roles: row.roles,
      });
  }
  return users;
}

/** The roles that hold the most open tasks across the template walks' open stages: the heaviest inboxes, the same at every size. */
export async function busiestTemplateRoles(db: Knex, count: number): Promise<string[]> {
  const rows = (await db.raw(
    `SELECT t.role, count(*) AS n FROM tpl_task t JOIN tpl_walk w ON w.walk_no = t.walk_no
      WHERE t.status = 'open' AND t.stage < w.n_stages GROUP BY t.role ORDER BY n DESC, t.role LIMIT ?`,
    [count],
  )) as { rows: Array<{ role: string }> };
  return rows.rows.map((r) => r.role);
}

/** Open tasks per role in the regency. */
export async function openTasksByRole(
  db: Knex,
  regencyId: string,
  roles: readonly string[],
): Promise<Map<string, number>> {
  const rows = (await db('tasks')
    .where({ regency_id: regencyId, status: 'open' })
    .whereIn('role', [...roles])
    .groupBy('role')
    .select('role')
    .count('* as n')) as Array<{ role: string; n: string | number }>;
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

/** Inbox variants per user: first page, the page after it (keyset cursor), one SOP, overdue only. */
export async function inboxQueries(db: Knex, users: ReadonlyMap<string, AuthUser>): Promise<TimedQuery[]> {
  const queries: TimedQuery[] = [];
  for (const [role, user] of users) {
    const first = await inbox(db, await loadAccessProfile(db, user), {});
    const sopId = first.items[0]?.sopId;
    const variants: Array<[string, InboxQuery]> = [
      ['first page', {}],
      ['overdue only', { overdueOnly: true }],
    ];
    if (first.next) variants.push(['second page (cursor)', { after: first.next }]);
    if (sopId) variants.push(['one SOP', { sopId }]);
    for (const [name, query] of variants)
      queries.push({
        kind: 'inbox',
        name: `${role}: ${name}`,
        run: async () => inbox(db, await loadAccessProfile(db, user), query),
      });
  }
  return queries;
}

/** Register searches: first page, a deep page, by tracking code, NIK, name, status + SOP, and a date range. */
export async function searchQueries(db: Knex, user: AuthUser): Promise<TimedQuery[]> {
  const sample = (await db('cases')
    .where({ regency_id: user.regencyId })
    .orderByRaw('md5(id)')
    .limit(20)
    .select('tracking_code', 'applicant_nik', 'sop_id')) as Array<{
    tracking_code: string;
    applicant_nik: string;
    sop_id: string;
  }>;
  let i = 0;
  const pick = (): { tracking_code: string; applicant_nik: string; sop_id: string } => sample[i++ % sample.length]!;
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const variants: Array<[string, () => CaseSearch]> = [
    ['register, first page', () => ({})],
    ['register, page 10', () => ({ page: 10 })],
    ['by tracking code', () => ({ q: pick().tracking_code })],
    ['by NIK', () => ({ q: pick().applicant_nik })],
    ['by name (substring)', () => ({ q: ['aminah', 'siregar', 'budi', 'lestari'][i++ % 4]! })],
    ['open cases of one SOP', () => ({ status: 'open', sopId: pick().sop_id })],
    ['opened in the last 30 days', () => ({ from: monthAgo })],
  ];
  return variants.map(([name, make]) => ({
    kind: 'search',
    name,
    run: async () => searchCases(db, await loadAccessProfile(db, user), make()),
  }));
}

/**
 * Dashboard figures an office head or a province would look at. The platform has no dashboard query
 * yet, so these are the benchmark's own, written the straightforward way against the real tables.
 */
export function dashboardQueries(db: Knex, regencyId: string): TimedQuery[] {
  const q = (name: string, sql: string, bindings: unknown[]): TimedQuery => ({
    kind: 'dashboard',
    name,
    run: () => db.raw(sql, bindings as Knex.RawBinding[]),
  });
  return [
    q(
      'cases by SOP and status (one regency)',
      `SELECT sop_id, status, count(*) FROM cases WHERE regency_id = ? GROUP BY sop_id, status`,
      [regencyId],
    ),
    q(
      'open tasks and overdue tasks by role (one regency)',
      `SELECT role, count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue FROM tasks WHERE regency_id = ? AND status = 'open' GROUP BY role`,
      [regencyId],
    ),
    q(
      'cases closed per month, last 12 months (one regency, from events)',
      `SELECT date_trunc('month', at) AS month, count(*) FROM case_events WHERE regency_id = ? AND type = 'case.ended' AND at >= now() - interval '12 months' GROUP BY 1 ORDER BY 1`,
      [regencyId],
    ),
    q(
      'median service time per SOP, closed in the last 90 days (one regency)',
      `SELECT sop_id, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_at - opened_at) AS median FROM cases WHERE regency_id = ? AND closed_at >= now() - interval '90 days' GROUP BY sop_id`,
      [regencyId],
    ),
    q(
      'cases opened this year per regency (whole database)',
      `SELECT regency_id, count(*) FROM cases WHERE opened_at >= date_trunc('year', now()) GROUP BY regency_id`,
      [],
    ),
  ];
}

/** Runs each query `rounds` times in turn; milliseconds per call, per query name. */
export async function timeQueries(queries: readonly TimedQuery[], rounds: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(queries.map((q) => [q.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const started = performance.now();
      await query.run();
      times.get(query.name)!.push(performance.now() - started);
    }
  }
  return times;
}

/** p50/p99 over every call of the given queries. */
export function pooledLatency(
  times: ReadonlyMap<string, number[]>,
  names: readonly string[],
): { p50: number; p99: number } {
  const all = names.flatMap((n) => times.get(n) ?? []);
  return { p50: percentile(all, 50), p99: percentile(all, 99) };
}

/** Captures the SQL (with bindings) a service call sends, to EXPLAIN it. */
export async function captureSql(
  db: Knex,
  call: () => Promise<unknown>,
): Promise<Array<{ sql: string; bindings: unknown[] }>> {
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (data: { sql: string; bindings?: unknown[] }): void =>
    void seen.push({ sql: data.sql, bindings: data.bindings ?? [] });
  db.on('query', listener);
  try {
    await call();
  } finally {
    db.off('query', listener);
  }
  return seen;
}
