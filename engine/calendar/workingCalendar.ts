import Holidays from 'date-holidays';
import type { RawRegency, Weekday } from '../definition/sopTypes.ts';

/** A regency's working time: fixed UTC offset (Indonesia has no DST), working weekdays, office hours and holidays. */
export interface WorkingCalendar {
  /** Local time = UTC + offsetMinutes. */
  offsetMinutes: number;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  workingDays: ReadonlySet<number>;
  /** Office opening and closing, in minutes after local midnight. */
  openMinute: number;
  closeMinute: number;
  /** Name of the holiday on a local date (YYYY-MM-DD), if any. */
  holidayName: (localDate: string) => string | undefined;
}

const OFFSETS: Record<string, number> = {
  'Asia/Jakarta': 420,
  'Asia/Pontianak': 420,
  'Asia/Makassar': 480,
  'Asia/Jayapura': 540,
};
const WEEKDAYS: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const nationalHolidays = new Map<number, Map<string, string>>();
const provider = new Holidays('ID');

/** Public national holidays of Indonesia for a year, from date-holidays (computed once per year per process). */
function nationalHolidaysOf(year: number): Map<string, string> {
  let days = nationalHolidays.get(year);
  if (!days) {
    days = new Map();
    for (const h of provider.getHolidays(year)) if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    nationalHolidays.set(year, days);
  }
  return days;
}

/** Builds the calendar of a regency: national holidays plus its own cuti bersama and local holidays. */
export function buildWorkingCalendar(calendar: RawRegency['calendar']): WorkingCalendar {
  const extra = new Map((calendar.holidays ?? []).map((h) => [h.date, h.name]));
  return {
    offsetMinutes: OFFSETS[calendar.timezone] ?? 420,
    workingDays: new Set(calendar.workingDays.map((d) => WEEKDAYS[d])),
    openMinute: minuteOfDay(calendar.hours.start),
    closeMinute: minuteOfDay(calendar.hours.end),
    holidayName: (localDate) =>
      extra.get(localDate) ?? nationalHolidaysOf(Number(localDate.slice(0, 4))).get(localDate),
  };
}
