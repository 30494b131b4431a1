import type { Knex } from 'knex';
import type { NotificationRow } from './notificationRows.ts';

/** A delivery claimed by one runner: where to send it and how many attempts it has had (this one counted). */
export type ClaimedDeliveryRow = {
  id: string | number;
  notification_id: string | number;
  regency_id: string;
  channel: string;
  address: string;
  attempts: number;
};

/**
 * Claims up to `batch` pending deliveries due at `now` for `runnerId` (row locks under SKIP LOCKED, a
 * lease until `leaseUntil`, the attempt counted), in the caller's transaction.
 */
export async function claimDueDeliveries(
  trx: Knex.Transaction,
  claim: { runnerId: string; now: Date; leaseUntil: Date; batch: number },
): Promise<ClaimedDeliveryRow[]> {
  const { rows } = (await trx.raw(
    `UPDATE notification_deliveries SET locked_until = ?, locked_by = ?, attempts = attempts + 1
      WHERE id IN (SELECT id FROM notification_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, notification_id, regency_id, channel, address, attempts`,
    [claim.leaseUntil, claim.runnerId, claim.now, claim.now, claim.batch],
  )) as { rows: ClaimedDeliveryRow[] };
  return rows;
}

/** The notifications with these ids. */
export async function notificationsByIds(db: Knex, ids: ReadonlyArray<string | number>): Promise<NotificationRow[]> {
  return (await db('notifications').whereIn('id', ids)) as NotificationRow[];
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
