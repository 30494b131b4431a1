import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationParams } from '../../notifications/notificationTypes.ts';
import type { NotificationRow } from '../../storage/notifications/notificationRows.ts';
import { regencyConfigs } from '../../storage/regencies/regencyConfigs.ts';
import { superiorRole } from './superiorRole.ts';

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
  const { rows } = (await trx.raw(
    `SELECT * FROM notifications WHERE fanned_out_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
    [batch],
  )) as { rows: NotificationRow[] };
  if (rows.length === 0) return 0;
  const configs = await regencyConfigs(
    trx,
    rows.map((r) => r.regency_id),
  );
  const deliveries: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const regency = configs.get(row.regency_id);
    if (row.kind === 'case.escalated' && row.recipient_role === null && regency) {
      const role = superiorRole(
        regency,
        typeof row.params.role === 'string' ? row.params.role : null,
        typeof row.params.unit === 'string' ? row.params.unit : null,
      );
      if (role) await trx('notifications').where({ id: row.id }).update({ recipient_role: role });
    }
    for (const d of deliveriesOf(row, regency))
      deliveries.push({ notification_id: row.id, regency_id: row.regency_id, ...d, next_attempt_at: now });
  }
  if (deliveries.length > 0)
    await trx('notification_deliveries')
      .insert(deliveries)
      .onConflict(['notification_id', 'channel', 'address'])
      .ignore();
  await trx('notifications')
    .whereIn(
      'id',
      rows.map((r) => r.id),
    )
    .update({ fanned_out_at: now });
  return rows.length;
}
