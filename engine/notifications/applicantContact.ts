import type { ApplicantChannel, ApplicantContact } from './notificationTypes.ts';

const CHANNELS: readonly ApplicantChannel[] = ['email', 'whatsapp', 'sms'];

/** Field names in case data that record the applicant's consent and preferred channel (UU PDP No. 27/2022). */
export const CONTACT_FIELDS = {
  consent: 'notificationConsent',
  channel: 'notificationChannel',
  email: 'email',
  phone: 'phone',
} as const;

/** A phone number as the gateways want it: digits only, with country code 62 instead of a leading 0. */
export function internationalPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/**
 * Where the applicant may be told about their case, or nothing: only with recorded consent
 * (`notificationConsent: true`), on the channel they chose, to an address they gave.
 */
export function applicantContact(data: Record<string, unknown>): ApplicantContact | undefined {
  if (data[CONTACT_FIELDS.consent] !== true) return undefined;
  const channel = data[CONTACT_FIELDS.channel];
  if (typeof channel !== 'string' || !CHANNELS.includes(channel as ApplicantChannel)) return undefined;
  if (channel === 'email') {
    const email = data[CONTACT_FIELDS.email];
    return typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) ? { channel, address: email } : undefined;
  }
  const phone = data[CONTACT_FIELDS.phone];
  if (typeof phone !== 'string' || internationalPhone(phone).length < 9) return undefined;
  return { channel: channel as ApplicantChannel, address: internationalPhone(phone) };
}
