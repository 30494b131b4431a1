import type { Static } from '@sinclair/typebox';
import type { StaffNotificationSchema } from '../../contracts/notificationContracts.ts';
import type { Knex } from 'knex';
import type { NotificationKind } from '../../notifications/notificationTypes.ts';
import { renderNotification } from '../../notifications/renderNotification.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import type { AuthUser } from '../authUser.ts';
import {
  markStaffNotificationsRead,
  newestStaffNotifications,
  unreadStaffNotificationCount,
} from '../../storage/notifications/notificationRows.ts';

/** StaffNotification as the API contract declares it. */
export type StaffNotification = Static<typeof StaffNotificationSchema>;

const PAGE = 50;

/** The newest notifications for the user's roles or the user, rendered, with the unread count. */
export async function listStaffNotifications(
  db: Knex,
  user: AuthUser,
  publicUrl: string,
): Promise<{ unread: number; items: StaffNotification[] }> {
  const rows = await newestStaffNotifications(db, user, PAGE);
  const unread = await unreadStaffNotificationCount(db, user);
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
  return { unread, items };
}

/** Marks the given notifications (or all of the user's) as read by this user; returns how many were newly marked. */
export async function markNotificationsRead(db: Knex, user: AuthUser, ids?: readonly number[]): Promise<number> {
  return markStaffNotificationsRead(db, user, ids);
}
