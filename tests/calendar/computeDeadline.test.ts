import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../engine/calendar/computeDeadline.ts';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { isWorkingDay, workingMinutesBetween } from '../../engine/calendar/workingTime.ts';
import { parseDuration, type Duration } from '../../engine/time/parseDuration.ts';

const wib = buildWorkingCalendar({
  timezone: 'Asia/Jakarta',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: { start: '08:00', end: '16:00' },
});
const wibWithCutiBersama = buildWorkingCalendar({
  timezone: 'Asia/Jakarta',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: { start: '08:00', end: '16:00' },
  holidays: [{ date: '2025-05-02', name: 'Cuti bersama (uji)', kind: 'cuti-bersama' }],
});
// Kutai Kartanegara (WITA): cuti bersama around Nyepi and Idul Fitri 2025, and the second day of Idul Fitri (1 April) added by hand.
const wita = buildWorkingCalendar({
  timezone: 'Asia/Makassar',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: { start: '08:00', end: '16:00' },
  holidays: ['2025-03-28', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07'].map((date) => ({
    date,
    name: 'Libur/cuti bersama',
  })),
});

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (parsed.kind !== 'duration') throw new Error(text);
  return parsed.duration;
}

// Each row was worked out by hand on a paper calendar; times are local office time.
const table: Array<[string, typeof wib, string, string, string]> = [
  [
    'one working day from Monday morning',
    wib,
    '2025-03-03T09:00:00+07:00',
    '1 hari kerja',
    '2025-03-04T09:00:00+07:00',
  ],
  ['two hours across the weekend', wib, '2025-03-07T15:00:00+07:00', '2 jam', '2025-03-10T09:00:00+07:00'],
  ['hours across closing time', wib, '2025-03-03T15:30:00+07:00', '1 jam', '2025-03-04T08:30:00+07:00'],
  ['submitted after office hours', wib, '2025-03-03T20:00:00+07:00', '30 menit', '2025-03-04T08:30:00+07:00'],
  ['submitted on Saturday', wib, '2025-03-08T10:00:00+07:00', '5 menit', '2025-03-10T08:05:00+07:00'],
  [
    'national holiday (Hari Buruh, Thu 1 May 2025)',
    wib,
    '2025-04-30T10:00:00+07:00',
    '1 hari kerja',
    '2025-05-02T10:00:00+07:00',
  ],
  [
    'regency cuti bersama day (Fri 2 May 2025)',
    wibWithCutiBersama,
    '2025-04-30T10:00:00+07:00',
    '1 hari kerja',
    '2025-05-05T10:00:00+07:00',
  ],
  ['range uses the upper bound', wib, '2025-03-03T09:00:00+07:00', '3-4 hari', '2025-03-07T09:00:00+07:00'],
  ['calendar days ignore weekends', wib, '2025-03-03T09:00:00+07:00', '30 hari kalender', '2025-04-02T09:00:00+07:00'],
  [
    'Idul Fitri 2025 with cuti bersama, WITA',
    wita,
    '2025-03-27T10:00:00+08:00',
    '2 hari kerja',
    '2025-04-09T10:00:00+08:00',
  ],
  [
    // SKB 1497/2025: Nyepi 19 Mar, Idul Fitri 21-22 Mar, cuti bersama 18, 20, 23, 24 Mar 2026.
    '2026 Nyepi and Idul Fitri (17-24 March 2026 off from 18th)',
    wib,
    '2026-03-17T10:00:00+07:00',
    '1 hari kerja',
    '2026-03-25T10:00:00+07:00',
  ],
  // 24 Dec 2026 is cuti bersama, 25 Dec Christmas: the clock starts on Monday 28 Dec.
  ['Christmas 2026 with cuti bersama', wib, '2026-12-24T14:00:00+07:00', '4 jam', '2026-12-28T12:00:00+07:00'],
  ['two weeks are calendar weeks', wib, '2025-03-03T09:00:00+07:00', '2 minggu', '2025-03-17T09:00:00+07:00'],
  ['months keep the day of month', wib, '2025-01-31T09:00:00+07:00', '3 bulan/6 bulan', '2025-07-31T09:00:00+07:00'],
];

describe('computeDeadline', () => {
  it.each(table)('%s', (_name, calendar, start, text, expected) => {
    expect(computeDeadline(calendar, new Date(start), duration(text)).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('per-person times multiply by the persons served', () => {
    expect(
      computeDeadline(wib, new Date('2025-03-03T09:00:00+07:00'), duration('5 menit / orang'), 3).toISOString(),
    ).toBe(new Date('2025-03-03T09:15:00+07:00').toISOString());
  });

  it('counts office minutes between two instants, skipping nights, weekends and holidays', () => {
    expect(
      workingMinutesBetween(wib, new Date('2025-03-07T15:00:00+07:00'), new Date('2025-03-10T09:00:00+07:00')),
    ).toBe(120);
    expect(
      workingMinutesBetween(wib, new Date('2025-04-30T10:00:00+07:00'), new Date('2025-05-02T10:00:00+07:00')),
    ).toBe(480);
    expect(
      workingMinutesBetween(wib, new Date('2025-03-04T10:00:00+07:00'), new Date('2025-03-03T10:00:00+07:00')),
    ).toBe(0);
  });
});

describe('working days are remembered per calendar, never across calendars', () => {
  it('the same day asked of two calendars gets each calendar’s own answer, again and again', () => {
    // 2 May 2025 (Friday, WIB): a cuti bersama in one calendar, a working day in the other.
    const localMinutes = (iso: string, offset: number): number => Math.floor(Date.parse(iso) / 60_000) + offset;
    const friday = localMinutes('2025-05-02T03:00:00Z', wib.offsetMinutes);
    for (let i = 0; i < 3; i++) {
      expect(isWorkingDay(wib, friday)).toBe(true);
      expect(isWorkingDay(wibWithCutiBersama, friday)).toBe(false);
    }
    expect(isWorkingDay(wib, localMinutes('2025-05-03T03:00:00Z', wib.offsetMinutes))).toBe(false);
  });
});
