import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';

/** Puts the failed connector call of a service step's task back in the queue with fresh attempts. */
export async function retryServiceCall(db: Knex, regencyId: string, taskId: string, now = new Date()): Promise<void> {
  const updated = (await db('notification_deliveries')
    .where({ regency_id: regencyId, channel: 'connector', address: taskId, status: 'dead' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, locked_by: null })
    .returning('id')) as unknown[];
  if (updated.length === 0)
    throw new AppError(
      'NOT_FOUND',
      'Tugas ini tidak punya panggilan layanan yang gagal. Hanya panggilan yang sudah gagal dapat diulang.',
      '/taskId',
    );
}
