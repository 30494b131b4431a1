import type { Bottlenecks } from '../bottlenecks.ts';
import type { ComplaintReport } from '../complaintsPerService.ts';
import type { SopOnTime } from '../onTimeRate.ts';
import type { StageCount } from '../openCasesByStage.ts';
import type { OpenedClosedSeries } from '../openedClosedPerPeriod.ts';
import type { OverdueReport } from '../overdueTasks.ts';
import { localDateTime } from '../period.ts';
import type { RejectionReport } from '../rejectionReasons.ts';
import type { SatisfactionReport } from '../satisfaction/satisfactionByService.ts';
import { SURVEY_QUESTIONS } from '../satisfaction/surveyElements.ts';
import type { SendBackReport } from '../sendBacks.ts';
import type { StepFigure } from '../stepDurations.ts';
import type { ReportTable } from './reportTable.ts';

/** A share as a percentage with one decimal (spreadsheets sum and chart it better than "78%"). */
function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Opened and closed cases per bucket. */
export function openedClosedTable(series: OpenedClosedSeries): ReportTable {
  return {
    name: 'kasus-per-periode',
    columns: [
      { key: 'period', header: 'Periode (awal)' },
      { key: 'opened', header: 'Dibuka' },
      { key: 'closed', header: 'Berakhir' },
      { key: 'selesai', header: 'Selesai' },
      { key: 'ditolak', header: 'Ditolak' },
      { key: 'dirujuk', header: 'Dirujuk' },
      { key: 'cancelled', header: 'Dibatalkan' },
    ],
    rows: series.points.map((p) => ({
      period: p.period,
      opened: p.opened,
      closed: p.closed,
      selesai: p.selesai,
      ditolak: p.ditolak,
      dirujuk: p.dirujuk,
      cancelled: p.cancelled,
    })),
  };
}

/** Open cases by SOP and stage. */
export function openByStageTable(stages: readonly StageCount[], offsetMinutes: number): ReportTable {
  return {
    name: 'kasus-terbuka',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'step', header: 'Tahap' },
      { key: 'cases', header: 'Kasus' },
      { key: 'waiting', header: 'Menunggu pemohon' },
      { key: 'overdue', header: 'Lewat jangka waktu' },
      { key: 'oldest', header: 'Dibuka paling awal' },
    ],
    rows: stages.map((s) => ({
      service: s.sopName,
      step: s.activity,
      cases: s.cases,
      waiting: s.waiting,
      overdue: s.overdue,
      oldest: localDateTime(s.oldestOpenedAt, offsetMinutes),
    })),
  };
}

/** Step durations and on-time rates. */
export function stepsTable(steps: readonly StepFigure[]): ReportTable {
  return {
    name: 'waktu-per-langkah',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'step', header: 'Langkah' },
      { key: 'standard', header: 'Baku mutu' },
      { key: 'standardMinutes', header: 'Baku mutu (menit kerja)' },
      { key: 'visits', header: 'Kunjungan' },
      { key: 'completed', header: 'Selesai' },
      { key: 'interrupted', header: 'Terputus' },
      { key: 'openNow', header: 'Masih di langkah ini' },
      { key: 'median', header: 'Median (menit)' },
      { key: 'p90', header: 'Persentil ke-90 (menit)' },
      { key: 'allowed', header: 'Jatah waktu median (menit)' },
      { key: 'p90Ratio', header: 'Rasio p90 / baku mutu' },
      { key: 'onTime', header: 'Tepat waktu (%)' },
    ],
    rows: steps.map((s) => ({
      service: s.sopName,
      step: s.activity,
      standard: s.standard?.text ?? null,
      standardMinutes: s.standard?.minutes ?? null,
      visits: s.visits,
      completed: s.completed,
      interrupted: s.interrupted,
      openNow: s.openNow,
      median: s.medianMinutes,
      p90: s.p90Minutes,
      allowed: s.allowedMedianMinutes,
      p90Ratio: s.p90Ratio,
      onTime: percent(s.onTimeRate),
    })),
  };
}

/** On-time rate per SOP. */
export function onTimeTable(sops: readonly SopOnTime[]): ReportTable {
  return {
    name: 'ketepatan-waktu',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'standard', header: 'Jangka waktu' },
      { key: 'decided', header: 'Kasus diputus' },
      { key: 'caseOnTime', header: 'Kasus tepat waktu (%)' },
      { key: 'median', header: 'Median lama kasus (menit)' },
      { key: 'p90', header: 'Persentil ke-90 (menit)' },
      { key: 'stepOnTime', header: 'Langkah tepat waktu (%)' },
    ],
    rows: sops.map((s) => ({
      service: s.sopName,
      standard: s.standard?.text ?? null,
      decided: s.decided,
      caseOnTime: percent(s.caseOnTimeRate),
      median: s.medianCaseMinutes,
      p90: s.p90CaseMinutes,
      stepOnTime: percent(s.stepOnTimeRate),
    })),
  };
}

/** Steps ranked by p90 elapsed ÷ allowance. */
export function bottlenecksTable(b: Bottlenecks): ReportTable {
  return {
    name: 'hambatan',
    columns: [
      { key: 'rank', header: 'Peringkat' },
      { key: 'service', header: 'Layanan' },
      { key: 'step', header: 'Langkah' },
      { key: 'p90Ratio', header: 'Rasio p90 / baku mutu' },
      { key: 'timed', header: 'Kunjungan terukur' },
      { key: 'onTime', header: 'Tepat waktu (%)' },
    ],
    rows: b.byDuration.map((s, i) => ({
      rank: i + 1,
      service: s.sopName,
      step: s.activity,
      p90Ratio: s.p90Ratio,
      timed: s.timed,
      onTime: percent(s.onTimeRate),
    })),
  };
}

/** Overdue tasks with their unit and person. */
export function overdueTable(report: OverdueReport, offsetMinutes: number): ReportTable {
  return {
    name: 'tugas-terlambat',
    columns: [
      { key: 'trackingCode', header: 'Kode lacak' },
      { key: 'service', header: 'Layanan' },
      { key: 'step', header: 'Langkah' },
      { key: 'unit', header: 'Unit' },
      { key: 'role', header: 'Peran' },
      { key: 'assignee', header: 'Pelaksana' },
      { key: 'dueAt', header: 'Batas waktu' },
      { key: 'late', header: 'Terlambat (menit)' },
      { key: 'escalated', header: 'Sudah dieskalasi' },
    ],
    rows: report.items.map((t) => ({
      trackingCode: t.trackingCode,
      service: t.sopName,
      step: t.activity,
      unit: t.unitName,
      role: t.roleName,
      assignee: t.assigneeName ?? '(belum diambil)',
      dueAt: localDateTime(t.dueAt, offsetMinutes),
      late: t.minutesLate,
      escalated: t.escalated ? 'Ya' : 'Tidak',
    })),
  };
}

/** Send-backs per step with the documents named missing. */
export function sendBacksTable(report: SendBackReport): ReportTable {
  return {
    name: 'berkas-dikembalikan',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'step', header: 'Langkah' },
      { key: 'visits', header: 'Kunjungan' },
      { key: 'sendBacks', header: 'Dikembalikan' },
      { key: 'rate', header: 'Dari kunjungan (%)' },
      { key: 'missing', header: 'Dokumen kurang (kali)' },
    ],
    rows: report.steps.map((s) => ({
      service: s.sopName,
      step: s.activity,
      visits: s.visits,
      sendBacks: s.sendBacks,
      rate: percent(s.sendBackRate),
      missing: s.missing.map((m) => `${m.label} (${m.times})`).join('; '),
    })),
  };
}

/** Documents most often missing, per SOP. */
export function missingDocumentsTable(report: SendBackReport): ReportTable {
  return {
    name: 'dokumen-kurang',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'doc', header: 'Kode dokumen' },
      { key: 'label', header: 'Dokumen' },
      { key: 'times', header: 'Kali' },
      { key: 'cases', header: 'Kasus' },
    ],
    rows: report.missingBySop.flatMap((s) =>
      s.missing.map((m) => ({ service: s.sopName, doc: m.doc, label: m.label, times: m.times, cases: m.cases })),
    ),
  };
}

/** Rejection reasons. */
export function rejectionsTable(report: RejectionReport): ReportTable {
  const source = { manual: 'Alasan tertulis', decision: 'Keputusan', flow: 'Alur SOP' } as const;
  return {
    name: 'alasan-penolakan',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'reason', header: 'Alasan' },
      { key: 'source', header: 'Sumber' },
      { key: 'step', header: 'Langkah keputusan' },
      { key: 'cases', header: 'Kasus' },
      { key: 'share', header: 'Dari yang ditolak (%)' },
    ],
    rows: report.reasons.map((r) => ({
      service: r.sopName,
      reason: r.reason,
      source: source[r.source],
      step: r.activity,
      cases: r.cases,
      share: percent(r.share),
    })),
  };
}

/** Complaints per service. */
export function complaintsTable(report: ComplaintReport): ReportTable {
  return {
    name: 'pengaduan',
    columns: [
      { key: 'service', header: 'Layanan yang diadukan' },
      { key: 'complaints', header: 'Pengaduan' },
      { key: 'open', header: 'Masih ditangani' },
      { key: 'cases', header: 'Kasus diadukan' },
    ],
    rows: report.perService.map((c) => ({
      service: c.sopName,
      complaints: c.complaints,
      open: c.open,
      cases: c.casesConcerned,
    })),
  };
}

/** IKM per service and for the office. */
export function satisfactionTable(report: SatisfactionReport): ReportTable {
  const figures = [...report.perService, ...(report.overall ? [report.overall] : [])];
  return {
    name: 'ikm',
    columns: [
      { key: 'service', header: 'Layanan' },
      { key: 'responses', header: 'Responden' },
      ...SURVEY_QUESTIONS.map((q) => ({ key: q.element, header: `${q.code} ${q.name}` })),
      { key: 'ikm', header: 'IKM' },
      { key: 'grade', header: 'Mutu' },
      { key: 'performance', header: 'Kinerja' },
    ],
    rows: figures.map((f) => ({
      service: f.sopId === null ? `${f.sopName} (seluruh layanan)` : f.sopName,
      responses: f.responses,
      ...f.elements,
      ikm: f.ikm,
      grade: f.grade,
      performance: f.performance,
    })),
  };
}
