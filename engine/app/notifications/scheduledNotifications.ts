import type { Knex } from 'knex';
import type { NotificationParams, StaffKind } from '../../notifications/notificationTypes.ts';
import { executableOfVersionId } from '../executableCache.ts';
import {
  allRegencyConfigs,
  delegationsStartedOrEnded,
  insertScheduledNotifications,
  openTasksDueBy,
  unitCasesOpenedSince,
  unitTaskCounts,
} from '../../storage/notifications/scheduledRows.ts';
import { sqlOf } from '../../storage/sql.ts';

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

/** Tasks due within the next 24 hours: one reminder per task and deadline, to the assignee or the role. */
async function dueTomorrow(trx: Knex.Transaction, now: Date): Promise<ScheduledRow[]> {
  const rows = await openTasksDueBy(trx, now, new Date(now.getTime() + 86_400_000));
  const out: ScheduledRow[] = [];
  for (const r of rows) {
    const compiled = await executableOfVersionId(sqlOf(trx), r.regency_id, Number(r.version_id));
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
  const rows = await delegationsStartedOrEnded(trx, now, new Date(now.getTime() - 7 * 86_400_000));
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
  const regencies = await allRegencyConfigs(trx);
  const out: ScheduledRow[] = [];
  for (const { id, config } of regencies) {
    const { date, hour } = localParts(now, config.calendar.timezone);
    if (hour < (config.notifications?.digestHour ?? 7)) continue;
    for (const head of config.roles.filter((r) => r.kind === 'kabid' && r.unit !== undefined)) {
      const unitRoles = config.roles.filter((r) => r.unit === head.unit).map((r) => r.id);
      const tasks = await unitTaskCounts(trx, id, unitRoles, now, new Date(now.getTime() + 86_400_000));
      const newCases = await unitCasesOpenedSince(trx, id, head.unit, new Date(now.getTime() - 86_400_000));
      out.push({
        regency_id: id,
        kind: 'digest.daily',
        audience: 'staff',
        recipient_role: head.id,
        params: {
          unitName: config.units.find((u) => u.id === head.unit)?.name ?? head.unit ?? '',
          date,
          openTasks: tasks?.open ?? 0,
          overdueTasks: tasks?.overdue ?? 0,
          dueToday: tasks?.due_today ?? 0,
          newCases,
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
  written += await insertScheduledNotifications(trx, await dueTomorrow(trx, now));
  written += await insertScheduledNotifications(trx, await delegationChanges(trx, now));
  written += await insertScheduledNotifications(trx, await dailyDigests(trx, now));
  return written;
}
