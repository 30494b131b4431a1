import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedPath } from '../server/projectRoot.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import schema from '../schema/national-calendar.schema.json' with { type: 'json' };

/** A decree (SKB, its amendment, or a Keppres) that set days off. */
export interface CalendarDecree {
  id: string;
  title: string;
  number: string;
  date: string;
}

/** One official day off. */
export interface NationalDay {
  date: string;
  name: string;
  kind: 'libur-nasional' | 'cuti-bersama';
  decree: string;
}

/** One year's official list, as shipped in `engine/calendar/national/<year>.yaml`. */
export interface NationalYear {
  year: number;
  decrees: CalendarDecree[];
  days: NationalDay[];
}

/** Fixed-date holidays (Keppres 8/2024), used only for years without an official list. */
export interface FixedDates {
  decree: { title: string; number: string };
  days: Array<{ monthDay: string; name: string }>;
}

/** A shipped calendar file that does not hold together; thrown at start-up so a bad file never runs. */
export class NationalCalendarError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    message: string,
  ) {
    super(`${file}${path ? ` ${path}` : ''}: ${message}`);
    this.name = 'NationalCalendarError';
  }
}

const FOLDER = shippedPath('engine/calendar/national');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile<NationalYear>(schema);

/** Checks one year's data against the schema and its own cross-references (dates in the year, known decrees). */
export function checkNationalYear(value: unknown, file: string): NationalYear {
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new NationalCalendarError(file, first?.instancePath ?? '', first?.message ?? 'tidak sesuai skema');
  }
  const decreeIds = new Set(value.decrees.map((d) => d.id));
  const seen = new Set<string>();
  value.days.forEach((day, i) => {
    const parsed = new Date(`${day.date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day.date)
      throw new NationalCalendarError(file, `/days/${i}/date`, `tanggal ${day.date} tidak ada`);
    if (parsed.getUTCFullYear() !== value.year)
      throw new NationalCalendarError(file, `/days/${i}/date`, `tanggal ${day.date} bukan di tahun ${value.year}`);
    if (!decreeIds.has(day.decree))
      throw new NationalCalendarError(file, `/days/${i}/decree`, `keputusan "${day.decree}" tidak ada di decrees`);
    if (seen.has(day.date)) throw new NationalCalendarError(file, `/days/${i}/date`, `tanggal ${day.date} ganda`);
    seen.add(day.date);
  });
  return value;
}

/** Reads every `<year>.yaml` shipped in engine/calendar/national (the official baseline). */
export function loadShippedYears(): Map<number, NationalYear> {
  const years = new Map<number, NationalYear>();
  for (const name of readdirSync(FOLDER).sort()) {
    const match = /^(\d{4})\.yaml$/.exec(name);
    if (!match) continue;
    const data = checkNationalYear(parse(readFileSync(join(FOLDER, name), 'utf8')), name);
    if (data.year !== Number(match[1]))
      throw new NationalCalendarError(name, '/year', 'tahun tidak sama dengan nama berkas');
    years.set(data.year, data);
  }
  return years;
}

/** Reads the fixed-date holidays used for provisional years. */
export function loadFixedDates(): FixedDates {
  return parse(readFileSync(join(FOLDER, 'fixed-dates.yaml'), 'utf8')) as FixedDates;
}
