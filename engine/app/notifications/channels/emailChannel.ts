import { createTransport } from 'nodemailer';
import { ChannelError, type SendMessage } from './channelTypes.ts';

type Transporter = ReturnType<typeof createTransport>;

const transports = new Map<string, Transporter>();

function transportFor(url: string, timeoutMs: number): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** E-mail through the SMTP server of ALUR_SMTP_URL, from ALUR_MAIL_FROM, as plain text. */
export const sendEmail: SendMessage = async (outgoing, { settings }) => {
  if (!settings.smtpUrl)
    throw new ChannelError('NOT_CONFIGURED', 'ALUR_SMTP_URL belum diisi: surel tidak dapat dikirim.');
  try {
    const info = (await transportFor(settings.smtpUrl, settings.timeoutMs).sendMail({
      from: settings.mailFrom,
      to: outgoing.address,
      subject: outgoing.message.title,
      text: outgoing.message.body,
      headers: { 'X-Alur-Notification': String(outgoing.notificationId) },
    })) as { messageId?: string };
    return info.messageId;
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : 'SMTP';
    const response = error && typeof error === 'object' && 'response' in error ? String(error.response) : '';
    throw new ChannelError(
      'REFUSED',
      `Server SMTP menolak atau tidak terjangkau (${code}) ${response.slice(0, 160)}`.trim(),
    );
  }
};
