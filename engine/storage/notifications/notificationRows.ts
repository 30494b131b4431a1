import type { Knex } from 'knex';
import type { ApplicantContact, NotificationParams } from '../../notifications/notificationTypes.ts';

/** A notification row as the notifier reads it. */
export interface NotificationRow {
  id: string | number;
  regency_id: string;
  case_id: string | null;
  kind: string;
  audience: string;
  recipient_role: string | null;
  recipient_user: string | null;
  contact: ApplicantContact | null;
  params: NotificationParams;
  created_at: Date | string;
}

/** Who reads staff notifications: their id, regency and roles. */
interface Reader {
  id: string;
  regencyId: string;
  roles: readonly string[];
}

function mine(db: Knex, user: Reader): Knex.QueryBuilder {
  return db('notifications as n')
    .leftJoin('notification_reads as r', (j) => void j.on('r.notification_id', 'n.id').andOnVal('r.user_id', user.id))
    .where('n.regency_id', user.regencyId)
    .andWhere('n.audience', 'staff')
    .andWhere((q) => void q.whereIn('n.recipient_role', [...user.roles]).orWhere('n.recipient_user', user.id));
}

/** The newest staff notifications for the user's roles or the user, with when this user read each. */
export async function newestStaffNotifications(
  db: Knex,
  user: Reader,
  limit: number,
): Promise<Array<NotificationRow & { read_at: Date | null }>> {
  return (await mine(db, user).orderBy('n.id', 'desc').limit(limit).select('n.*', 'r.read_at')) as Array<
    NotificationRow & { read_at: Date | null }
  >;
}

/** How many of the user's staff notifications this user has not read. */
export async function unreadStaffNotificationCount(db: Knex, user: Reader): Promise<number> {
  const [count] = (await mine(db, user).whereNull('r.read_at').count({ n: '*' })) as Array<{ n: string | number }>;
  return Number(count?.n ?? 0);
}

/** Marks the given (or all) unread staff notifications of the user as read; returns how many were newly marked. */
export async function markStaffNotificationsRead(db: Knex, user: Reader, ids?: readonly number[]): Promise<number> {
  let unread = mine(db, user).whereNull('r.read_at');
  if (ids) unread = unread.whereIn('n.id', ids);
  const rows = (await unread.select('n.id')) as Array<{ id: string | number }>;
  if (rows.length === 0) return 0;
  await db('notification_reads')
    .insert(rows.map((r) => ({ notification_id: r.id, user_id: user.id, regency_id: user.regencyId })))
    .onConflict(['notification_id', 'user_id'])
    .ignore();
  return rows.length;
}
