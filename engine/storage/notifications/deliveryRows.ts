import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { BigNumber, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const DeliveryListRowSchema = Type.Object({
  id: BigNumber,
  notification_id: BigNumber,
  kind: Type.String(),
  case_id: Nullable(Type.String()),
  tracking_code: Nullable(Type.String()),
  channel: Type.String(),
  address: Type.String(),
  status: Type.String(),
  attempts: Type.Number(),
  next_attempt_at: Timestamp,
  last_error: Nullable(Type.String()),
  sent_at: Nullable(Timestamp),
});

// Compiled once, at module load.
const deliveryListRows = rowDecoder('notification_deliveries (list)', DeliveryListRowSchema);
const statusRows = rowDecoder('notification_deliveries (status)', Type.Object({ status: Type.String() }));

/** A delivery as the admin's list shows it, with its notification's kind, case and tracking code. */
export type DeliveryListRow = Static<typeof DeliveryListRowSchema>;

/** Deliveries of the regency with one status, newest first. */
export async function deliveriesWithStatus(
  db: Knex,
  regencyId: string,
  status: string,
  limit: number,
): Promise<DeliveryListRow[]> {
  return deliveryListRows.rows(
    await db('notification_deliveries as d')
      .join('notifications as n', 'n.id', 'd.notification_id')
      .where({ 'd.regency_id': regencyId, 'd.status': status })
      .orderBy('d.id', 'desc')
      .limit(limit)
      .select('d.*', 'n.kind', 'n.case_id', db.raw(`n.params->>'trackingCode' AS tracking_code`)),
  );
}

/** The status of one delivery of the regency, if it exists. */
export async function deliveryStatus(db: Knex, regencyId: string, deliveryId: number): Promise<string | undefined> {
  const row = statusRows.first(
    await db('notification_deliveries').where({ id: deliveryId, regency_id: regencyId }).first('status'),
  );
  return row?.status;
}

/** Puts a dead delivery back in the queue with a fresh set of attempts. */
export async function requeueDeadDelivery(db: Knex, regencyId: string, deliveryId: number, now: Date): Promise<void> {
  await db('notification_deliveries')
    .where({ id: deliveryId, regency_id: regencyId, status: 'dead' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, locked_by: null });
}
