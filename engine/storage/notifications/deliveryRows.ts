import type { Knex } from 'knex';

/** A delivery as the admin's list shows it, with its notification's kind, case and tracking code. */
export interface DeliveryListRow {
  id: string | number;
  notification_id: string | number;
  kind: string;
  case_id: string | null;
  tracking_code: string | null;
  channel: string;
  address: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  sent_at: Date | string | null;
}

/** Deliveries of the regency with one status, newest first. */
export async function deliveriesWithStatus(
  db: Knex,
  regencyId: string,
  status: string,
  limit: number,
): Promise<DeliveryListRow[]> {
  return (await db('notification_deliveries as d')
    .join('notifications as n', 'n.id', 'd.notification_id')
    .where({ 'd.regency_id': regencyId, 'd.status': status })
    .orderBy('d.id', 'desc')
    .limit(limit)
    .select('d.*', 'n.kind', 'n.case_id', db.raw(`n.params->>'trackingCode' AS tracking_code`))) as DeliveryListRow[];
}

/** The status of one delivery of the regency, if it exists. */
export async function deliveryStatus(db: Knex, regencyId: string, deliveryId: number): Promise<string | undefined> {
  const row = (await db('notification_deliveries').where({ id: deliveryId, regency_id: regencyId }).first('status')) as
    { status: string } | undefined;
  return row?.status;
}

/** Puts a dead delivery back in the queue with a fresh set of attempts. */
export async function requeueDeadDelivery(db: Knex, regencyId: string, deliveryId: number, now: Date): Promise<void> {
  await db('notification_deliveries')
    .where({ id: deliveryId, regency_id: regencyId, status: 'dead' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, locked_by: null });
}
