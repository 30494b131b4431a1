import { AppError } from '../../app/appErrors.ts';
import { assertMayPerform } from '../../app/permissions/authorize.ts';
import { bottlenecks } from '../../app/monitoring/bottlenecks.ts';
import { caseLinks, linkComplaint } from '../../app/monitoring/caseLinks.ts';
import { complaintsPerService } from '../../app/monitoring/complaintsPerService.ts';
import { dashboardSummary } from '../../app/monitoring/dashboardSummary.ts';
import { evaluationReport } from '../../app/monitoring/evaluation/evaluationReport.ts';
import { renderEvaluationHtml } from '../../app/monitoring/evaluation/renderEvaluationHtml.ts';
import { recordExportInAccessLog, type ExportRecorder } from '../../app/monitoring/exports/exportAccess.ts';
import { exportReport } from '../../app/monitoring/exports/exportReport.ts';
import { EXPORT_REPORTS, isExportReport } from '../../app/monitoring/exports/exportReportNames.ts';
import { assertMayEvaluate } from '../../app/monitoring/monitoringAccess.ts';
import { loadMonitoringContext, requireSop } from '../../app/monitoring/monitoringContext.ts';
import { monitoringRequest } from '../../app/monitoring/monitoringRequest.ts';
import { onTimeRate } from '../../app/monitoring/onTimeRate.ts';
import { openCasesByStage } from '../../app/monitoring/openCasesByStage.ts';
import { openedClosedPerPeriod } from '../../app/monitoring/openedClosedPerPeriod.ts';
import { overdueTasks } from '../../app/monitoring/overdueTasks.ts';
import { rejectionReasons } from '../../app/monitoring/rejectionReasons.ts';
import { satisfactionByService } from '../../app/monitoring/satisfaction/satisfactionByService.ts';
import { submitSurvey, surveyForm } from '../../app/monitoring/satisfaction/surveyService.ts';
import { sendBacks } from '../../app/monitoring/sendBacks.ts';
import { stepDurations } from '../../app/monitoring/stepDurations.ts';
import type { AccessProfile } from '../../app/permissions/accessProfile.ts';
import type { AnswerOf, Contract } from '../../contracts/contract.ts';
import { complaintContracts, monitoringContracts as mc } from '../../contracts/monitoringContracts.ts';
import type { Knex } from 'knex';
import { implement, type RouteSpec } from '../routeSpec.ts';

// Drafters and approvers read the yearly evaluation of the SOPs they revise; the dashboard is for heads and auditors.
const EVALUATION_KINDS = ['kabid', 'kadis', 'sekretaris', 'admin', 'auditor', 'drafter', 'approver'] as const;
const PERIOD =
  'Parameter: sopId (opsional), from/to (TTTT-BB-HH waktu setempat, keduanya inklusif; bawaan 1 Januari tahun ini s.d. sekarang)';
const ANSWERED = {
  200: 'Angka (JSON siap grafik)',
  400: 'Parameter tidak sah',
  401: 'Belum masuk',
  403: 'Tidak berwenang atau di luar unit',
  404: 'Layanan tidak ada',
};

/** What a figure reads: the database (a standby when there is one), the user's access and the filters. */
interface FigureContext {
  db: Knex;
  access: AccessProfile;
  query: Record<string, string | undefined>;
}

async function request(context: FigureContext) {
  return monitoringRequest(context.db, context.access, context.query);
}

function figureRoute<C extends Contract>(
  declared: C,
  summary: string,
  handler: (context: FigureContext) => Promise<AnswerOf<C>>,
): RouteSpec {
  return implement(declared, {
    summary,
    tag: 'monitoring',
    access: 'user',
    policy: { action: 'monitoring.read' },
    responses: ANSWERED,
    // Figures only read: they may come from a standby (ALUR_DATABASE_READ_URL).
    handler: async (context) => ({ body: await context.read((db) => handler({ ...context, db })) }),
  });
}

function yearOf(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100)
    throw new AppError('VALIDATION_FAILED', 'Tahun tidak sah (TTTT).', '/year');
  return Number(text);
}

async function evaluation(db: Knex, access: AccessProfile, params: { sopId: string; year: string }) {
  const year = yearOf(params.year);
  const monitoring = await loadMonitoringContext(db, access.regencyId);
  requireSop(monitoring, params.sopId);
  assertMayEvaluate(access, params.sopId);
  return evaluationReport(db, monitoring, params.sopId, year);
}

/** Dashboard figures, the yearly SOP evaluation, exports, complaint links and the public satisfaction survey. */
export function monitoringRoutes(options: { recordExport?: ExportRecorder } = {}): RouteSpec[] {
  const recordExport = options.recordExport ?? recordExportInAccessLog;
  return [
    figureRoute(
      mc.summary,
      `Ringkasan dasbor: kasus dibuka/berakhir per periode (bucket day|week|month), kasus terbuka per tahap, ketepatan waktu per SOP, jumlah tugas terlambat per unit, pengaduan per layanan, IKM. ${PERIOD}`,
      async (c) => dashboardSummary(c.db, await request(c)),
    ),
    figureRoute(
      mc.openedClosed,
      `Kasus dibuka dan berakhir (per hasil) per hari/minggu/bulan, tanpa celah: { bucket, points: [{ period, start, opened, closed, selesai, ditolak, dirujuk, cancelled }], totals }. ${PERIOD}; bucket`,
      async (c) => {
        const r = await request(c);
        return openedClosedPerPeriod(c.db, r.scope, r.bucket, r.context.calendar.offsetMinutes);
      },
    ),
    figureRoute(
      mc.openByStage,
      'Kasus terbuka saat ini per SOP dan tahap: { stages: [{ sopId, stepId, activity, stepIndex, cases, waiting, overdue, oldestOpenedAt }] }. Parameter: sopId',
      async (c) => {
        const r = await request(c);
        return { stages: await openCasesByStage(c.db, r.context, r.scope, r.now) };
      },
    ),
    figureRoute(
      mc.steps,
      `Lama tiap langkah (menit jam dinding, median dan persentil ke-90) dibanding baku mutu (menit kerja dan jatah jam dinding), rasio p90/baku mutu, tingkat tepat waktu: { steps: [...] }. ${PERIOD}`,
      async (c) => {
        const r = await request(c);
        return { steps: await stepDurations(c.db, r.context, r.scope, r.now) };
      },
    ),
    figureRoute(
      mc.onTime,
      `Ketepatan waktu per SOP: kasus terhadap Jangka Waktu, langkah terhadap baku mutu: { sops: [...] }. ${PERIOD}`,
      async (c) => {
        const r = await request(c);
        return {
          sops: await onTimeRate(c.db, r.context, r.scope, await stepDurations(c.db, r.context, r.scope, r.now)),
        };
      },
    ),
    figureRoute(
      mc.bottlenecks,
      `Langkah penghambat: byDuration (rasio p90/baku mutu tertinggi) dan byOpenAge (tugas terbuka tertua). ${PERIOD}; limit`,
      async (c) => {
        const r = await request(c);
        return bottlenecks(c.db, r.context, r.scope, await stepDurations(c.db, r.context, r.scope, r.now), r.now, {
          limit: r.limit,
        });
      },
    ),
    figureRoute(
      mc.overdue,
      'Tugas lewat batas waktu saat ini: { total, byUnit, byPerson, items } (items paling terlambat dahulu). Parameter: sopId, limit (1–1000)',
      async (c) => {
        const r = await request(c);
        return overdueTasks(c.db, r.context, r.scope, r.now, r.limit);
      },
    ),
    figureRoute(
      mc.sendBacks,
      `Berkas dikembalikan per langkah dengan dokumen yang paling sering kurang: { steps, missingBySop }. ${PERIOD}`,
      async (c) => {
        const r = await request(c);
        return sendBacks(c.db, r.context, r.scope);
      },
    ),
    figureRoute(
      mc.rejections,
      `Penolakan: { perSop (tingkat penolakan), reasons (alasan tertulis atau cabang keputusan), failedCriteria (Kriteria Sasaran tidak terpenuhi) }. ${PERIOD}`,
      async (c) => {
        const r = await request(c);
        return rejectionReasons(c.db, r.context, r.scope);
      },
    ),
    figureRoute(
      mc.complaints,
      `Pengaduan per layanan yang diadukan dan kasus pengaduan per SOP pengaduan: { perService, intake }. ${PERIOD}`,
      async (c) => {
        const r = await request(c);
        return complaintsPerService(c.db, r.context, r.scope);
      },
    ),
    figureRoute(
      mc.satisfaction,
      `Survei Kepuasan Masyarakat: IKM per layanan dan seluruh kantor (9 unsur, nilai 25–100, mutu A–D menurut PermenPANRB 14/2017) dan komentar terbaru: { overall, perService, comments }. ${PERIOD}; limit (komentar)`,
      async (c) => {
        const r = await request(c);
        return satisfactionByService(c.db, r.context, r.scope, r.limit);
      },
    ),
    implement(mc.evaluationHtml, {
      summary: 'Laporan evaluasi SOP tahunan siap cetak (HTML, bahasa Indonesia, dengan kop dan usulan revisi)',
      tag: 'monitoring',
      access: 'user',
      kinds: EVALUATION_KINDS,
      policy: { action: 'definition.read' },
      responses: {
        200: 'Halaman HTML',
        400: 'Tahun tidak sah',
        401: 'Belum masuk',
        403: 'Tidak berwenang',
        404: 'SOP tidak ada',
      },
      handler: async (ctx) => {
        const report = await ctx.read((db) => evaluation(db, ctx.access, ctx.params));
        return {
          file: {
            content: Buffer.from(renderEvaluationHtml(report), 'utf8'),
            mediaType: 'text/html; charset=utf-8',
            fileName: `evaluasi-${report.sop.id}-${report.year}.html`,
            disposition: 'inline',
          },
        };
      },
    }),
    implement(mc.evaluation, {
      summary:
        'Evaluasi SOP tahunan (JSON): volume per bulan, ketepatan waktu per langkah, pengembalian berkas, penolakan, pengaduan, IKM, dan usulan revisi berbasis aturan (revisionPoints)',
      tag: 'monitoring',
      access: 'user',
      kinds: EVALUATION_KINDS,
      policy: { action: 'definition.read' },
      responses: {
        200: 'Laporan evaluasi',
        400: 'Tahun tidak sah',
        401: 'Belum masuk',
        403: 'Tidak berwenang',
        404: 'SOP tidak ada',
      },
      handler: async (ctx) => ({ body: await ctx.read((db) => evaluation(db, ctx.access, ctx.params)) }),
    }),
    implement(mc.export, {
      summary: `Ekspor CSV atau XLSX (NIK disamarkan). report: ${EXPORT_REPORTS.join(', ')}. Parameter wajib: reason (alasan, dicatat di log akses). Register: q, sopId, status, from, to; laporan lain: parameter laporannya`,
      tag: 'monitoring',
      access: 'user',
      policy: { action: 'case.export' },
      responses: {
        200: 'Berkas CSV/XLSX',
        400: 'Alasan wajib atau parameter tidak sah',
        401: 'Belum masuk',
        403: 'Tidak berwenang',
        404: 'Laporan atau format tidak dikenal',
        422: 'Terlalu banyak baris',
      },
      handler: async (c) => {
        const report = c.params.report;
        if (!isExportReport(report)) throw new AppError('NOT_FOUND', `Laporan "${report}" tidak dikenal.`);
        // The register is the case search as a file; the figures are for those who monitor.
        if (report !== 'register') assertMayPerform('monitoring.read', c.access);
        const reason = c.query.reason?.trim() ?? '';
        if (reason.length < 10 || reason.length > 2000)
          throw new AppError(
            'VALIDATION_FAILED',
            'Tuliskan alasan ekspor (10–2000 huruf); alasan dicatat di log akses.',
            '/reason',
          );
        const filters = Object.fromEntries(
          Object.entries(c.query).filter((e): e is [string, string] => e[0] !== 'reason' && e[1] !== undefined),
        );
        // The file is read (from a standby when there is one); its access-log row is written on the primary.
        const file = await c.read(async (db) => {
          const r = await request({ ...c, db });
          const register = {
            ...(c.query.q ? { q: c.query.q } : {}),
            ...(r.scope.sopId ? { sopId: r.scope.sopId } : {}),
            ...(c.query.status ? { status: c.query.status } : {}),
            ...(c.query.from ? { from: r.scope.from } : {}),
            ...(c.query.to ? { to: r.scope.to } : {}),
          };
          return exportReport(db, r, c.access, report, c.params.format, register);
        });
        await recordExport(c.db, {
          user: c.user,
          route: `GET /api/exports/${report}.${c.params.format}`,
          report,
          format: c.params.format,
          reason,
          filters,
          rows: file.rows,
          ...(c.req.ip ? { ip: c.req.ip } : {}),
        });
        return {
          file: {
            content: file.content,
            mediaType: file.mediaType,
            fileName: file.fileName,
            disposition: 'attachment',
          },
        };
      },
    }),
    implement(complaintContracts.links, {
      summary:
        'Tautan pengaduan sebuah kasus: { concerns (kasus yang diadukan, untuk kasus pengaduan), complaints (pengaduan tentang kasus ini) }',
      tag: 'kasus',
      access: 'user',
      policy: { action: 'case.read' },
      responses: { 200: 'Tautan', 401: 'Belum masuk', 403: 'Di luar lingkup', 404: 'Tidak ada' },
      handler: async (c) => ({
        body: await caseLinks(
          c.db,
          await loadMonitoringContext(c.db, c.user.regencyId),
          c.user.regencyId,
          c.params.caseId,
        ),
      }),
    }),
    implement(complaintContracts.link, {
      idempotent: true,
      summary: 'Menautkan kasus pengaduan (SOP pengaduan) ke kasus yang diadukan, dengan kode lacak atau id kasus',
      tag: 'kasus',
      access: 'user',
      policy: { action: 'case.open' },
      responses: {
        201: 'Ditautkan',
        400: 'Data tidak sah',
        401: 'Belum masuk',
        403: 'Tidak berwenang',
        404: 'Kasus tidak ada',
        409: 'Sudah ditautkan',
        422: 'Bukan kasus pengaduan',
      },
      handler: async (c) => {
        const context = await loadMonitoringContext(c.db, c.user.regencyId);
        return {
          status: 201,
          body: await linkComplaint(c.db, context, c.user, c.params.caseId, c.body.concerns, c.body.note),
        };
      },
    }),
    implement(complaintContracts.surveyForm, {
      summary:
        'Kuesioner Survei Kepuasan Masyarakat untuk layanan yang sudah selesai (9 unsur, jawaban 1–4), tanpa data pribadi',
      tag: 'publik',
      access: 'public',
      policy: { action: 'public' },
      responses: { 200: 'Kuesioner', 404: 'Kode tidak dikenal', 409: 'Layanan belum selesai' },
      handler: async (c) => ({ body: await surveyForm(c.db, c.params.trackingCode) }),
    }),
    implement(complaintContracts.submitSurvey, {
      idempotent: true,
      summary:
        'Mengirim jawaban survei kepuasan (sekali per kasus): { scores: { persyaratan … sarana: 1–4 }, comment? }',
      tag: 'publik',
      access: 'public',
      policy: { action: 'public' },
      responses: {
        201: 'Tersimpan',
        400: 'Jawaban tidak sah',
        404: 'Kode tidak dikenal',
        409: 'Belum selesai atau sudah diisi',
      },
      handler: async (c) => ({ status: 201, body: await submitSurvey(c.db, c.params.trackingCode, c.body) }),
    }),
  ];
}
