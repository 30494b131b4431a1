import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { withSystemScope } from '../../storage/regencyScope.ts';
import { deliverNotifications, type DeliveryRound } from './deliverNotifications.ts';
import { fanOutNotifications } from './fanOutNotifications.ts';
import { notifierSettingsFromEnv, type NotifierSettings } from './notifierSettings.ts';

const RUNNER_ID = `notifier-${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * One turn of the notifier: fan new outbox rows out into deliveries, then deliver what is due. Runs as
 * the system role (notifications of every regency), the documented bypass for background jobs.
 */
export async function runNotifier(
  db: Knex,
  now = new Date(),
  settings: NotifierSettings = notifierSettingsFromEnv(),
  runnerId = RUNNER_ID,
): Promise<{ fannedOut: number } & DeliveryRound> {
  let fannedOut = 0;
  for (;;) {
    const n = await withSystemScope(db, (trx) => fanOutNotifications(trx, now));
    fannedOut += n;
    if (n === 0) break;
  }
  const round = await deliverNotifications(db, settings, runnerId, now);
  return { fannedOut, ...round };
}
