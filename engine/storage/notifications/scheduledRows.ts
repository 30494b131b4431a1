import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationParams } from '../../notifications/notificationTypes.ts';

/** A staff notification a schedule writes, once per regency and dedupe key. */
export interface ScheduledNotificationRow {
  regency_id: string;
  case_id?: string | null;
  kind: string;
  audience: 'staff';
  recipient_role?: string | null;
  recipient_user?: string | null;
  params: NotificationParams;
  dedupe_key: string;
}

/** An open task due soon, with its case's tracking code, version and service name. */
export type DueTaskRow = {
  id: string;
  case_id: string;
  regency_id: string;
  step_id: string;
  role: string;
  assignee: string | null;
  due_at: Date | string;
  tracking_code: string;
  version_id: string | number;
  sop_name: string | null;
};

/** A delegation with both officials' names. */
export type DelegationChangeRow = {
  id: string | number;
  regency_id: string;
  from_user_id: string;
  to_user_id: string;
  kind: string;
  starts_at: Date | string;
  ends_at: Date | string;
  from_name: string;
  to_name: string;
};

/** Open, overdue and due-today task counts of a set of roles. */
export type UnitTaskCounts = { open: number; overdue: number; due_today: number };

/** Writes the notifications whose dedupe key is new; returns how many were written. */
export async function insertScheduledNotifications(
  trx: Knex.Transaction,
  rows: readonly ScheduledNotificationRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = (await trx('notifications')
    .insert(rows.map((r) => ({ ...r, params: JSON.stringify(r.params) })))
    .onConflict(['regency_id', 'dedupe_key'])
    .ignore()
    .returning('id')) as unknown[];
  return inserted.length;
}

/** Open tasks (all regencies) due after `now` and no later than `until`, at most 1000. */
export async function openTasksDueBy(trx: Knex.Transaction, now: Date, until: Date): Promise<DueTaskRow[]> {
  return (await trx('tasks as t')
    .join('cases as c', 'c.id', 't.case_id')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('t.status', 'open')
    .andWhere('t.due_at', '>', now)
    .andWhere('t.due_at', '<=', until)
    .limit(1000)
    .select(
      't.id',
      't.case_id',
      't.regency_id',
      't.step_id',
      't.role',
      't.assignee',
      't.due_at',
      'c.tracking_code',
      'c.version_id',
      'd.name as sop_name',
    )) as DueTaskRow[];
}

/** Delegations (all regencies) that have started by `now` and end after `endedSince`. */
export async function delegationsStartedOrEnded(
  trx: Knex.Transaction,
  now: Date,
  endedSince: Date,
): Promise<DelegationChangeRow[]> {
  return (await trx('delegations as g')
    .join('users as f', 'f.id', 'g.from_user_id')
    .join('users as t', 't.id', 'g.to_user_id')
    .where((q) => void q.where('g.starts_at', '<=', now).andWhere('g.ends_at', '>', endedSince))
    .select('g.*', 'f.display_name as from_name', 't.display_name as to_name')) as DelegationChangeRow[];
}

/** Every regency's configuration. */
export async function allRegencyConfigs(trx: Knex.Transaction): Promise<Array<{ id: string; config: RawRegency }>> {
  return (await trx('regencies').select('id', 'config')) as Array<{ id: string; config: RawRegency }>;
}

/** The open tasks of the roles in one regency: how many, overdue at `now`, and due before `dayEnd`. */
export async function unitTaskCounts(
  trx: Knex.Transaction,
  regencyId: string,
  roles: readonly string[],
  now: Date,
  dayEnd: Date,
): Promise<UnitTaskCounts | undefined> {
  const rows = (await trx('tasks')
    .where({ regency_id: regencyId, status: 'open' })
    .whereIn('role', roles)
    .select(
      trx.raw('count(*)::int AS open'),
      trx.raw('count(*) FILTER (WHERE due_at < ?)::int AS overdue', [now]),
      trx.raw('count(*) FILTER (WHERE due_at >= ? AND due_at < ?)::int AS due_today', [now, dayEnd]),
    )) as UnitTaskCounts[];
  return rows[0];
}

/** Cases of a unit's SOPs in one regency opened since `since`. */
export async function unitCasesOpenedSince(
  trx: Knex.Transaction,
  regencyId: string,
  unit: string | undefined,
  since: Date,
): Promise<number> {
  const [cases] = (await trx('cases as c')
    .join('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where({ 'c.regency_id': regencyId, 'd.unit': unit })
    .andWhere('c.opened_at', '>=', since)
    .count({ n: '*' })) as Array<{ n: string | number }>;
  return Number(cases?.n ?? 0);
}
