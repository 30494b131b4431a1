/** Formats an instant as a date and time in Indonesian (or English) style; in the given time zone (a regency's deadlines) with its name, else the browser's. */
export function formatDateTime(iso: string | null | undefined, language: string, timeZone?: string): string {
  if (!iso) return '–';
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  const zoned: Intl.DateTimeFormatOptions = timeZone
    ? {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', zoned).format(new Date(iso));
}

/** Formats an instant or a calendar date (YYYY-MM-DD, read as that local day) as a date only. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' }).format(
    new Date(value.length === 10 ? `${value}T00:00:00` : value),
  );
}

/** Office minutes as a short human span: "45 menit", "3 jam", "2 hari" (8-hour working days). */
export function formatWorkingMinutes(
  minutes: number,
  t: (key: string, options: Record<string, number>) => string,
  dayMinutes = 480,
): string {
  const m = Math.abs(minutes);
  if (m < 60) return t('time.minutes', { count: Math.round(m) });
  if (m < dayMinutes) return t('time.hours', { count: Math.round(m / 60) });
  return t('time.days', { count: Math.round((m / dayMinutes) * 10) / 10 });
}

/** Wall-clock milliseconds as a short span. */
export function formatSpan(ms: number, t: (key: string, options: Record<string, number>) => string): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return t('time.minutes', { count: Math.round(minutes) });
  if (minutes < 1440) return t('time.hours', { count: Math.round(minutes / 60) });
  return t('time.days', { count: Math.round((minutes / 1440) * 10) / 10 });
}
