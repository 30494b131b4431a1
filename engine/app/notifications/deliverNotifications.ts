import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { NotificationKind } from '../../notifications/notificationTypes.ts';
import { renderNotification } from '../../notifications/renderNotification.ts';
import { withSystemScope } from '../../storage/regencyScope.ts';
import { connectorMaxAttempts, runConnectorCall } from '../connectors/runConnectorCall.ts';
import { ChannelError, type SendMessage } from './channels/channelTypes.ts';
import { sendEmail } from './channels/emailChannel.ts';
import { sendSms } from './channels/smsChannel.ts';
import { sendWebhook } from './channels/webhookChannel.ts';
import { sendWhatsapp } from './channels/whatsappChannel.ts';
import type { NotificationRow } from '../../storage/notifications/notificationRows.ts';
import { retryDelaySeconds, type NotifierSettings } from './notifierSettings.ts';
import { regencyConfigs } from '../../storage/regencies/regencyConfigs.ts';
import {
  claimDueDeliveries,
  insertServiceFailedNotification,
  notificationsByIds,
  settleDelivery,
  type ClaimedDeliveryRow,
} from '../../storage/notifications/deliveryRounds.ts';

const CHANNELS: Record<string, SendMessage> = {
  email: sendEmail,
  whatsapp: sendWhatsapp,
  sms: sendSms,
  webhook: sendWebhook,
};

/** What one delivery round did. */
export interface DeliveryRound {
  sent: number;
  failed: number;
  dead: number;
}

// Long enough for any channel call (each has its own timeout), so a live claim is never taken over.
const LEASE_SECONDS = 300;

function webhookData(n: NotificationRow): Record<string, unknown> {
  const events = Array.isArray(n.params.events) ? n.params.events : [];
  return {
    id: String(n.id),
    regency: n.regency_id,
    caseId: n.params.caseId,
    trackingCode: n.params.trackingCode,
    sopId: n.params.sopId,
    status: n.params.status,
    events: events.map((e) => ({ seq: Number(e.slice(0, e.indexOf(':'))), type: e.slice(e.indexOf(':') + 1) })),
    createdAt: new Date(n.created_at).toISOString(),
  };
}

async function sendMessage(
  delivery: ClaimedDeliveryRow,
  notification: NotificationRow,
  regency: RawRegency,
  settings: NotifierSettings,
): Promise<string | undefined> {
  const send = CHANNELS[delivery.channel];
  if (!send) throw new ChannelError('NOT_CONFIGURED', `Saluran "${delivery.channel}" tidak dikenal.`);
  const message = renderNotification(notification.kind as NotificationKind, notification.params, {
    regency,
    publicUrl: settings.publicUrl,
    timeZone: regency.calendar.timezone,
  });
  return send(
    {
      deliveryId: Number(delivery.id),
      notificationId: Number(notification.id),
      address: delivery.address,
      message,
      data: delivery.channel === 'webhook' ? webhookData(notification) : {},
    },
    { config: regency.notifications ?? {}, settings },
  );
}

/**
 * Delivers due deliveries: each is claimed (row lock, lease, attempt counted) in a short transaction,
 * sent outside it, then marked sent, rescheduled with exponential backoff, or dead after the last attempt.
 * A claimed row is invisible to other runners, so each delivery is sent by one process.
 */
export async function deliverNotifications(
  db: Knex,
  settings: NotifierSettings,
  runnerId: string,
  now = new Date(),
  batch = 50,
): Promise<DeliveryRound> {
  const claimed = await withSystemScope(db, async (trx) => {
    const rows = await claimDueDeliveries(trx, {
      runnerId,
      now,
      leaseUntil: new Date(now.getTime() + LEASE_SECONDS * 1000),
      batch,
    });
    if (rows.length === 0) return undefined;
    // RETURNING has no order: send in the order things happened, so an applicant reads them in sequence.
    rows.sort((x, y) => Number(x.notification_id) - Number(y.notification_id) || Number(x.id) - Number(y.id));
    const notifications = await notificationsByIds(
      trx,
      rows.map((r) => r.notification_id),
    );
    const configs = await regencyConfigs(
      trx,
      rows.map((r) => r.regency_id),
    );
    return { rows, notifications: new Map(notifications.map((n) => [String(n.id), n])), configs };
  });
  const round: DeliveryRound = { sent: 0, failed: 0, dead: 0 };
  if (!claimed) return round;
  for (const delivery of claimed.rows) {
    const notification = claimed.notifications.get(String(delivery.notification_id))!;
    const regency = claimed.configs.get(delivery.regency_id);
    let providerId: string | undefined;
    let failure: string | undefined;
    let hopeless = false;
    const isConnector = delivery.channel === 'connector';
    try {
      if (!regency) throw new ChannelError('NOT_CONFIGURED', `Kabupaten ${delivery.regency_id} tidak ditemukan.`);
      providerId = isConnector
        ? await runConnectorCall(db, notification, regency, settings, now)
        : await sendMessage(delivery, notification, regency, settings);
    } catch (error) {
      failure = error instanceof ChannelError ? error.message : 'Kesalahan tak terduga saat mengirim.';
      // A connector without address or token will not heal by waiting: it becomes an incident at once.
      hopeless = isConnector && error instanceof ChannelError && error.code === 'NOT_CONFIGURED';
    }
    const maxAttempts = isConnector
      ? connectorMaxAttempts(regency, notification.params.connector)
      : settings.maxAttempts;
    await withSystemScope(db, async (trx) => {
      if (failure === undefined) {
        round.sent += 1;
        await settleDelivery(trx, delivery.id, runnerId, { status: 'sent', at: now, providerId: providerId ?? null });
      } else if (hopeless || delivery.attempts >= maxAttempts) {
        round.dead += 1;
        await settleDelivery(trx, delivery.id, runnerId, { status: 'dead', error: failure });
        // A failed connector call is an incident: the task's role is told to retry or complete it by hand.
        if (isConnector) await insertServiceFailedNotification(trx, notification, failure, now);
      } else {
        round.failed += 1;
        const next = new Date(now.getTime() + retryDelaySeconds(settings, delivery.attempts) * 1000);
        await settleDelivery(trx, delivery.id, runnerId, { status: 'retry', nextAttemptAt: next, error: failure });
      }
    });
  }
  return round;
}
