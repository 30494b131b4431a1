import type { Knex } from 'knex';
import { sqlRows } from '../sqlRows.ts';
import { notificationRows, type NotificationRow } from './notificationRows.ts';

/** A delivery to write for a notification: one channel and address. */
export interface NewDelivery {
  notificationId: string | number;
  regencyId: string;
  channel: string;
  address: string;
  nextAttemptAt: Date;
}

/** Claims up to `batch` notifications not yet fanned out, oldest first, under SKIP LOCKED in the caller's transaction. */
export async function claimUnfannedNotifications(trx: Knex.Transaction, batch: number): Promise<NotificationRow[]> {
  const rows = await sqlRows(
    trx,
    `SELECT * FROM notifications WHERE fanned_out_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
    [batch],
    notificationRows,
  );
  return rows;
}

/** Addresses a notification to a role (an escalation's superior role, found at fan-out). */
export async function setNotificationRecipientRole(
  trx: Knex.Transaction,
  notificationId: string | number,
  role: string,
): Promise<void> {
  await trx('notifications').where({ id: notificationId }).update({ recipient_role: role });
}

/** Writes deliveries, skipping any already there for the same notification, channel and address. */
export async function insertDeliveries(trx: Knex.Transaction, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await trx('notification_deliveries')
    .insert(
      deliveries.map((d) => ({
        notification_id: d.notificationId,
        regency_id: d.regencyId,
        channel: d.channel,
        address: d.address,
        next_attempt_at: d.nextAttemptAt,
      })),
    )
    .onConflict(['notification_id', 'channel', 'address'])
    .ignore();
}

/** Marks notifications fanned out at `now`. */
export async function markFannedOut(
  trx: Knex.Transaction,
  notificationIds: ReadonlyArray<string | number>,
  now: Date,
): Promise<void> {
  await trx('notifications').whereIn('id', notificationIds).update({ fanned_out_at: now });
}
