import { SURVEY_QUESTIONS } from '../satisfaction/surveyElements.ts';
import { ikmGrade } from '../satisfaction/ikm.ts';
import type { EvaluationReport, RevisionPoint } from './evaluationTypes.ts';
import { formatNumber, formatPercent } from './formatId.ts';

/** Fewer observations than this say nothing about an SOP: rules stay silent below it. */
export const MIN_SAMPLE = 4;
/** A step over its Baku Mutu in at least this share of visits needs its time or its performer reviewed. */
export const STEP_LATE_SHARE = 0.2;
/** 90% of visits within this fraction of the standard: the standard is looser than practice. */
export const LOOSE_STANDARD_RATIO = 0.25;
/** Files sent back in at least this share of a step's visits: the requirements are unclear. */
export const SEND_BACK_RATE = 0.2;
/** A document named missing at least this often is worth clarifying. */
export const MISSING_DOCUMENT_TIMES = 2;
/** At least this share of decided cases rejected: eligibility is not explained up front. */
export const REJECTION_RATE = 0.3;
/** Fewer cases than this decided within the Jangka Waktu: the service time needs review. */
export const CASE_ON_TIME_RATE = 0.8;
const SEVERITY_ORDER = { tinggi: 0, sedang: 1, rendah: 2 } as const;

type Figures = Omit<EvaluationReport, 'revisionPoints'>;

function stepRules(report: Figures, points: RevisionPoint[]): void {
  for (const step of report.steps) {
    const f = step.figure;
    if (!step.standard)
      points.push({
        code: 'STEP_WITHOUT_STANDARD',
        severity: 'rendah',
        stepId: step.stepId,
        text: `Langkah «${step.activity}» belum memiliki baku mutu waktu — tetapkan waktunya agar ketepatan waktu dapat diukur.`,
      });
    if (f && f.timed >= MIN_SAMPLE && f.exceededShare !== null && f.exceededShare >= STEP_LATE_SHARE) {
      points.push({
        code: 'STEP_OVER_STANDARD',
        severity: f.exceededShare >= 0.5 ? 'tinggi' : 'sedang',
        stepId: step.stepId,
        text: `Langkah «${step.activity}» melebihi baku mutu waktu (${step.standard?.text ?? '–'}) pada ${formatPercent(f.exceededShare)} kasus — tinjau waktu atau pelaksana.`,
      });
    }
    if (f && f.timed >= MIN_SAMPLE && f.p90Ratio !== null && f.p90Ratio <= LOOSE_STANDARD_RATIO) {
      points.push({
        code: 'STANDARD_TOO_LOOSE',
        severity: 'rendah',
        stepId: step.stepId,
        text: `Langkah «${step.activity}» selesai jauh di bawah baku mutu (${step.standard?.text ?? '–'}): 90% kasus memakai paling banyak ${formatPercent(f.p90Ratio)} waktunya — baku mutu dapat diperketat.`,
      });
    }
    const s = step.sendBack;
    if (s && s.visits >= MIN_SAMPLE && s.sendBackRate !== null && s.sendBackRate >= SEND_BACK_RATE) {
      points.push({
        code: 'FREQUENT_SEND_BACK',
        severity: 'sedang',
        stepId: step.stepId,
        text: `Berkas dikembalikan pada ${formatPercent(s.sendBackRate)} kunjungan langkah «${step.activity}» — periksa kejelasan persyaratan dan informasi kepada pemohon.`,
      });
    }
  }
  const top = report.missingDocuments[0];
  if (top && top.times >= MISSING_DOCUMENT_TIMES)
    points.push({
      code: 'MISSING_DOCUMENT',
      severity: 'sedang',
      stepId: null,
      text: `Dokumen «${top.label}» paling sering kurang (${top.times} kali, ${top.cases} kasus) — perjelas persyaratan.`,
    });
}

function caseRules(report: Figures, points: RevisionPoint[]): void {
  const t = report.timeliness;
  if (!report.sop.duration)
    points.push({
      code: 'NO_SERVICE_DURATION',
      severity: 'rendah',
      stepId: null,
      text: 'Jangka Waktu layanan belum ditetapkan dalam standar pelayanan — tetapkan agar ketepatan waktu kasus dapat diukur.',
    });
  if (t && t.timedCases >= MIN_SAMPLE && t.caseOnTimeRate !== null && t.caseOnTimeRate < CASE_ON_TIME_RATE) {
    points.push({
      code: 'CASES_LATE',
      severity: t.caseOnTimeRate < 0.5 ? 'tinggi' : 'sedang',
      stepId: null,
      text: `Hanya ${formatPercent(t.caseOnTimeRate)} kasus diputus dalam Jangka Waktu (${report.sop.duration?.text ?? '–'}) — tinjau jangka waktu layanan atau beban kerja pelaksana.`,
    });
  }
  const r = report.rejections.rate;
  if (r && r.decided >= MIN_SAMPLE && r.rejectionRate !== null && r.rejectionRate >= REJECTION_RATE) {
    const reason = report.rejections.reasons[0];
    const criterion = report.rejections.failedCriteria[0];
    const because = reason ? `; alasan terbanyak «${reason.reason}»` : '';
    const clarify = criterion
      ? `perjelas Kriteria Sasaran «${criterion.text}» dan sampaikan sejak awal`
      : 'perjelas Kriteria Sasaran dan sampaikan sejak awal';
    points.push({
      code: 'FREQUENT_REJECTION',
      severity: 'sedang',
      stepId: null,
      text: `${formatPercent(r.rejectionRate)} permohonan ditolak${because} — ${clarify}.`,
    });
  }
  if (report.volume.totals.opened === 0)
    points.push({
      code: 'NO_CASES',
      severity: 'rendah',
      stepId: null,
      text: 'Tidak ada kasus tercatat pada tahun ini — pastikan layanan dicatat di Alur, atau tinjau apakah SOP ini masih diperlukan.',
    });
}

function publicRules(report: Figures, points: RevisionPoint[]): void {
  const c = report.complaints;
  if (c && c.complaints > 0)
    points.push({
      code: 'COMPLAINTS',
      severity: 'sedang',
      stepId: null,
      text: `Ada ${c.complaints} pengaduan tentang layanan ini — telaah materi pengaduan sebagai bahan revisi SOP.`,
    });
  const s = report.satisfaction;
  if (s && s.responses >= MIN_SAMPLE) {
    // Survey elements graded C or D (below 76,61 on the 25–100 scale) need follow-up.
    for (const q of SURVEY_QUESTIONS) {
      const average = s.elements[q.element];
      const { grade } = ikmGrade(average * 25);
      if (grade === 'C' || grade === 'D')
        points.push({
          code: 'SURVEY_ELEMENT_LOW',
          severity: grade === 'D' ? 'tinggi' : 'sedang',
          stepId: null,
          text: `Unsur survei «${q.name}» bernilai ${formatNumber(average, 2)} (mutu ${grade}) — tindak lanjuti unsur ini dalam revisi.`,
        });
    }
  } else if (!s && report.timeliness !== null && report.timeliness.decided > 0) {
    points.push({
      code: 'NO_SURVEY',
      severity: 'rendah',
      stepId: null,
      text: 'Belum ada jawaban Survei Kepuasan Masyarakat untuk layanan ini — tawarkan survei kepada pemohon setelah layanan selesai.',
    });
  }
}

/** Proposed revision points from a year's figures, most severe first; each rule needs a minimum sample. */
export function revisionPoints(report: Figures): RevisionPoint[] {
  const points: RevisionPoint[] = [];
  stepRules(report, points);
  caseRules(report, points);
  publicRules(report, points);
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i)
    .map(({ p }) => p);
}
