import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { ApplicantContact, NotificationParams } from '../../notifications/notificationTypes.ts';
import { BigNumber, JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** The columns of a `notifications` row. */
const NotificationRowSchema = Type.Object({
  id: BigNumber,
  regency_id: Type.String(),
  case_id: Nullable(Type.String()),
  kind: Type.String(),
  audience: Type.String(),
  recipient_role: Nullable(Type.String()),
  recipient_user: Nullable(Type.String()),
  contact: Nullable(JsonObject<ApplicantContact>()),
  params: JsonObject<NotificationParams>(),
  created_at: Timestamp,
});

/** A notification row as the notifier reads it. */
export type NotificationRow = Static<typeof NotificationRowSchema>;

/** Whole `notifications` rows, checked (compiled once, at module load). */
export const notificationRows = rowDecoder('notifications', NotificationRowSchema);

// Compiled once, at module load.
const staffNotificationRows = rowDecoder(
  'notifications (staff, with read time)',
  Type.Composite([NotificationRowSchema, Type.Object({ read_at: Nullable(Type.Date()) })]),
);
const countRows = rowDecoder('notifications (unread count)', Type.Object({ n: BigNumber }));
const idRows = rowDecoder('notifications (unread ids)', Type.Object({ id: BigNumber }));

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
  return staffNotificationRows.rows(
    await mine(db, user).orderBy('n.id', 'desc').limit(limit).select('n.*', 'r.read_at'),
  );
}

/** How many of the user's staff notifications this user has not read. */
export async function unreadStaffNotificationCount(db: Knex, user: Reader): Promise<number> {
  const [count] = countRows.rows(await mine(db, user).whereNull('r.read_at').count({ n: '*' }));
  return Number(count?.n ?? 0);
}

/** Marks the given (or all) unread staff notifications of the user as read; returns how many were newly marked. */
export async function markStaffNotificationsRead(db: Knex, user: Reader, ids?: readonly number[]): Promise<number> {
  let unread = mine(db, user).whereNull('r.read_at');
  if (ids) unread = unread.whereIn('n.id', ids);
  const rows = idRows.rows(await unread.select('n.id'));
  if (rows.length === 0) return 0;
  await db('notification_reads')
    .insert(rows.map((r) => ({ notification_id: r.id, user_id: user.id, regency_id: user.regencyId })))
    .onConflict(['notification_id', 'user_id'])
    .ignore();
  return rows.length;
}
