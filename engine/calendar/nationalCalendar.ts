import { loadFixedDates, loadShippedYears, type FixedDates, type NationalYear } from './nationalCalendarData.ts';

/** Kinds of day off: national (SKB), cuti bersama (SKB) and regional (per regency). */
export type CalendarDayKind = 'libur-nasional' | 'cuti-bersama' | 'libur-daerah';

/** A change made by an admin in the app: a day added to or removed from the shipped lists. */
export interface CalendarOverrideDay {
  /** null for the national list, else the regency the regional holiday belongs to. */
  regency: string | null;
  date: string;
  name: string;
  kind: CalendarDayKind;
  action: 'add' | 'remove';
  /** The decree that set it, e.g. "SKB Nomor … Tahun 2027" or "Perbup Nomor …". */
  decree: string;
}

/** Everything admins changed, kept in the database and applied over the shipped files. */
export interface CalendarOverrides {
  /** Years whose official list an admin entered in the app (makes the year official). */
  years: Array<{ year: number; decree: string }>;
  days: CalendarOverrideDay[];
}

/** Whether a year's national days off come from a decree, or are only the fixed-date ones. */
export interface CalendarYearStatus {
  year: number;
  status: 'official' | 'provisional';
  /** Decrees the year's list rests on (empty when provisional). */
  decrees: string[];
}

interface CalendarIndex {
  official: Map<number, string[]>;
  national: Map<string, string>;
  regional: Map<string, Map<string, string>>;
  regionalRemoved: Map<string, Set<string>>;
}

let shipped: Map<number, NationalYear> | undefined;
let fixed: FixedDates | undefined;
let overrides: CalendarOverrides = { years: [], days: [] };
let index: CalendarIndex | undefined;
let revision = 0;

function shippedYears(): Map<number, NationalYear> {
  shipped ??= loadShippedYears();
  return shipped;
}

function decreeLabel(year: NationalYear, id: string): string {
  const decree = year.decrees.find((d) => d.id === id);
  return decree ? `${decree.number} (${decree.date})` : id;
}

function buildIndex(): CalendarIndex {
  const official = new Map<number, string[]>();
  const national = new Map<string, string>();
  for (const [year, data] of shippedYears()) {
    official.set(
      year,
      data.decrees.map((d) => decreeLabel(data, d.id)),
    );
    for (const day of data.days) national.set(day.date, day.name);
  }
  for (const entry of overrides.years) official.set(entry.year, [...(official.get(entry.year) ?? []), entry.decree]);
  const regional = new Map<string, Map<string, string>>();
  const regionalRemoved = new Map<string, Set<string>>();
  // Applied in the order admins made them, so a later amendment wins over an earlier one.
  for (const day of overrides.days) {
    if (day.regency === null) {
      if (day.action === 'add') national.set(day.date, day.name);
      else national.delete(day.date);
      continue;
    }
    const added = regional.get(day.regency) ?? new Map<string, string>();
    const removed = regionalRemoved.get(day.regency) ?? new Set<string>();
    if (day.action === 'add') {
      added.set(day.date, day.name);
      removed.delete(day.date);
    } else {
      added.delete(day.date);
      removed.add(day.date);
    }
    regional.set(day.regency, added);
    regionalRemoved.set(day.regency, removed);
  }
  return { official, national, regional, regionalRemoved };
}

function currentIndex(): CalendarIndex {
  index ??= buildIndex();
  return index;
}

/** Replaces the admin changes (loaded from the database); calendars see them at once, without a restart. */
export function setCalendarOverrides(next: CalendarOverrides): void {
  overrides = structuredClone(next);
  index = undefined;
  revision += 1;
}

/** Bumped whenever the admin changes apply; caches of working days key on it. */
export function calendarRevision(): number {
  return revision;
}

/** The shipped official years (for docs, tests and the admin screen). */
export function shippedNationalYears(): ReadonlyMap<number, NationalYear> {
  return shippedYears();
}

/** Whether a year has an official list (shipped file or entered by an admin); otherwise it is provisional. */
export function nationalCalendarStatus(year: number): CalendarYearStatus {
  const decrees = currentIndex().official.get(year);
  return decrees ? { year, status: 'official', decrees } : { year, status: 'provisional', decrees: [] };
}

/** Status of several years for one regency, for `alur doctor` and the admin screen. */
export function calendarYearsStatus(
  regency: string,
  years: number[],
): Array<CalendarYearStatus & { regency: string; regionalDays: number }> {
  const regional = currentIndex().regional.get(regency) ?? new Map<string, string>();
  return years.map((year) => ({
    ...nationalCalendarStatus(year),
    regency,
    regionalDays: [...regional.keys()].filter((d) => d.startsWith(`${year}-`)).length,
  }));
}

/** Name of the national day off (holiday or cuti bersama) on a date, if any. */
export function nationalHolidayName(localDate: string): string | undefined {
  const idx = currentIndex();
  const name = idx.national.get(localDate);
  if (name !== undefined) return name;
  if (idx.official.has(Number(localDate.slice(0, 4)))) return undefined;
  // A year without its decree: only the fixed-date holidays of Keppres 8/2024 are certain.
  fixed ??= loadFixedDates();
  return fixed.days.find((d) => d.monthDay === localDate.slice(5))?.name;
}

/** A regional holiday an admin added for a regency, or `null` when an admin removed one from regency.yaml. */
export function regionalHolidayOverride(regency: string, localDate: string): string | null | undefined {
  const idx = currentIndex();
  const name = idx.regional.get(regency)?.get(localDate);
  if (name !== undefined) return name;
  return idx.regionalRemoved.get(regency)?.has(localDate) === true ? null : undefined;
}
