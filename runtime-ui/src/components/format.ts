/** Formats an instant as a local date and time in Indonesian (or English) style. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Formats an instant as a date only. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' }).format(new Date(iso));
}

/** Office minutes as a short human span: "45 menit", "3 jam", "2 hari" (8-hour working days). */
export function formatWorkingMinutes(minutes: number, t: (key: string, options: Record<string, number>) => string, dayMinutes = 480): string {
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
