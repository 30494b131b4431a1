import type { Static } from '@sinclair/typebox';
import type { StaffNotificationSchema } from '../../contracts/notificationContracts.ts';
import type { Knex } from 'knex';
import type { NotificationKind } from '../../notifications/notificationTypes.ts';
import { renderNotification } from '../../notifications/renderNotification.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import type { AuthUser } from '../authUser.ts';
import type { NotificationRow } from './fanOutNotifications.ts';

/** StaffNotification as the API contract declares it. */
export type StaffNotification = Static<typeof StaffNotificationSchema>;

const PAGE = 50;

function mine(db: Knex, user: AuthUser): Knex.QueryBuilder {
  return db('notifications as n')
    .leftJoin('notification_reads as r', (j) => void j.on('r.notification_id', 'n.id').andOnVal('r.user_id', user.id))
    .where('n.regency_id', user.regencyId)
    .andWhere('n.audience', 'staff')
    .andWhere((q) => void q.whereIn('n.recipient_role', user.roles).orWhere('n.recipient_user', user.id));
}

/** The newest notifications for the user's roles or the user, rendered, with the unread count. */
export async function listStaffNotifications(
  db: Knex,
  user: AuthUser,
  publicUrl: string,
): Promise<{ unread: number; items: StaffNotification[] }> {
  const rows = (await mine(db, user).orderBy('n.id', 'desc').limit(PAGE).select('n.*', 'r.read_at')) as Array<
    NotificationRow & { read_at: Date | null }
  >;
  const [count] = (await mine(db, user).whereNull('r.read_at').count({ n: '*' })) as Array<{ n: string | number }>;
  const regency = await getRegency(db, user.regencyId);
  const items = rows.map((row) => {
    const message = regency
      ? renderNotification(row.kind as NotificationKind, row.params, {
          regency,
          publicUrl,
          timeZone: regency.calendar.timezone,
        })
      : { title: row.kind, body: '' };
    return {
      id: Number(row.id),
      kind: row.kind,
      ...message,
      caseId: row.case_id,
      taskId: typeof row.params.taskId === 'string' ? row.params.taskId : null,
      createdAt: new Date(row.created_at).toISOString(),
      read: row.read_at !== null,
    };
  });
  return { unread: Number(count?.n ?? 0), items };
}

/** Marks the given notifications (or all of the user's) as read by this user; returns how many were newly marked. */
export async function markNotificationsRead(db: Knex, user: AuthUser, ids?: readonly number[]): Promise<number> {
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
