import type { Knex } from 'knex';

/** Puts a task's dead connector call back in the queue with fresh attempts; false when there is none. */
export async function requeueDeadConnectorCall(
  db: Knex,
  regencyId: string,
  taskId: string,
  now: Date,
): Promise<boolean> {
  const updated = (await db('notification_deliveries')
    .where({ regency_id: regencyId, channel: 'connector', address: taskId, status: 'dead' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, locked_by: null })
    .returning('id')) as unknown[];
  return updated.length > 0;
}
