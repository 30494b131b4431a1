import { ChannelError, type SendMessage } from './channelTypes.ts';
import { postJson } from './postJson.ts';

/**
 * WhatsApp Cloud API: POST {baseUrl}/{version}/{phone-number-id}/messages with a Bearer token and
 * { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body } };
 * the answer's messages[0].id is the provider id. Any gateway with the same shape can stand in.
 */
export const sendWhatsapp: SendMessage = async (outgoing, { config, settings }) => {
  const wa = config.whatsapp;
  if (!wa)
    throw new ChannelError('NOT_CONFIGURED', 'Gerbang WhatsApp belum diatur di regency.yaml (notifications.whatsapp).');
  const token = settings.secrets[wa.tokenEnv];
  if (!token)
    throw new ChannelError('NOT_CONFIGURED', `Variabel lingkungan ${wa.tokenEnv} (token WhatsApp) belum diisi.`);
  const url = `${wa.baseUrl.replace(/\/$/, '')}/${wa.apiVersion ?? 'v21.0'}/${encodeURIComponent(wa.phoneNumberId)}/messages`;
  const body = JSON.stringify({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: outgoing.address,
    type: 'text',
    text: { preview_url: false, body: `*${outgoing.message.title}*\n${outgoing.message.body}` },
  });
  const answer = (await postJson(url, body, { authorization: `Bearer ${token}` }, settings.timeoutMs)) as
    { messages?: Array<{ id?: string }> } | undefined;
  return answer?.messages?.[0]?.id;
};
