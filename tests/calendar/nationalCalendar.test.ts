import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  calendarYearsStatus,
  nationalCalendarStatus,
  nationalHolidayName,
  setCalendarOverrides,
} from '../../engine/calendar/nationalCalendar.ts';
import { checkNationalYear, NationalCalendarError } from '../../engine/calendar/nationalCalendarData.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { isWorkingDay } from '../../engine/calendar/workingTime.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

// Written out here from the decrees themselves (not read from the data files), so a wrong data file fails.
// SKB 1017/2024, 2/2024, 2/2024 and its amendment 933/2025, 1/2025, 3/2025 (18 Aug): weekdays off in 2025.
const OFF_2025 = [
  '01-01',
  '01-27',
  '01-28',
  '01-29',
  '03-28',
  '03-31',
  '04-01',
  '04-02',
  '04-03',
  '04-04',
  '04-07',
  '04-18',
  '05-01',
  '05-12',
  '05-13',
  '05-29',
  '05-30',
  '06-06',
  '06-09',
  '06-27',
  '08-18',
  '09-05',
  '12-25',
  '12-26',
].map((d) => `2025-${d}`);
// SKB 1497/2025, 2/2025, 5/2025: the 21 weekdays off in 2026 (issue #15 lists them).
const OFF_2026 = [
  '01-01',
  '01-16',
  '02-16',
  '02-17',
  '03-18',
  '03-19',
  '03-20',
  '03-23',
  '03-24',
  '04-03',
  '05-01',
  '05-14',
  '05-15',
  '05-27',
  '05-28',
  '06-01',
  '06-16',
  '08-17',
  '08-25',
  '12-24',
  '12-25',
].map((d) => `2026-${d}`);
// Regional holidays kept in regency.yaml.
const REGIONAL: Record<string, string[]> = { 'kutai-kartanegara': ['2025-09-29'], bangkalan: [], bengkayang: [] };

const root = join(import.meta.dirname, '../../sop-definitions');
const regencies = loadDefinitionPaths([root], root).folders.map((f) => f.regency!);

/** Local minutes of noon on a date, reached from the absolute instant written with the regency's own offset. */
function localMinutesAtNoon(calendar: WorkingCalendar, date: string): number {
  const h = String(Math.floor(calendar.offsetMinutes / 60)).padStart(2, '0');
  const instant = Date.parse(`${date}T12:00:00+${h}:00`);
  return Math.floor(instant / 60_000) + calendar.offsetMinutes;
}

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

afterEach(() => setCalendarOverrides({ years: [], days: [] }));

describe('the whole of 2025 and 2026 follows the SKB, in every regency and its time zone', () => {
  it('found the three regencies', () =>
    expect(regencies.map((r) => r.id).sort()).toEqual(Object.keys(REGIONAL).sort()));

  describe.each(regencies.map((r) => [r.id, r] as const))('%s', (id, regency) => {
    const calendar = buildWorkingCalendar(regency.calendar, id);
    it.each([
      [2025, OFF_2025],
      [2026, OFF_2026],
    ])('%i: every official weekday off is a day off, every other weekday a working day', (year, off) => {
      const offSet = new Set([...off, ...(REGIONAL[id] ?? [])]);
      const wrong: string[] = [];
      for (const date of daysOf(year)) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = weekday !== 0 && weekday !== 6 && !offSet.has(date);
        // Local noon of that date in the regency (the calendar works in local minutes).
        if (isWorkingDay(calendar, localMinutesAtNoon(calendar, date)) !== expected) wrong.push(date);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('the issue’s wrong days are right now: 1 Apr and 27 Jun 2025 off, 26 Jun 2025 a working day', () => {
    expect(nationalHolidayName('2025-04-01')).toBe('Idul Fitri 1446 Hijriah');
    expect(nationalHolidayName('2025-06-27')).toBe('1 Muharam Tahun Baru Islam 1447 Hijriah');
    expect(nationalHolidayName('2025-06-26')).toBeUndefined();
  });
});

describe('years with and without a decree', () => {
  it('2024, 2025 and 2026 are official with their decree numbers; 2028 is provisional', () => {
    expect(nationalCalendarStatus(2026)).toMatchObject({ status: 'official' });
    expect(nationalCalendarStatus(2026).decrees.join()).toContain('Nomor 1497 Tahun 2025');
    expect(nationalCalendarStatus(2025).decrees.join()).toContain('Nomor 933 Tahun 2025');
    expect(nationalCalendarStatus(2024).status).toBe('official');
    expect(nationalCalendarStatus(2028)).toEqual({ year: 2028, status: 'provisional', decrees: [] });
  });

  it('a provisional year keeps only the fixed-date holidays of Keppres 8/2024', () => {
    expect(nationalHolidayName('2028-08-17')).toBe('Proklamasi Kemerdekaan');
    expect(nationalHolidayName('2028-03-01')).toBeUndefined();
    const calendar = buildWorkingCalendar(regencies[0]!.calendar, regencies[0]!.id);
    expect(calendar.isProvisionalYear(2028)).toBe(true);
    expect(calendar.isProvisionalYear(2026)).toBe(false);
  });

  it('calendarYearsStatus reports each year for a regency (for alur doctor)', () => {
    expect(calendarYearsStatus('kutai-kartanegara', [2026, 2028]).map((s) => [s.year, s.status])).toEqual([
      [2026, 'official'],
      [2028, 'provisional'],
    ]);
  });
});

describe('admin changes apply over the shipped lists without a restart', () => {
  const regency = regencies.find((r) => r.id === 'kutai-kartanegara')!;

  it('an amendment adds and removes national days; a calendar already built sees it', () => {
    const calendar = buildWorkingCalendar(regency.calendar, regency.id);
    const monday = localMinutesAtNoon(calendar, '2026-06-15');
    const christmasEve = localMinutesAtNoon(calendar, '2026-12-24');
    expect(isWorkingDay(calendar, monday)).toBe(true);
    expect(isWorkingDay(calendar, christmasEve)).toBe(false);
    setCalendarOverrides({
      years: [],
      days: [
        {
          regency: null,
          date: '2026-06-15',
          name: 'Cuti bersama (uji)',
          kind: 'cuti-bersama',
          action: 'add',
          decree: 'SKB uji',
        },
        {
          regency: null,
          date: '2026-12-24',
          name: 'Dibatalkan',
          kind: 'cuti-bersama',
          action: 'remove',
          decree: 'SKB uji',
        },
      ],
    });
    expect(isWorkingDay(calendar, monday)).toBe(false);
    expect(isWorkingDay(calendar, christmasEve)).toBe(true);
  });

  it('a year entered by an admin becomes official; regional days stay in their regency', () => {
    setCalendarOverrides({
      years: [{ year: 2028, decree: 'SKB uji 2028' }],
      days: [
        {
          regency: 'bangkalan',
          date: '2028-03-01',
          name: 'Hari Jadi (uji)',
          kind: 'libur-daerah',
          action: 'add',
          decree: 'Perbup uji',
        },
        {
          regency: 'kutai-kartanegara',
          date: '2025-09-29',
          name: '',
          kind: 'libur-daerah',
          action: 'remove',
          decree: 'Perbup uji',
        },
      ],
    });
    expect(nationalCalendarStatus(2028).status).toBe('official');
    const bangkalan = regencies.find((r) => r.id === 'bangkalan')!;
    expect(buildWorkingCalendar(bangkalan.calendar, 'bangkalan').holidayName('2028-03-01')).toBe('Hari Jadi (uji)');
    expect(buildWorkingCalendar(regency.calendar, regency.id).holidayName('2028-03-01')).toBeUndefined();
    expect(buildWorkingCalendar(regency.calendar, regency.id).holidayName('2025-09-29')).toBeUndefined();
    expect(calendarYearsStatus('bangkalan', [2028])[0]).toMatchObject({ status: 'official', regionalDays: 1 });
  });
});

describe('the loader refuses a broken year file with a path', () => {
  const good = {
    year: 2030,
    decrees: [{ id: 'skb', title: 'SKB uji', number: 'Nomor 1', date: '2029-09-01' }],
    days: [{ date: '2030-01-01', name: 'Tahun Baru', kind: 'libur-nasional', decree: 'skb' }],
  };
  it('accepts a good one', () => expect(checkNationalYear(good, '2030.yaml').days).toHaveLength(1));
  it.each([
    ['unknown key', { ...good, extra: 1 }, ''],
    ['date outside the year', { ...good, days: [{ ...good.days[0], date: '2031-01-01' }] }, '/days/0/date'],
    ['a date that does not exist', { ...good, days: [{ ...good.days[0], date: '2030-02-30' }] }, '/days/0/date'],
    ['unknown decree', { ...good, days: [{ ...good.days[0], decree: 'x' }] }, '/days/0/decree'],
    ['unknown kind', { ...good, days: [{ ...good.days[0], kind: 'libur' }] }, '/days/0/kind'],
  ])('%s', (_name, value, path) => {
    let error: unknown;
    try {
      checkNationalYear(value, '2030.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NationalCalendarError);
    expect((error as NationalCalendarError).path).toBe(path);
  });
});
