import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadline, deadlineIsProvisional } from '../../engine/calendar/computeDeadline.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import type { SopDefinition } from '../../engine/definition/sopTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { parseDuration, type Duration } from '../../engine/time/parseDuration.ts';

const root = join(import.meta.dirname, '../../sop-definitions');
const folders = loadDefinitionPaths([root], root).folders;
const calendarOf = (id: string): WorkingCalendar => {
  const regency = folders.find((f) => f.regency?.id === id)!.regency!;
  return buildWorkingCalendar(regency.calendar, regency.id);
};
const sopOf = (regency: string, id: string): SopDefinition =>
  folders.find((f) => f.regency?.id === regency)!.sops.find((s) => s.definition?.id === id)!.definition!;
const time = (text: string): Duration => {
  const parsed = parseDuration(text);
  if (parsed.kind !== 'duration') throw new Error(text);
  return parsed.duration;
};
const due = (calendar: WorkingCalendar, from: string, text: string, clock: 'office' | 'calendar' = 'office'): string =>
  computeDeadline(calendar, new Date(from), time(text), 1, clock).toISOString();
const iso = (text: string): string => new Date(text).toISOString();

describe('the examples of issue #15, by the decrees', () => {
  it('Bangkalan LKS recommendation, Tue 17 Mar 2026 09:00 + its Jangka Waktu "4 (empat) hari kerja" is due Mon 30 Mar 09:00', () => {
    const lks = sopOf('bangkalan', 'rekomendasi-lks');
    expect(lks.duration?.text).toBe('4 (empat) hari kerja');
    expect(
      computeDeadline(calendarOf('bangkalan'), new Date('2026-03-17T09:00:00+07:00'), lks.duration!).toISOString(),
    ).toBe(iso('2026-03-30T09:00:00+07:00'));
  });

  it('2025: the second day of Idul Fitri (Tue 1 Apr) and the cuti bersama are off (Kutai Kartanegara, WITA)', () => {
    expect(due(calendarOf('kutai-kartanegara'), '2025-03-27T10:00:00+08:00', '2 hari kerja')).toBe(
      iso('2025-04-09T10:00:00+08:00'),
    );
  });

  it('2025: Thu 26 Jun is a working day and Fri 27 Jun (1 Muharam) is not (Bengkayang)', () => {
    expect(due(calendarOf('bengkayang'), '2025-06-26T09:00:00+07:00', '1 hari kerja')).toBe(
      iso('2025-06-30T09:00:00+07:00'),
    );
  });

  it('2025: the cuti bersama of 18 Aug (amendment SKB 933/2025) is off (Bangkalan)', () => {
    expect(due(calendarOf('bangkalan'), '2025-08-15T10:00:00+07:00', '1 hari kerja')).toBe(
      iso('2025-08-19T10:00:00+07:00'),
    );
  });

  it('a disaster reported Saturday 22:00: the first "30 menit" step of Kutai Kartanegara runs round the clock', () => {
    const sop = sopOf('kutai-kartanegara', 'bantuan-korban-bencana');
    const first = sop.steps[0]!;
    expect([first.timeText, first.clock]).toEqual(['30 menit', 'calendar']);
    const from = new Date('2026-03-07T22:00:00+08:00');
    expect(computeDeadline(calendarOf('kutai-kartanegara'), from, first.time!, 1, first.clock).toISOString()).toBe(
      iso('2026-03-07T22:30:00+08:00'),
    );
    // The same step on office time (the old behaviour) would wait until Monday.
    expect(due(calendarOf('kutai-kartanegara'), '2026-03-07T22:00:00+08:00', '30 menit')).toBe(
      iso('2026-03-09T08:30:00+08:00'),
    );
  });

  it('Bengkayang rapid assessment "1 x 24 jam" is 24 hours, even from a Friday afternoon on office time', () => {
    const step = sopOf('bengkayang', 'asesmen-cepat-korban-bencana').steps.find((s) => s.id === 'pengumpulan-data')!;
    expect(step.timeText).toBe('1 x 24 jam');
    expect(due(calendarOf('bengkayang'), '2026-03-06T15:00:00+07:00', '1 x 24 jam', 'office')).toBe(
      iso('2026-03-07T15:00:00+07:00'),
    );
  });

  it('report steps of the disaster SOPs stay on office time', () => {
    const step = sopOf('bengkayang', 'asesmen-cepat-korban-bencana').steps.find((s) => s.id === 'laporan')!;
    expect(step.clock).toBe('office');
  });

  it.each([
    ['31 Jan 2025 + 1 bulan = 28 Feb', '2025-01-31T09:00:00+07:00', '1 bulan', '2025-02-28T09:00:00+07:00'],
    ['31 Jan 2024 + 1 bulan = 29 Feb (leap year)', '2024-01-31T09:00:00+07:00', '1 bulan', '2024-02-29T09:00:00+07:00'],
    ['31 Mar 2026 + 1 bulan = 30 Apr', '2026-03-31T09:00:00+07:00', '1 bulan', '2026-04-30T09:00:00+07:00'],
    ['29 Feb 2024 + 1 tahun = 28 Feb 2025', '2024-02-29T09:00:00+07:00', '1 tahun', '2025-02-28T09:00:00+07:00'],
    [
      '31 Aug 2026 23:30 local + 1 bulan stays in the local month',
      '2026-08-31T23:30:00+07:00',
      '1 bulan',
      '2026-09-30T23:30:00+07:00',
    ],
  ])('months clamp to the end of the month: %s', (_name, from, text, expected) => {
    expect(due(calendarOf('bangkalan'), from, text)).toBe(iso(expected));
  });

  it('a deadline reaching a year without a decree is provisional; one within 2026 is not', () => {
    const calendar = calendarOf('bangkalan');
    expect(
      deadlineIsProvisional(calendar, new Date('2026-03-02T09:00:00+07:00'), new Date('2026-03-10T09:00:00+07:00')),
    ).toBe(false);
    expect(
      deadlineIsProvisional(calendar, new Date('2027-12-20T09:00:00+07:00'), new Date('2028-01-10T09:00:00+07:00')),
    ).toBe(true);
  });
});
