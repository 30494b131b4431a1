import { ChannelError, type SendMessage } from './channelTypes.ts';
import { postJson } from './postJson.ts';

/** A generic SMS gateway: POST {url} with { to, message } as JSON and a Bearer token; `id` of the answer is kept. */
export const sendSms: SendMessage = async (outgoing, { config, settings }) => {
  const sms = config.sms;
  if (!sms) throw new ChannelError('NOT_CONFIGURED', 'Gerbang SMS belum diatur di regency.yaml (notifications.sms).');
  const token = settings.secrets[sms.tokenEnv];
  if (!token) throw new ChannelError('NOT_CONFIGURED', `Variabel lingkungan ${sms.tokenEnv} (token SMS) belum diisi.`);
  const message = `${outgoing.message.title}. ${outgoing.message.body}`.slice(0, 480);
  const answer = (await postJson(
    sms.url,
    JSON.stringify({ to: outgoing.address, message }),
    { authorization: `Bearer ${token}` },
    settings.timeoutMs,
  )) as { id?: unknown } | undefined;
  return typeof answer?.id === 'string' ? answer.id : undefined;
};
