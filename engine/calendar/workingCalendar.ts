import type { RawRegency, Weekday } from '../definition/sopTypes.ts';
import {
  calendarRevision,
  nationalCalendarStatus,
  nationalHolidayName,
  regionalHolidayOverride,
} from './nationalCalendar.ts';

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
  /** A year without an official national list: deadlines in it are provisional. */
  isProvisionalYear: (year: number) => boolean;
  /** Changes when admins change the calendar, so cached working days are recomputed. */
  revision: () => number;
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

/**
 * Builds the calendar of a regency: the national list (shipped SKB data plus admin changes) and its
 * regional holidays (regency.yaml plus admin changes). `date-holidays` is no longer used: its Islamic
 * dates differ from the government's and it knows nothing of cuti bersama.
 */
export function buildWorkingCalendar(calendar: RawRegency['calendar'], regencyId?: string): WorkingCalendar {
  const extra = new Map((calendar.holidays ?? []).map((h) => [h.date, h.name]));
  const regional = (localDate: string): string | undefined => {
    const override = regencyId === undefined ? undefined : regionalHolidayOverride(regencyId, localDate);
    if (override === null) return undefined;
    return override ?? extra.get(localDate);
  };
  return {
    offsetMinutes: OFFSETS[calendar.timezone] ?? 420,
    workingDays: new Set(calendar.workingDays.map((d) => WEEKDAYS[d])),
    openMinute: minuteOfDay(calendar.hours.start),
    closeMinute: minuteOfDay(calendar.hours.end),
    holidayName: (localDate) => regional(localDate) ?? nationalHolidayName(localDate),
    isProvisionalYear: (year) => nationalCalendarStatus(year).status === 'provisional',
    revision: calendarRevision,
  };
}
