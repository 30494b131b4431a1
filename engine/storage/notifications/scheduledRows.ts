import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationParams } from '../../notifications/notificationTypes.ts';
import { BigNumber, JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

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

const DueTaskRowSchema = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  regency_id: Type.String(),
  step_id: Type.String(),
  role: Type.String(),
  assignee: Nullable(Type.String()),
  due_at: Timestamp,
  tracking_code: Type.String(),
  version_id: BigNumber,
  sop_name: Nullable(Type.String()),
});

/** An open task due soon, with its case's tracking code, version and service name. */
export type DueTaskRow = Static<typeof DueTaskRowSchema>;

const DelegationChangeRowSchema = Type.Object({
  id: BigNumber,
  regency_id: Type.String(),
  from_user_id: Type.String(),
  to_user_id: Type.String(),
  kind: Type.String(),
  starts_at: Timestamp,
  ends_at: Timestamp,
  from_name: Type.String(),
  to_name: Type.String(),
});

/** A delegation with both officials' names. */
export type DelegationChangeRow = Static<typeof DelegationChangeRowSchema>;

const UnitTaskCountsSchema = Type.Object({ open: Type.Number(), overdue: Type.Number(), due_today: Type.Number() });

/** Open, overdue and due-today task counts of a set of roles. */
export type UnitTaskCounts = Static<typeof UnitTaskCountsSchema>;

// Compiled once, at module load.
const dueTaskRows = rowDecoder('tasks (due soon)', DueTaskRowSchema);
const delegationChangeRows = rowDecoder('delegations (started or ended)', DelegationChangeRowSchema);
const configRows = rowDecoder(
  'regencies (configs)',
  Type.Object({ id: Type.String(), config: JsonObject<RawRegency>() }),
);
const unitCountRows = rowDecoder('tasks (unit counts)', UnitTaskCountsSchema);
const caseCountRows = rowDecoder('cases (opened since)', Type.Object({ n: BigNumber }));

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
  return dueTaskRows.rows(
    await trx('tasks as t')
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
      ),
  );
}

/** Delegations (all regencies) that have started by `now` and end after `endedSince`. */
export async function delegationsStartedOrEnded(
  trx: Knex.Transaction,
  now: Date,
  endedSince: Date,
): Promise<DelegationChangeRow[]> {
  return delegationChangeRows.rows(
    await trx('delegations as g')
      .join('users as f', 'f.id', 'g.from_user_id')
      .join('users as t', 't.id', 'g.to_user_id')
      .where((q) => void q.where('g.starts_at', '<=', now).andWhere('g.ends_at', '>', endedSince))
      .select('g.*', 'f.display_name as from_name', 't.display_name as to_name'),
  );
}

/** Every regency's configuration. */
export async function allRegencyConfigs(trx: Knex.Transaction): Promise<Array<{ id: string; config: RawRegency }>> {
  return configRows.rows(await trx('regencies').select('id', 'config'));
}

/** The open tasks of the roles in one regency: how many, overdue at `now`, and due before `dayEnd`. */
export async function unitTaskCounts(
  trx: Knex.Transaction,
  regencyId: string,
  roles: readonly string[],
  now: Date,
  dayEnd: Date,
): Promise<UnitTaskCounts | undefined> {
  const rows = unitCountRows.rows(
    await trx('tasks')
      .where({ regency_id: regencyId, status: 'open' })
      .whereIn('role', roles)
      .select(
        trx.raw('count(*)::int AS open'),
        trx.raw('count(*) FILTER (WHERE due_at < ?)::int AS overdue', [now]),
        trx.raw('count(*) FILTER (WHERE due_at >= ? AND due_at < ?)::int AS due_today', [now, dayEnd]),
      ),
  );
  return rows[0];
}

/** Cases of a unit's SOPs in one regency opened since `since`. */
export async function unitCasesOpenedSince(
  trx: Knex.Transaction,
  regencyId: string,
  unit: string | undefined,
  since: Date,
): Promise<number> {
  const [cases] = caseCountRows.rows(
    await trx('cases as c')
      .join('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
      .where({ 'c.regency_id': regencyId, 'd.unit': unit })
      .andWhere('c.opened_at', '>=', since)
      .count({ n: '*' }),
  );
  return Number(cases?.n ?? 0);
}
