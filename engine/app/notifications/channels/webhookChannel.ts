import { createHmac } from 'node:crypto';
import { ChannelError, type SendMessage } from './channelTypes.ts';
import { postJson } from './postJson.ts';

/** The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Posts a batch of case events to a regency webhook, signed with its secret (X-Alur-Signature) so the
 * receiver can check origin and freshness; X-Alur-Delivery stays the same on retries (idempotency).
 */
export const sendWebhook: SendMessage = async (outgoing, { config, settings }) => {
  const hook = config.webhooks?.find((w) => w.id === outgoing.address);
  if (!hook) throw new ChannelError('NOT_CONFIGURED', `Webhook "${outgoing.address}" tidak ada lagi di regency.yaml.`);
  const secret = settings.secrets[hook.secretEnv];
  if (!secret)
    throw new ChannelError('NOT_CONFIGURED', `Variabel lingkungan ${hook.secretEnv} (kunci webhook) belum diisi.`);
  const body = JSON.stringify(outgoing.data);
  const timestamp = Math.floor(Date.now() / 1000);
  await postJson(
    hook.url,
    body,
    {
      'x-alur-delivery': `${outgoing.notificationId}-${hook.id}`,
      'x-alur-signature': webhookSignature(secret, timestamp, body),
    },
    settings.timeoutMs,
  );
  return undefined;
};
