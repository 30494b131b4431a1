import { buildWorkingCalendar } from '../calendar/workingCalendar.ts';
import type { RawRegency } from '../definition/sopTypes.ts';

/** Fewer national holidays than this in a year means the holiday data for that year is missing. */
const MIN_NATIONAL_HOLIDAYS = 10;

/** How well a year is covered by the working calendar's holiday data. */
export interface CalendarCoverage {
  year: number;
  holidays: number;
  loaded: boolean;
}

/**
 * The one place `alur doctor` asks the calendar whether a year is loaded: counts the holidays the
 * working calendar knows for that year (national holidays, plus a regency's own when given). When the
 * calendar's source changes (national data files), only this function changes.
 */
export function calendarCoverage(year: number, regencyCalendar?: RawRegency['calendar']): CalendarCoverage {
  const calendar = buildWorkingCalendar(
    regencyCalendar ?? {
      timezone: 'Asia/Jakarta',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: { start: '08:00', end: '16:00' },
    },
  );
  let holidays = 0;
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1))
    if (calendar.holidayName(day.toISOString().slice(0, 10)) !== undefined) holidays += 1;
  return { year, holidays, loaded: holidays >= MIN_NATIONAL_HOLIDAYS };
}
