import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../engine/calendar/describeSchedule.ts';
import { scheduledRunAt } from '../../engine/calendar/scheduledRun.ts';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { loadDefinitionPaths, type LoadedRegencyFolder } from '../../engine/files/loadDefinitionFiles.ts';
import { loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';

// Bangkalan (WIB, UTC+7), with the national 2026 list: 24 Dec cuti bersama, 25 Dec Natal.
const root = join(import.meta.dirname, '../../sop-definitions');
const folder: LoadedRegencyFolder = loadDefinitionPaths([join(root, 'bangkalan')], root).folders[0]!;
const calendar = buildWorkingCalendar(folder.regency!.calendar, 'bangkalan');
const monthly = folder.sops.find((s) => s.file.endsWith('laporan-bulanan-pegawai.yaml'))!;

describe('scheduled SOPs: which cycle opens when (pure)', () => {
  it("Bangkalan's monthly staff report opens on the 1st at office opening, for the month before", () => {
    const schedule = monthly.definition!.schedule!;
    expect(schedule).toEqual({
      every: 'month',
      day: 1,
      period: 'previous',
      fill: { reportMonth: 'monthName', reportYear: 'year' },
    });
    // 1 December 2026 is a Tuesday: nothing before opening (07:30 WIB), the run from opening on.
    expect(scheduledRunAt(schedule, new Date('2026-12-01T00:30:00Z'), calendar)).toBeUndefined();
    const run = scheduledRunAt(schedule, new Date('2026-12-01T02:00:00Z'), calendar)!;
    expect(run.key).toBe('month:2026-12');
    expect(run.data).toEqual({ reportMonth: 'November', reportYear: 2026 });
    expect(run.periodLabel).toBe('November 2026');
    expect(run.opensAt.getTime()).toBeLessThanOrEqual(new Date('2026-12-01T02:00:00Z').getTime());
    // Later in the month it is still the same cycle (one case per month, whenever the job runs).
    expect(scheduledRunAt(schedule, new Date('2026-12-30T09:00:00Z'), calendar)!.key).toBe('month:2026-12');
    // January reports December of the year before.
    expect(scheduledRunAt(schedule, new Date('2026-01-15T03:00:00Z'), calendar)!.data).toEqual({
      reportMonth: 'Desember',
      reportYear: 2025,
    });
  });

  it('a nominal day that is a weekend or holiday moves to the next working day', () => {
    // 1 November 2026 is a Sunday: the run opens on Monday 2 November.
    const schedule = monthly.definition!.schedule!;
    expect(scheduledRunAt(schedule, new Date('2026-11-01T05:00:00Z'), calendar)).toBeUndefined();
    expect(scheduledRunAt(schedule, new Date('2026-11-02T05:00:00Z'), calendar)!.key).toBe('month:2026-11');
    // Weekly on Thursday: 24 Dec 2026 is cuti bersama and 25 Dec Natal, so that week opens Monday 28 Dec.
    const weekly = { every: 'week' as const, day: 4, fill: { label: 'periodLabel' as const } };
    expect(scheduledRunAt(weekly, new Date('2026-12-24T05:00:00Z'), calendar)).toBeUndefined();
    expect(scheduledRunAt(weekly, new Date('2026-12-27T05:00:00Z'), calendar)).toBeUndefined();
    const run = scheduledRunAt(weekly, new Date('2026-12-17T05:00:00Z'), calendar)!;
    expect(run).toMatchObject({ key: 'week:2026-12-14', data: { label: 'Minggu 14–20 Desember 2026' } });
    // A week across two months and two years is labelled in full.
    const yearEnd = scheduledRunAt(
      { every: 'week', fill: { label: 'periodLabel' } },
      new Date('2027-01-01T03:00:00Z'),
      calendar,
    );
    expect(yearEnd?.data).toEqual({ label: 'Minggu 28 Desember 2026–3 Januari 2027' });
  });

  it('a yearly stock opname on a given month and day, for the year before', () => {
    const stock = {
      every: 'year' as const,
      month: 1,
      day: 5,
      period: 'previous' as const,
      fill: { year: 'year' as const },
    };
    expect(scheduledRunAt(stock, new Date('2026-01-04T05:00:00Z'), calendar)).toBeUndefined();
    expect(scheduledRunAt(stock, new Date('2026-01-05T05:00:00Z'), calendar)).toMatchObject({
      key: 'year:2026',
      data: { year: 2025 },
    });
  });
});

describe('scheduled SOPs: the loader checks what a case with no applicant needs', () => {
  const base = `id: uji-jadwal
regency: bangkalan
status: draft
name: Uji jadwal
unit: sekretariat
caseData:
  schema:
    type: object
    required: [reportMonth, reportYear]
    properties:
      reportMonth: { type: string, title: Bulan }
      reportYear: { type: integer, title: Tahun }
actors:
  - { id: p, name: Pengelola, role: pengelola-kepegawaian }
steps:
  - { id: rekap, activity: Rekap, actor: p }
`;
  const load = (schedule: string) =>
    loadSopSource(new TextEncoder().encode(`${base}${schedule}`), 'uji.yaml', {
      regency: folder.regency,
      folderName: 'bangkalan',
    });

  it('accepts a schedule that fills every required field', () => {
    const ok = load('schedule: { every: month, fill: { reportMonth: monthName, reportYear: year } }\n');
    expect(ok.errors).toEqual([]);
  });

  it('a required field left unfilled, an unknown field, a wrong type, month on a monthly schedule: positioned errors', () => {
    const result = load(
      'schedule:\n  every: month\n  month: 3\n  fill: { reportMont: monthName, reportYear: monthName }\n',
    );
    const byCode = Object.fromEntries(result.errors.map((e) => [e.code, e]));
    expect(Object.keys(byCode).sort()).toEqual([
      'SCHEDULE_FIELD_TYPE',
      'SCHEDULE_MONTH_NOT_YEARLY',
      'SCHEDULE_REQUIRED_NOT_FILLED',
      'SCHEDULE_UNKNOWN_FIELD',
    ]);
    expect(byCode.SCHEDULE_MONTH_NOT_YEARLY!.line).toBe(19);
    expect(byCode.SCHEDULE_UNKNOWN_FIELD!.message).toContain('reportMonth');
    expect(byCode.SCHEDULE_UNKNOWN_FIELD!.line).toBe(20);
    expect(byCode.SCHEDULE_FIELD_TYPE!.message).toContain('integer');
    expect(byCode.SCHEDULE_REQUIRED_NOT_FILLED!.message).toContain('reportMonth');
    expect(byCode.SCHEDULE_REQUIRED_NOT_FILLED!.message).toContain('schedule.fill');
  });

  it('a weekly schedule on day 8 is refused', () => {
    const result = load('schedule: { every: week, day: 8, fill: { reportMonth: monthName, reportYear: year } }\n');
    expect(result.errors.map((e) => e.code)).toEqual(['SCHEDULE_WEEKDAY']);
  });
});

describe('scheduled SOPs: the printed words', () => {
  it('says when the case opens and for which period', () => {
    expect(describeSchedule(monthly.definition!.schedule!)).toBe(
      'Dibuka otomatis setiap bulan tanggal 1 pada jam buka kantor (bila hari libur: hari kerja berikutnya), untuk bulan sebelumnya.',
    );
    expect(describeSchedule({ every: 'week', day: 4 })).toContain('setiap minggu hari Kamis');
    expect(describeSchedule({ every: 'year', month: 1, day: 5, period: 'previous' })).toContain(
      'setiap tahun tanggal 5 Januari',
    );
  });
});
