import type { RawRegency } from '../definition/sopTypes.ts';
import { DEFAULT_TEMPLATES, type NotificationTemplate } from './defaultTemplates.ts';
import type { NotificationKind, NotificationParams } from './notificationTypes.ts';

/** What rendering needs besides the parameters: the regency (office, template overrides) and the public URL. */
export interface RenderContext {
  regency: Pick<RawRegency, 'office'> & {
    notifications?: { templates?: Partial<Record<string, NotificationTemplate>> };
  };
  publicUrl: string;
  timeZone: string;
}

/** A rendered message. */
export interface RenderedMessage {
  title: string;
  body: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(value: NotificationParams[string] | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map((v) => `- ${v}`).join('\n');
  if (typeof value === 'string' && ISO_TIME.test(value))
    return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(value),
    );
  return String(value);
}

// A last safety net: a 16-digit number (NIK or KK) typed into a reason never leaves in a message.
const NIK_LIKE = /(?<!\d)\d{16}(?!\d)/g;

/** Removes anything shaped like a NIK or KK number from a text. */
export function redactIdentityNumbers(text: string): string {
  return text.replace(NIK_LIKE, '[disamarkan]');
}

/** Renders a notification with the regency's template (or the built-in one); unknown placeholders become "-". */
export function renderNotification(
  kind: NotificationKind,
  params: NotificationParams,
  context: RenderContext,
): RenderedMessage {
  const template = context.regency.notifications?.templates?.[kind] ?? DEFAULT_TEMPLATES[kind];
  const office = context.regency.office;
  const complaints = Array.isArray(params.complaintChannels) ? params.complaintChannels : [];
  const fallbackComplaints = [office.phone && `Telepon ${office.phone}`, office.email && `Surel ${office.email}`]
    .concat(office.website ? [`Laman ${office.website}`] : [])
    .filter((x): x is string => typeof x === 'string' && x.length > 0);
  const values: NotificationParams = {
    officeName: office.name,
    officeAddress: office.address ?? office.name,
    officePhone: office.phone ?? '-',
    ...(typeof params.trackingCode === 'string'
      ? { trackingUrl: `${context.publicUrl.replace(/\/$/, '')}/lacak/${params.trackingCode}` }
      : {}),
    ...params,
    complaintChannels: complaints.length > 0 ? complaints : fallbackComplaints,
  };
  const fill = (text: string): string =>
    redactIdentityNumbers(
      text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_, name: string) =>
        formatValue(values[name], context.timeZone),
      ),
    );
  return { title: fill(template.title), body: fill(template.body) };
}
