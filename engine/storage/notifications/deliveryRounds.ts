import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { BigNumber } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';
import { notificationRows, type NotificationRow } from './notificationRows.ts';

const ClaimedDeliveryRowSchema = Type.Object({
  id: BigNumber,
  notification_id: BigNumber,
  regency_id: Type.String(),
  channel: Type.String(),
  address: Type.String(),
  attempts: Type.Number(),
});

/** A delivery claimed by one runner: where to send it and how many attempts it has had (this one counted). */
export type ClaimedDeliveryRow = Static<typeof ClaimedDeliveryRowSchema>;

// Compiled once, at module load.
const claimedDeliveryRows = rowDecoder('notification_deliveries (claimed)', ClaimedDeliveryRowSchema);

/**
 * Claims up to `batch` pending deliveries due at `now` for `runnerId` (row locks under SKIP LOCKED, a
 * lease until `leaseUntil`, the attempt counted), in the caller's transaction.
 */
export async function claimDueDeliveries(
  trx: Knex.Transaction,
  claim: { runnerId: string; now: Date; leaseUntil: Date; batch: number },
): Promise<ClaimedDeliveryRow[]> {
  const rows = await sqlRows(
    trx,
    `UPDATE notification_deliveries SET locked_until = ?, locked_by = ?, attempts = attempts + 1
      WHERE id IN (SELECT id FROM notification_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, notification_id, regency_id, channel, address, attempts`,
    [claim.leaseUntil, claim.runnerId, claim.now, claim.now, claim.batch],
    claimedDeliveryRows,
  );
  return rows;
}

/** The notifications with these ids. */
export async function notificationsByIds(db: Knex, ids: ReadonlyArray<string | number>): Promise<NotificationRow[]> {
  return notificationRows.rows(await db('notifications').whereIn('id', ids));
}

/** How a claimed delivery ended this round: sent, rescheduled after a failure, or dead. */
export type DeliveryOutcome =
  | { status: 'sent'; at: Date; providerId: string | null }
  | { status: 'retry'; nextAttemptAt: Date; error: string }
  | { status: 'dead'; error: string };

/** Records the outcome of a delivery this runner still holds, and releases its claim. */
export async function settleDelivery(
  db: Knex,
  deliveryId: string | number,
  runnerId: string,
  outcome: DeliveryOutcome,
): Promise<void> {
  const release = { locked_until: null, locked_by: null };
  const changes =
    outcome.status === 'sent'
      ? { status: 'sent', sent_at: outcome.at, provider_id: outcome.providerId, last_error: null, ...release }
      : outcome.status === 'dead'
        ? { status: 'dead', last_error: outcome.error, ...release }
        : { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error, ...release };
  await db('notification_deliveries').where({ id: deliveryId, locked_by: runnerId }).update(changes);
}

/** Writes the staff incident for a connector call that failed for good, addressed to the task's role. */
export async function insertServiceFailedNotification(
  db: Knex,
  failed: NotificationRow,
  error: string,
  now: Date,
): Promise<void> {
  await db('notifications').insert({
    regency_id: failed.regency_id,
    case_id: failed.case_id,
    kind: 'service.failed',
    audience: 'staff',
    recipient_role: failed.recipient_role,
    params: JSON.stringify({ ...failed.params, error }),
    fanned_out_at: now,
  });
}
