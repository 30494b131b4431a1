import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import type { ClockKind } from '../definition/sopTypes.ts';
import type { Duration } from '../time/parseDuration.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import { addWorkingMinutes, workingDayMinutes } from './workingTime.ts';

const MINUTE = 60_000;

/** How much of the clock a duration consumes: office minutes, or calendar milliseconds/months. */
export type ClockBudget =
  { kind: 'office'; minutes: number } | { kind: 'calendar'; ms: number } | { kind: 'months'; months: number };

/** The budget of a Baku Mutu Waktu; ranges use the upper bound, per-person times multiply by persons served. */
export function durationBudget(
  calendar: WorkingCalendar,
  duration: Duration,
  persons = 1,
  clock: ClockKind = 'office',
): ClockBudget {
  const amount = duration.max * (duration.perPerson ? Math.max(1, persons) : 1);
  // "N x 24 jam" is N × 24 hours by its very wording, on any clock.
  const roundTheClock = clock === 'calendar' || duration.roundTheClock === true;
  switch (duration.unit) {
    case 'minutes':
      return roundTheClock ? { kind: 'calendar', ms: amount * MINUTE } : { kind: 'office', minutes: amount };
    case 'hours':
      return roundTheClock ? { kind: 'calendar', ms: amount * 60 * MINUTE } : { kind: 'office', minutes: amount * 60 };
    case 'workingDays':
      return roundTheClock
        ? { kind: 'calendar', ms: amount * 1440 * MINUTE }
        : { kind: 'office', minutes: amount * workingDayMinutes(calendar) };
    case 'calendarDays':
      return { kind: 'calendar', ms: amount * 1440 * MINUTE };
    case 'weeks':
      return { kind: 'calendar', ms: amount * 7 * 1440 * MINUTE };
    case 'months':
      return { kind: 'months', months: amount };
    case 'years':
      return { kind: 'months', months: amount * 12 };
  }
}

/**
 * Adds a clock budget to an instant on the regency's calendar. Months use date-fns `addMonths` on the
 * regency's local wall time (a UTCDate shifted by the fixed offset, so the server's own time zone never
 * matters): it clamps to the end of the month (31 Jan + 1 bulan = 28/29 Feb), as people count months.
 * date-fns was chosen over a Temporal polyfill: small, pure functions, widely used and maintained.
 */
export function addBudget(calendar: WorkingCalendar, start: Date, budget: ClockBudget): Date {
  if (budget.kind === 'office') return addWorkingMinutes(calendar, start, budget.minutes);
  if (budget.kind === 'calendar') return new Date(start.getTime() + budget.ms);
  const local = new UTCDate(start.getTime() + calendar.offsetMinutes * MINUTE);
  const moved = addMonths(local, Math.round(budget.months));
  return new Date(moved.getTime() - calendar.offsetMinutes * MINUTE);
}

/** Due time of a step or case that starts at `start` and may take `duration`, on the given clock. */
export function computeDeadline(
  calendar: WorkingCalendar,
  start: Date,
  duration: Duration,
  persons = 1,
  clock: ClockKind = 'office',
): Date {
  return addBudget(calendar, start, durationBudget(calendar, duration, persons, clock));
}

/** Years between `start` and `due` (local) that have no official national calendar yet. */
export function provisionalYears(calendar: WorkingCalendar, start: Date, due: Date): number[] {
  const yearOf = (d: Date): number => new Date(d.getTime() + calendar.offsetMinutes * MINUTE).getUTCFullYear();
  const years: number[] = [];
  for (let year = yearOf(start); year <= yearOf(due); year++) if (calendar.isProvisionalYear(year)) years.push(year);
  return years;
}

/** Whether a deadline from `start` to `due` crosses a year without an official national calendar. */
export function deadlineIsProvisional(calendar: WorkingCalendar, start: Date, due: Date): boolean {
  return provisionalYears(calendar, start, due).length > 0;
}
