import type { WorkingCalendar } from './workingCalendar.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

/** Local calendar date (YYYY-MM-DD) of a local-minute timestamp. */
function localDate(localMinutes: number): string {
  return new Date(localMinutes * MINUTE).toISOString().slice(0, 10);
}

// Calendars are immutable once built, so each local day is looked up once per calendar: deadline and
// overdue walks cross the same days again and again (formatting a date and the holiday lookup dominated them).
// Admin changes to the calendar bump its revision; the cache of that calendar is then started again.
const workingDaysByCalendar = new WeakMap<WorkingCalendar, { revision: number; days: Map<number, boolean> }>();

/** Whether the local day containing this local minute is a working day (weekday and not a holiday). */
export function isWorkingDay(calendar: WorkingCalendar, localMinutes: number): boolean {
  const day = Math.floor(localMinutes / DAY_MINUTES);
  let cache = workingDaysByCalendar.get(calendar);
  if (!cache || cache.revision !== calendar.revision()) {
    cache = { revision: calendar.revision(), days: new Map() };
    workingDaysByCalendar.set(calendar, cache);
  }
  const days = cache.days;
  let working = days.get(day);
  if (working === undefined) {
    const weekday = new Date(localMinutes * MINUTE).getUTCDay();
    working = calendar.workingDays.has(weekday) && calendar.holidayName(localDate(localMinutes)) === undefined;
    days.set(day, working);
  }
  return working;
}

/** Moves a local-minute timestamp to the next moment the office is open (itself if already open). */
function nextOpenMoment(calendar: WorkingCalendar, localMinutes: number): number {
  let t = localMinutes;
  for (let guard = 0; guard < 3660; guard++) {
    const dayStart = Math.floor(t / DAY_MINUTES) * DAY_MINUTES;
    if (isWorkingDay(calendar, t)) {
      if (t < dayStart + calendar.openMinute) return dayStart + calendar.openMinute;
      if (t < dayStart + calendar.closeMinute) return t;
    }
    t = dayStart + DAY_MINUTES;
  }
  throw new RangeError('Kalender tidak memiliki hari kerja dalam sepuluh tahun');
}

/** Adds office minutes to an instant: time only runs on working days within office hours. */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  let t = nextOpenMoment(calendar, Math.floor(start.getTime() / MINUTE) + calendar.offsetMinutes);
  let remaining = minutes;
  for (;;) {
    const close = Math.floor(t / DAY_MINUTES) * DAY_MINUTES + calendar.closeMinute;
    if (remaining <= close - t) return new Date((t + remaining - calendar.offsetMinutes) * MINUTE);
    remaining -= close - t;
    t = nextOpenMoment(calendar, close + 1);
  }
}

/** Office minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const end = Math.floor(to.getTime() / MINUTE) + calendar.offsetMinutes;
  let t = Math.floor(from.getTime() / MINUTE) + calendar.offsetMinutes;
  let total = 0;
  for (let guard = 0; guard < 40_000 && t < end; guard++) {
    t = nextOpenMoment(calendar, t);
    if (t >= end) break;
    const close = Math.floor(t / DAY_MINUTES) * DAY_MINUTES + calendar.closeMinute;
    total += Math.min(close, end) - t;
    t = close;
  }
  return total;
}

/** Length of one working day in minutes. */
export function workingDayMinutes(calendar: WorkingCalendar): number {
  return calendar.closeMinute - calendar.openMinute;
}
