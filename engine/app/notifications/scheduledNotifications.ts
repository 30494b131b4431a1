import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationParams, StaffKind } from '../../notifications/notificationTypes.ts';
import { executableOfVersionId } from '../executableCache.ts';

/** A staff notification written by a schedule, once per dedupe key. */
interface ScheduledRow {
  regency_id: string;
  case_id?: string | null;
  kind: StaffKind;
  audience: 'staff';
  recipient_role?: string | null;
  recipient_user?: string | null;
  params: NotificationParams;
  dedupe_key: string;
}

async function insertOnce(trx: Knex.Transaction, rows: ScheduledRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = (await trx('notifications')
    .insert(rows.map((r) => ({ ...r, params: JSON.stringify(r.params) })))
    .onConflict(['regency_id', 'dedupe_key'])
    .ignore()
    .returning('id')) as unknown[];
  return inserted.length;
}

/** Tasks due within the next 24 hours: one reminder per task and deadline, to the assignee or the role. */
async function dueTomorrow(trx: Knex.Transaction, now: Date): Promise<ScheduledRow[]> {
  const rows = (await trx('tasks as t')
    .join('cases as c', 'c.id', 't.case_id')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('t.status', 'open')
    .andWhere('t.due_at', '>', now)
    .andWhere('t.due_at', '<=', new Date(now.getTime() + 86_400_000))
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
    )) as Array<{
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
  }>;
  const out: ScheduledRow[] = [];
  for (const r of rows) {
    const compiled = await executableOfVersionId(trx, r.regency_id, Number(r.version_id));
    const dueAt = new Date(r.due_at).toISOString();
    out.push({
      regency_id: r.regency_id,
      case_id: r.case_id,
      kind: 'task.dueTomorrow',
      audience: 'staff',
      ...(r.assignee ? { recipient_user: r.assignee } : { recipient_role: r.role }),
      params: {
        trackingCode: r.tracking_code,
        serviceName: r.sop_name ?? '',
        taskId: r.id,
        activity: compiled?.exe.stepById.get(r.step_id)?.activity ?? r.step_id,
        dueAt,
      },
      dedupe_key: `due:${r.id}:${dueAt}`,
    });
  }
  return out;
}

const DELEGATION_KIND: Record<string, string> = { plt: 'Plt', plh: 'Plh', cuti: 'cuti' };

/** Delegations that started (and still run) or ended in the last week: both officials are told, once. */
async function delegationChanges(trx: Knex.Transaction, now: Date): Promise<ScheduledRow[]> {
  const rows = (await trx('delegations as g')
    .join('users as f', 'f.id', 'g.from_user_id')
    .join('users as t', 't.id', 'g.to_user_id')
    .where(
      (q) =>
        void q.where('g.starts_at', '<=', now).andWhere('g.ends_at', '>', new Date(now.getTime() - 7 * 86_400_000)),
    )
    .select('g.*', 'f.display_name as from_name', 't.display_name as to_name')) as Array<{
    id: string | number;
    regency_id: string;
    from_user_id: string;
    to_user_id: string;
    kind: string;
    starts_at: Date | string;
    ends_at: Date | string;
    from_name: string;
    to_name: string;
  }>;
  const out: ScheduledRow[] = [];
  for (const g of rows) {
    const ended = new Date(g.ends_at) <= now;
    const kind: StaffKind = ended ? 'delegation.ended' : 'delegation.started';
    const params: NotificationParams = {
      delegationKind: DELEGATION_KIND[g.kind] ?? g.kind,
      fromName: g.from_name,
      toName: g.to_name,
      startsAt: new Date(g.starts_at).toISOString(),
      endsAt: new Date(g.ends_at).toISOString(),
    };
    for (const user of new Set([g.to_user_id, g.from_user_id]))
      out.push({
        regency_id: g.regency_id,
        kind,
        audience: 'staff',
        recipient_user: user,
        params,
        dedupe_key: `${kind}:${g.id}:${user}`,
      });
  }
  return out;
}

function localParts(now: Date, timeZone: string): { date: string; hour: number } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  return { date, hour };
}

/** The daily digest for each head of unit (kabid), from the configured hour (default 07:00 local), once a day. */
async function dailyDigests(trx: Knex.Transaction, now: Date): Promise<ScheduledRow[]> {
  const regencies = (await trx('regencies').select('id', 'config')) as Array<{ id: string; config: RawRegency }>;
  const out: ScheduledRow[] = [];
  for (const { id, config } of regencies) {
    const { date, hour } = localParts(now, config.calendar.timezone);
    if (hour < (config.notifications?.digestHour ?? 7)) continue;
    for (const head of config.roles.filter((r) => r.kind === 'kabid' && r.unit !== undefined)) {
      const unitRoles = config.roles.filter((r) => r.unit === head.unit).map((r) => r.id);
      const tasks = (await trx('tasks')
        .where({ regency_id: id, status: 'open' })
        .whereIn('role', unitRoles)
        .select(
          trx.raw('count(*)::int AS open'),
          trx.raw('count(*) FILTER (WHERE due_at < ?)::int AS overdue', [now]),
          trx.raw('count(*) FILTER (WHERE due_at >= ? AND due_at < ?)::int AS due_today', [
            now,
            new Date(now.getTime() + 86_400_000),
          ]),
        )) as Array<{ open: number; overdue: number; due_today: number }>;
      const [cases] = (await trx('cases as c')
        .join('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
        .where({ 'c.regency_id': id, 'd.unit': head.unit })
        .andWhere('c.opened_at', '>=', new Date(now.getTime() - 86_400_000))
        .count({ n: '*' })) as Array<{ n: string | number }>;
      out.push({
        regency_id: id,
        kind: 'digest.daily',
        audience: 'staff',
        recipient_role: head.id,
        params: {
          unitName: config.units.find((u) => u.id === head.unit)?.name ?? head.unit ?? '',
          date,
          openTasks: tasks[0]?.open ?? 0,
          overdueTasks: tasks[0]?.overdue ?? 0,
          dueToday: tasks[0]?.due_today ?? 0,
          newCases: Number(cases?.n ?? 0),
        },
        dedupe_key: `digest:${head.id}:${date}`,
      });
    }
  }
  return out;
}

/**
 * Writes the staff notifications that come from the clock rather than from a case event: due-tomorrow
 * reminders, delegations starting and ending, the daily digest of heads of unit. A unique key per
 * notification makes every run idempotent, so any number of processes may run it.
 */
export async function writeScheduledNotifications(trx: Knex.Transaction, now = new Date()): Promise<number> {
  let written = 0;
  written += await insertOnce(trx, await dueTomorrow(trx, now));
  written += await insertOnce(trx, await delegationChanges(trx, now));
  written += await insertOnce(trx, await dailyDigests(trx, now));
  return written;
}
