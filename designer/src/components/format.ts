/** A date and time in the UI language; in the regency's time zone when given (deadlines), else the browser's. */
export function formatDateTime(iso: string | null | undefined, language: string, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}) });
}

/** A date (YYYY-MM-DD or ISO) in the UI language. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return new Date(value.length === 10 ? `${value}T00:00:00` : value).toLocaleDateString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' });
}
