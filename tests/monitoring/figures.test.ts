import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bottlenecks } from '../../engine/app/monitoring/bottlenecks.ts';
import { complaintsPerService } from '../../engine/app/monitoring/complaintsPerService.ts';
import { loadMonitoringContext, type MonitoringContext } from '../../engine/app/monitoring/monitoringContext.ts';
import type { MonitoringScope } from '../../engine/app/monitoring/monitoringScope.ts';
import { onTimeRate } from '../../engine/app/monitoring/onTimeRate.ts';
import { openCasesByStage } from '../../engine/app/monitoring/openCasesByStage.ts';
import { openedClosedPerPeriod } from '../../engine/app/monitoring/openedClosedPerPeriod.ts';
import { overdueTasks } from '../../engine/app/monitoring/overdueTasks.ts';
import { rejectionReasons } from '../../engine/app/monitoring/rejectionReasons.ts';
import { satisfactionByService } from '../../engine/app/monitoring/satisfaction/satisfactionByService.ts';
import { sendBacks } from '../../engine/app/monitoring/sendBacks.ts';
import { stepDurations, type StepFigure } from '../../engine/app/monitoring/stepDurations.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import {
  buildMonevFixture,
  monevDefinitionsDir,
  NOW,
  REGENCY,
  WEEK,
  wib,
  type FixtureCase,
} from './support/monevFixture.ts';

// Every expected number below is worked out by hand from the fixture's timeline (support/monevFixture.ts).
// percentile_cont interpolates: p90 of n sorted values sits at position 0,9 × (n − 1).
describe(`monitoring figures from the events (${databaseLabel})`, () => {
  let test: TestServer;
  let db: Knex;
  let context: MonitoringContext;
  let cases: Record<string, FixtureCase>;
  let steps: StepFigure[];
  const scope: MonitoringScope = { regencyId: REGENCY, ...WEEK };
  const step = (sopId: string, stepId: string) => steps.find((s) => s.sopId === sopId && s.stepId === stepId)!;

  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: monevDefinitionsDir });
    db = test.server.db;
    cases = await buildMonevFixture(db);
    context = await loadMonitoringContext(db, REGENCY);
    steps = await stepDurations(db, context, scope, NOW);
  }, 120_000);
  afterAll(async () => test?.stop());

  it('pengajuan: 10 visits; durations 5 10 15 20 20 30 30 40 1440 → median 20, p90 40 + 0,2 × 1400 = 320; 7 of 9 on time', () => {
    expect(step('layanan-uji', 'pengajuan')).toMatchObject({
      standard: { text: '30 menit', clock: 'office', minutes: 30 },
      visits: 10,
      completed: 9,
      interrupted: 0,
      openNow: 1,
      openOverdue: 1,
      medianMinutes: 20,
      p90Minutes: 320,
      maxMinutes: 1440,
      allowedMedianMinutes: 30,
      // Ratios 1/6 … 4/3, 48: p90 = 4/3 + 0,2 × (48 − 4/3) = 10,667.
      p90Ratio: 10.667,
      timed: 9,
      onTime: 7,
      onTimeRate: 0.7778,
      exceededShare: 0.2222,
    });
  });

  it('verifikasi: two visits cut short by send-backs; 20 30 30 60 120 → median 30, p90 96; 4 of 5 on time', () => {
    expect(step('layanan-uji', 'verifikasi')).toMatchObject({
      visits: 9,
      completed: 5,
      interrupted: 2,
      openNow: 2,
      openOverdue: 1,
      medianMinutes: 30,
      p90Minutes: 96,
      maxMinutes: 120,
      allowedMedianMinutes: 60,
      p90Ratio: 1.6,
      timed: 5,
      onTime: 4,
      onTimeRate: 0.8,
    });
  });

  it('persetujuan: 1 hari kerja = 480 office minutes, a wall-clock allowance of 1440 from a morning start; 360 and 2760 → median 1560, p90 2520', () => {
    expect(step('layanan-uji', 'persetujuan')).toMatchObject({
      standard: { text: '1 hari kerja', clock: 'office', minutes: 480 },
      // D was rejected by hand while at this step: an interrupted visit, not a completed one.
      visits: 4,
      completed: 2,
      interrupted: 1,
      openNow: 1,
      openOverdue: 1,
      medianMinutes: 1560,
      p90Minutes: 2520,
      allowedMedianMinutes: 1440,
      p90Ratio: 1.75,
      timed: 2,
      onTime: 1,
      onTimeRate: 0.5,
    });
  });

  it('the complaint SOP: tindak-lanjut (2 hari kerja) entered Thursday 10:05 is due Monday 10:05, 5760 wall-clock minutes', () => {
    expect(step('pengaduan-uji', 'pencatatan')).toMatchObject({
      visits: 2,
      completed: 2,
      medianMinutes: 12.5,
      p90Minutes: 18.5,
      onTime: 1,
      timed: 2,
    });
    expect(step('pengaduan-uji', 'tindak-lanjut')).toMatchObject({
      visits: 2,
      completed: 1,
      openNow: 1,
      openOverdue: 0,
      medianMinutes: 295,
      allowedMedianMinutes: 5760,
      p90Ratio: 0.051,
      onTimeRate: 1,
    });
  });

  it('steps come in SOP order, per SOP', () => {
    expect(steps.map((s) => `${s.sopId}/${s.stepId}`)).toEqual([
      'layanan-uji/pengajuan',
      'layanan-uji/verifikasi',
      'layanan-uji/persetujuan',
      'pengaduan-uji/pencatatan',
      'pengaduan-uji/tindak-lanjut',
    ]);
  });

  it('on-time per SOP: B closed Thursday 10:40 after its deadline moved by the paused clock to Thursday 09:00; 3 of 4 cases on time', async () => {
    const sops = await onTimeRate(db, context, scope, steps);
    expect(sops.find((s) => s.sopId === 'layanan-uji')).toMatchObject({
      standard: { text: '2 hari kerja', minutes: 960 },
      decided: 4,
      timedCases: 4,
      onTimeCases: 3,
      caseOnTimeRate: 0.75,
      // Case durations 60 (C), 410 (A), 1500 (D), 4420 (B): median (410 + 1500) / 2, p90 1500 + 0,7 × 2920.
      medianCaseMinutes: 955,
      p90CaseMinutes: 3544,
      timedSteps: 16,
      onTimeSteps: 12,
      stepOnTimeRate: 0.75,
    });
    expect(sops.find((s) => s.sopId === 'pengaduan-uji')).toMatchObject({
      standard: null,
      decided: 1,
      timedCases: 0,
      caseOnTimeRate: null,
      medianCaseMinutes: 300,
      timedSteps: 3,
      onTimeSteps: 2,
    });
  });

  it('opened and closed per local day, with outcomes', async () => {
    const series = await openedClosedPerPeriod(db, scope, 'day', 420);
    expect(series.points.map((p) => [p.period, p.opened, p.closed, p.selesai, p.ditolak])).toEqual([
      ['2025-03-10', 2, 1, 1, 0],
      ['2025-03-11', 2, 1, 0, 1],
      ['2025-03-12', 2, 1, 0, 1],
      ['2025-03-13', 3, 2, 2, 0],
      ['2025-03-14', 1, 0, 0, 0],
    ]);
    expect(series.points[0]!.start).toBe('2025-03-09T17:00:00.000Z');
    expect(series.totals).toEqual({ opened: 10, closed: 5, selesai: 3, ditolak: 2, dirujuk: 0, cancelled: 0 });
  });

  it('buckets fill the gaps with zeros (weeks start on Monday) and follow the SOP filter', async () => {
    const fortnight = await openedClosedPerPeriod(
      db,
      { ...scope, sopId: 'layanan-uji', from: wib(3, '00:00'), to: new Date('2025-03-17T00:00:00+07:00') },
      'week',
      420,
    );
    expect(fortnight.points.map((p) => [p.period, p.opened, p.closed])).toEqual([
      ['2025-03-03', 0, 0],
      ['2025-03-10', 8, 4],
    ]);
  });

  it('open cases by stage now: the waiting case is never counted overdue', async () => {
    const stages = await openCasesByStage(db, context, scope, NOW);
    expect(stages.map((s) => [s.sopId, s.stepId, s.cases, s.waiting, s.overdue])).toEqual([
      ['layanan-uji', 'pengajuan', 1, 1, 0],
      ['layanan-uji', 'verifikasi', 2, 0, 0],
      ['layanan-uji', 'persetujuan', 1, 0, 1],
      ['pengaduan-uji', 'tindak-lanjut', 1, 0, 0],
    ]);
  });

  it('overdue tasks now, by unit and by person: the claimed one under its kabid, the unclaimed one under its role', async () => {
    const overdue = await overdueTasks(db, context, scope, NOW);
    expect(overdue.total).toBe(2);
    expect(overdue.byUnit).toEqual([{ unitId: 'layanan', unitName: 'Bidang Layanan', tasks: 2 }]);
    expect(overdue.byPerson.map((p) => [p.assigneeName, p.role, p.unitId, p.tasks, p.maxMinutesLate])).toEqual([
      ['Kepala Bidang Layanan (demo)', 'kabid', 'layanan', 1, 1515],
      [null, 'petugas', 'layanan', 1, 1470],
    ]);
    expect(overdue.items.map((i) => [i.trackingCode, i.stepId, i.minutesLate, i.escalated])).toEqual([
      [cases.E!.trackingCode, 'persetujuan', 1515, false],
      [cases.H!.trackingCode, 'verifikasi', 1470, false],
    ]);
  });

  it('bottlenecks: ranked by p90 ÷ allowance, and by the age of open work', async () => {
    const b = await bottlenecks(db, context, scope, steps, NOW);
    expect(b.byDuration.map((s) => [s.stepId, s.p90Ratio])).toEqual([
      ['pengajuan', 10.667],
      ['pencatatan', 1.85],
      ['persetujuan', 1.75],
      ['verifikasi', 1.6],
      ['tindak-lanjut', 0.051],
    ]);
    // E waits since Wed 08:45 (2955′), H since Thu 08:30 (1530′) and G since Fri 09:20 (40′), L since Thu 11:20 (1360′).
    expect(
      b.byOpenAge.map((s) => [
        s.stepId,
        s.openTasks,
        s.overdueTasks,
        s.medianAgeMinutes,
        s.maxAgeMinutes,
        s.waitingForApplicant,
      ]),
    ).toEqual([
      ['persetujuan', 1, 1, 2955, 2955, 0],
      ['verifikasi', 2, 1, 785, 1530, 0],
      ['tindak-lanjut', 1, 0, 1360, 1360, 0],
      ['pengajuan', 0, 0, null, null, 1],
    ]);
    expect(
      (await bottlenecks(db, context, scope, steps, NOW, { minVisits: 5 })).byDuration.map((s) => s.stepId),
    ).toEqual(['pengajuan', 'verifikasi']);
  });

  it('rejections: half of the decided cases, one by a decision branch, one by a written reason; the failed criterion', async () => {
    const report = await rejectionReasons(db, context, scope);
    expect(report.perSop.map((r) => [r.sopId, r.decided, r.rejected, r.rejectionRate])).toEqual([
      ['layanan-uji', 4, 2, 0.5],
      ['pengaduan-uji', 1, 0, 0],
    ]);
    expect(report.reasons.map((r) => [r.source, r.stepId, r.reason, r.cases, r.share])).toEqual([
      ['manual', null, 'Data ganda di DTSEN', 1, 0.5],
      ['decision', 'verifikasi', 'Tidak memenuhi syarat', 1, 0.5],
    ]);
    expect(report.failedCriteria).toEqual([
      { sopId: 'layanan-uji', criterionId: 'lansia', text: 'Berusia 60 tahun atau lebih', cases: 1 },
    ]);
  });

  it('send-backs: 2 of 9 verifikasi visits; SKTM missing twice, KK once', async () => {
    const report = await sendBacks(db, context, scope);
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0]).toMatchObject({
      stepId: 'verifikasi',
      visits: 9,
      sendBacks: 2,
      cases: 2,
      sendBackRate: 0.2222,
    });
    expect(report.steps[0]!.missing).toEqual([
      { doc: 'sktm', label: 'Surat Keterangan Tidak Mampu', times: 2, cases: 2 },
      { doc: 'kk', label: 'Kartu Keluarga', times: 1, cases: 1 },
    ]);
    expect(report.steps[0]!.reasons).toEqual([
      { reason: 'KK dan SKTM belum ada', times: 1 },
      { reason: 'SKTM belum ada', times: 1 },
    ]);
    expect(report.missingBySop[0]!.missing.map((m) => [m.doc, m.times])).toEqual([
      ['sktm', 2],
      ['kk', 1],
    ]);
  });

  it('complaints per service through the links, and the complaint SOP intake', async () => {
    expect(await complaintsPerService(db, context, scope)).toEqual({
      perService: [{ sopId: 'layanan-uji', sopName: 'Layanan Uji Monev', complaints: 2, open: 1, casesConcerned: 2 }],
      intake: [{ sopId: 'pengaduan-uji', sopName: 'Penanganan Pengaduan Uji', opened: 2, open: 1, linked: 2 }],
    });
  });

  it('IKM per service from the four responses: 28,25 ÷ 9 × 25 = 78,47 (B)', async () => {
    const report = await satisfactionByService(db, context, scope);
    expect(report.perService).toEqual([
      {
        sopId: 'layanan-uji',
        sopName: 'Layanan Uji Monev',
        responses: 4,
        elements: {
          persyaratan: 3,
          prosedur: 3,
          waktu: 2.5,
          biaya: 4,
          produk: 3,
          kompetensi: 3.5,
          perilaku: 3.75,
          pengaduan: 2.5,
          sarana: 3,
        },
        ikm: 78.47,
        grade: 'B',
        performance: 'Baik',
      },
    ]);
    expect(report.overall).toMatchObject({ sopId: null, responses: 4, ikm: 78.47 });
    expect(report.comments.map((c) => c.comment)).toEqual(['Mohon dijelaskan alasan penolakan.']);
  });

  it('a period before the fixture week is empty, and so is another regency', async () => {
    const before = { ...scope, from: wib(3, '00:00'), to: wib(10, '00:00') };
    expect(await stepDurations(db, context, before, NOW)).toEqual([]);
    expect((await satisfactionByService(db, context, before)).overall).toBeNull();
    const other = { ...scope, regencyId: 'uji-lain' };
    expect(await stepDurations(db, context, other, NOW)).toEqual([]);
    expect((await overdueTasks(db, context, other, NOW)).total).toBe(0);
    expect((await rejectionReasons(db, context, other)).reasons).toEqual([]);
  });

  it('the SOP filter of a user narrows every figure (only their SOPs, or all but some)', async () => {
    const onlyComplaints = { ...scope, sops: { only: ['pengaduan-uji'] } };
    expect((await stepDurations(db, context, onlyComplaints, NOW)).map((s) => s.sopId)).toEqual([
      'pengaduan-uji',
      'pengaduan-uji',
    ]);
    expect((await overdueTasks(db, context, onlyComplaints, NOW)).total).toBe(0);
    expect((await complaintsPerService(db, context, onlyComplaints)).perService).toEqual([]);
    const none = { ...scope, sops: { only: [] } };
    expect(await openCasesByStage(db, context, none, NOW)).toEqual([]);
    const allBut = { ...scope, sops: { except: ['pengaduan-uji'] } };
    expect(
      (await onTimeRate(db, context, allBut, await stepDurations(db, context, allBut, NOW))).map((s) => s.sopId),
    ).toEqual(['layanan-uji']);
  });
});
