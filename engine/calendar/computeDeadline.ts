import type { Duration } from '../time/parseDuration.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import { addWorkingMinutes, workingDayMinutes } from './workingTime.ts';

const MINUTE = 60_000;

/** How much of the clock a duration consumes: office minutes, or calendar milliseconds/months. */
export type ClockBudget =
  { kind: 'office'; minutes: number } | { kind: 'calendar'; ms: number } | { kind: 'months'; months: number };

/** The budget of a Baku Mutu Waktu; ranges use the upper bound, per-person times multiply by persons served. */
export function durationBudget(calendar: WorkingCalendar, duration: Duration, persons = 1): ClockBudget {
  const amount = duration.max * (duration.perPerson ? Math.max(1, persons) : 1);
  switch (duration.unit) {
    case 'minutes':
      return { kind: 'office', minutes: amount };
    case 'hours':
      return { kind: 'office', minutes: amount * 60 };
    case 'workingDays':
      return { kind: 'office', minutes: amount * workingDayMinutes(calendar) };
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

/** Adds a clock budget to an instant on the regency's calendar. */
export function addBudget(calendar: WorkingCalendar, start: Date, budget: ClockBudget): Date {
  if (budget.kind === 'office') return addWorkingMinutes(calendar, start, budget.minutes);
  if (budget.kind === 'calendar') return new Date(start.getTime() + budget.ms);
  const local = new Date(start.getTime() + calendar.offsetMinutes * MINUTE);
  local.setUTCMonth(local.getUTCMonth() + budget.months);
  return new Date(local.getTime() - calendar.offsetMinutes * MINUTE);
}

/** Due time of a step or case that starts at `start` and may take `duration`. */
export function computeDeadline(calendar: WorkingCalendar, start: Date, duration: Duration, persons = 1): Date {
  return addBudget(calendar, start, durationBudget(calendar, duration, persons));
}
