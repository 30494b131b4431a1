import type { Knex } from 'knex';
import { requeueDeadConnectorCall } from '../../storage/notifications/connectorCallRows.ts';
import { AppError } from '../appErrors.ts';

/** Puts the failed connector call of a service step's task back in the queue with fresh attempts. */
export async function retryServiceCall(db: Knex, regencyId: string, taskId: string, now = new Date()): Promise<void> {
  if (!(await requeueDeadConnectorCall(db, regencyId, taskId, now)))
    throw new AppError(
      'NOT_FOUND',
      'Tugas ini tidak punya panggilan layanan yang gagal. Hanya panggilan yang sudah gagal dapat diulang.',
      '/taskId',
    );
}
