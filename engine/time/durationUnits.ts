/** The units a Baku Mutu Waktu can be written in, after normalisation. */
export type DurationUnit = 'minutes' | 'hours' | 'workingDays' | 'calendarDays' | 'weeks' | 'months' | 'years';

/** How one unit is written by drafters and how Alur writes it back. */
export interface DurationUnitSpec {
  unit: DurationUnit;
  /** Lower-case spellings accepted in SOP text, longest first so "hari kerja" wins over "hari". */
  spellings: string[];
  /** Canonical Indonesian spelling used when formatting. */
  canonical: string;
}

/**
 * Registry of units. "hari" alone counts as working days: the seeds use it for office work
 * ("3-4 hari", "2 hari setelah asesmen"), and the Standar Pelayanan counts hari kerja.
 */
export const durationUnits: readonly DurationUnitSpec[] = [
  { unit: 'workingDays', spellings: ['hari kerja', 'hk'], canonical: 'hari kerja' },
  { unit: 'calendarDays', spellings: ['hari kalender'], canonical: 'hari kalender' },
  { unit: 'minutes', spellings: ['menit', 'mnt'], canonical: 'menit' },
  { unit: 'hours', spellings: ['jam'], canonical: 'jam' },
  { unit: 'weeks', spellings: ['minggu', 'pekan'], canonical: 'minggu' },
  { unit: 'months', spellings: ['bulan'], canonical: 'bulan' },
  { unit: 'years', spellings: ['tahun'], canonical: 'tahun' },
  { unit: 'workingDays', spellings: ['hari'], canonical: 'hari kerja' },
];

/** Canonical spelling of a unit. */
export function canonicalUnitText(unit: DurationUnit): string {
  const spec = durationUnits.find((u) => u.unit === unit);
  return spec ? spec.canonical : unit;
}
