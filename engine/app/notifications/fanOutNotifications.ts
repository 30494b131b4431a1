import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationParams } from '../../notifications/notificationTypes.ts';
import type { NotificationRow } from '../../storage/notifications/notificationRows.ts';
import { regencyConfigs } from '../../storage/regencies/regencyConfigs.ts';
import { superiorRole } from './superiorRole.ts';
import {
  claimUnfannedNotifications,
  insertDeliveries,
  markFannedOut,
  setNotificationRecipientRole,
  type NewDelivery,
} from '../../storage/notifications/fanOutRows.ts';

function eventTypes(params: NotificationParams): string[] {
  const events = Array.isArray(params.events) ? params.events : [];
  return events.map((e) => e.slice(e.indexOf(':') + 1));
}

function deliveriesOf(
  row: NotificationRow,
  regency: RawRegency | undefined,
): Array<{ channel: string; address: string }> {
  if (row.audience === 'applicant' && row.contact)
    return [{ channel: row.contact.channel, address: row.contact.address }];
  if (row.audience === 'connector' && typeof row.params.taskId === 'string')
    return [{ channel: 'connector', address: row.params.taskId }];
  if (row.audience === 'webhook') {
    const types = eventTypes(row.params);
    return (regency?.notifications?.webhooks ?? [])
      .filter((w) => !w.events || w.events.length === 0 || w.events.some((t) => types.includes(t)))
      .map((w) => ({ channel: 'webhook', address: w.id }));
  }
  return [];
}

/**
 * Turns new outbox rows into deliveries: one per channel and address (a unique key, so a row fanned out
 * twice still sends once), webhooks per the regency's current config, escalations addressed to the
 * superior role. Rows are claimed under SKIP LOCKED, so several processes share the work.
 */
export async function fanOutNotifications(trx: Knex.Transaction, now: Date, batch = 200): Promise<number> {
  const rows = await claimUnfannedNotifications(trx, batch);
  if (rows.length === 0) return 0;
  const configs = await regencyConfigs(
    trx,
    rows.map((r) => r.regency_id),
  );
  const deliveries: NewDelivery[] = [];
  for (const row of rows) {
    const regency = configs.get(row.regency_id);
    if (row.kind === 'case.escalated' && row.recipient_role === null && regency) {
      const role = superiorRole(
        regency,
        typeof row.params.role === 'string' ? row.params.role : null,
        typeof row.params.unit === 'string' ? row.params.unit : null,
      );
      if (role) await setNotificationRecipientRole(trx, row.id, role);
    }
    for (const d of deliveriesOf(row, regency))
      deliveries.push({ notificationId: row.id, regencyId: row.regency_id, ...d, nextAttemptAt: now });
  }
  await insertDeliveries(trx, deliveries);
  await markFannedOut(
    trx,
    rows.map((r) => r.id),
    now,
  );
  return rows.length;
}
