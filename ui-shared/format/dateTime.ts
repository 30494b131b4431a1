// The zone every date is shown in: the regency's, set from the session (staff) or from a public page's
// answer, so one SK reads the same day in Tenggarong and in Jakarta whatever the PC's own zone is.
let displayZone: string | undefined;

/** Sets the zone all dates are shown in (the regency's); undefined falls back to the browser's. */
export function setDisplayTimeZone(zone: string | undefined): void {
  displayZone = zone;
}

// The three Indonesian zones by their legal names (Keppres 41/1987): Intl spells them "GMT+8" in some builds.
const ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The zone's Indonesian label (WIB, WITA, WIT), or Intl's short name for another zone. */
export function zoneLabel(zone: string): string {
  return (
    ZONE_LABELS[zone] ??
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ??
    zone
  );
}

/** Formats an instant as a date and time in Indonesian (or English) style, in the regency's zone with its label (WIB/WITA/WIT). */
export function formatDateTime(
  iso: string | null | undefined,
  language: string,
  timeZone: string | undefined = displayZone,
): string {
  if (!iso) return '–';
  // dateStyle/timeStyle cannot be combined with a zone label, so the fields are spelled out.
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  };
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', options).format(new Date(iso));
  return timeZone ? `${text} ${zoneLabel(timeZone)}` : text;
}

/** Formats an instant (in the regency's zone) or a calendar date (YYYY-MM-DD, that very day) as a date only. */
export function formatDate(
  value: string | null | undefined,
  language: string,
  timeZone: string | undefined = displayZone,
): string {
  if (!value) return '–';
  const calendarDay = value.length === 10;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    ...(calendarDay ? { timeZone: 'UTC' } : timeZone ? { timeZone } : {}),
  }).format(new Date(calendarDay ? `${value}T00:00:00Z` : value));
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
