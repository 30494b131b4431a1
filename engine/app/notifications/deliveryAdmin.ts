import type { Static } from '@sinclair/typebox';
import type { DeliverySchema } from '../../contracts/notificationContracts.ts';
import type { Knex } from 'knex';
import { deliveriesWithStatus, deliveryStatus, requeueDeadDelivery } from '../../storage/notifications/deliveryRows.ts';
import { AppError } from '../appErrors.ts';

/** DeliveryView as the API contract declares it. */
export type DeliveryView = Static<typeof DeliverySchema>;

/** Shows only the ends of an address: enough to tell deliveries apart, not enough to contact anyone. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'webhook') return address;
  if (channel === 'email') {
    const [name = '', domain = ''] = address.split('@');
    return `${name.slice(0, 1)}***@${domain}`;
  }
  return `${address.slice(0, 4)}****${address.slice(-3)}`;
}

/** Deliveries of the regency by status (dead letters first of all), newest first. */
export async function listDeliveries(
  db: Knex,
  regencyId: string,
  status: string,
  limit = 100,
): Promise<DeliveryView[]> {
  const rows = await deliveriesWithStatus(db, regencyId, status, limit);
  return rows.map((r) => ({
    id: Number(r.id),
    notificationId: Number(r.notification_id),
    kind: r.kind,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    channel: r.channel,
    address: maskAddress(r.channel, r.address),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
    lastError: r.last_error,
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
}

/** Puts a dead letter back in the queue with a fresh set of attempts (after the admin fixed the cause). */
export async function retryDelivery(db: Knex, regencyId: string, deliveryId: number, now = new Date()): Promise<void> {
  const status = await deliveryStatus(db, regencyId, deliveryId);
  if (status === undefined) throw new AppError('NOT_FOUND', 'Pengiriman pemberitahuan tidak ditemukan.', '/deliveryId');
  if (status !== 'dead')
    throw new AppError('CONFLICT', 'Hanya pengiriman yang gagal permanen (dead letter) yang dapat diulang.');
  await requeueDeadDelivery(db, regencyId, deliveryId, now);
}
