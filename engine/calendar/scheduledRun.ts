import type { Schedule, SchedulePart } from '../definition/sopTypes.ts';
import { INDONESIAN_MONTHS } from '../time/indonesianMonths.ts';
import type { WorkingCalendar } from './workingCalendar.ts';
import { isWorkingDay } from './workingTime.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

/** One run of a scheduled SOP: its cycle (unique per SOP), when it opens, and the case data it fills in. */
export interface ScheduledRun {
  /** `month:2026-12`, `week:2026-12-07` (the Monday) or `year:2026`: one case per SOP and key. */
  key: string;
  opensAt: Date;
  /** The period the case works on (the cycle itself, or the one before for `period: previous`). */
  periodLabel: string;
  data: Record<string, string | number>;
}

interface Period {
  /** A UTC-midnight date standing for the local calendar day the period starts. */
  start: Date;
  label: string;
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
const iso = (date: Date): string => date.toISOString().slice(0, 10);

function monthPeriod(y: number, m: number): Period {
  // Date.UTC rolls month -1 over to December of the year before.
  const start = day(y, m, 1);
  return { start, label: `${INDONESIAN_MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}` };
}

function weekPeriod(monday: Date): Period {
  const sunday = new Date(monday.getTime() + 6 * DAY_MINUTES * MINUTE);
  const end = `${sunday.getUTCDate()} ${INDONESIAN_MONTHS[sunday.getUTCMonth()]} ${sunday.getUTCFullYear()}`;
  const start =
    monday.getUTCMonth() === sunday.getUTCMonth()
      ? `${monday.getUTCDate()}`
      : `${monday.getUTCDate()} ${INDONESIAN_MONTHS[monday.getUTCMonth()]}${monday.getUTCFullYear() === sunday.getUTCFullYear() ? '' : ` ${monday.getUTCFullYear()}`}`;
  return { start: monday, label: `Minggu ${start}–${end}` };
}

/** The cycle containing a local day, the cycle before it, and the nominal opening day of the cycle. */
function cycleOf(schedule: Schedule, today: Date): { key: string; nominal: Date; current: Period; previous: Period } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  if (schedule.every === 'week') {
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MINUTES * MINUTE);
    const nominal = new Date(monday.getTime() + ((schedule.day ?? 1) - 1) * DAY_MINUTES * MINUTE);
    const before = new Date(monday.getTime() - 7 * DAY_MINUTES * MINUTE);
    return { key: `week:${iso(monday)}`, nominal, current: weekPeriod(monday), previous: weekPeriod(before) };
  }
  if (schedule.every === 'month') {
    const current = monthPeriod(y, m);
    return {
      key: `month:${iso(current.start).slice(0, 7)}`,
      nominal: day(y, m, schedule.day ?? 1),
      current,
      previous: monthPeriod(y, m - 1),
    };
  }
  const yearPeriod = (year: number): Period => ({ start: day(year, 0, 1), label: `Tahun ${year}` });
  return {
    key: `year:${y}`,
    nominal: day(y, (schedule.month ?? 1) - 1, schedule.day ?? 1),
    current: yearPeriod(y),
    previous: yearPeriod(y - 1),
  };
}

function fillValue(part: SchedulePart, period: Period): string | number {
  switch (part) {
    case 'monthName':
      return INDONESIAN_MONTHS[period.start.getUTCMonth()]!;
    case 'month':
      return period.start.getUTCMonth() + 1;
    case 'year':
      return period.start.getUTCFullYear();
    case 'periodLabel':
      return period.label;
    case 'periodStart':
      return iso(period.start);
  }
}

/**
 * The run of the cycle containing `now` (in the regency's local time), once it has opened: at office
 * opening on the nominal day, or on the first working day after it when that day is a holiday or weekend.
 * Before that moment there is no run yet (undefined). Pure: the same inputs give the same run.
 */
export function scheduledRunAt(schedule: Schedule, now: Date, calendar: WorkingCalendar): ScheduledRun | undefined {
  const localMinutes = Math.floor(now.getTime() / MINUTE) + calendar.offsetMinutes;
  const today = new Date(Math.floor(localMinutes / DAY_MINUTES) * DAY_MINUTES * MINUTE);
  const cycle = cycleOf(schedule, today);
  let openDay = Math.floor(cycle.nominal.getTime() / MINUTE / DAY_MINUTES);
  for (let guard = 0; guard < 60 && !isWorkingDay(calendar, openDay * DAY_MINUTES); guard++) openDay += 1;
  const opensLocal = openDay * DAY_MINUTES + calendar.openMinute;
  if (localMinutes < opensLocal) return undefined;
  const worked = schedule.period === 'previous' ? cycle.previous : cycle.current;
  const data: Record<string, string | number> = {};
  for (const [field, part] of Object.entries(schedule.fill ?? {})) data[field] = fillValue(part, worked);
  return {
    key: cycle.key,
    opensAt: new Date((opensLocal - calendar.offsetMinutes) * MINUTE),
    periodLabel: worked.label,
    data,
  };
}
