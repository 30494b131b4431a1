import type { EvaluationReport, EvaluationStep } from '../../../engine/app/monitoring/evaluation/evaluationTypes.ts';
import type { StepFigure } from '../../../engine/app/monitoring/stepDurations.ts';

/** A step figure with neutral values; tests override what they look at. */
export function stepFigure(overrides: Partial<StepFigure> = {}): StepFigure {
  return {
    sopId: 'layanan',
    sopName: 'Layanan',
    stepId: 'verifikasi',
    activity: 'Verifikasi berkas',
    stepIndex: 0,
    standard: { text: '1 jam', clock: 'office', minutes: 60, months: null },
    visits: 10,
    completed: 10,
    interrupted: 0,
    openNow: 0,
    openOverdue: 0,
    medianMinutes: 30,
    p90Minutes: 50,
    maxMinutes: 55,
    allowedMedianMinutes: 60,
    p90Ratio: 0.8,
    timed: 10,
    onTime: 10,
    onTimeRate: 1,
    exceededShare: 0,
    ...overrides,
  };
}

/** One evaluation step with its figure. */
export function evaluationStep(figure: StepFigure | null, overrides: Partial<EvaluationStep> = {}): EvaluationStep {
  return {
    stepId: figure?.stepId ?? 'verifikasi',
    activity: figure?.activity ?? 'Verifikasi berkas',
    standard: figure?.standard ?? { text: '1 jam', clock: 'office', minutes: 60, months: null },
    figure,
    sendBack: null,
    ...overrides,
  };
}

/** A year's evaluation where nothing calls for a revision; tests change one thing at a time. */
export function quietReport(
  overrides: Partial<Omit<EvaluationReport, 'revisionPoints'>> = {},
): Omit<EvaluationReport, 'revisionPoints'> {
  return {
    regency: {
      id: 'uji',
      name: 'Kabupaten Uji',
      office: { name: 'Dinas Sosial Kabupaten Uji', head: { name: 'Kepala', title: 'Kepala Dinas' } },
    },
    sop: {
      id: 'layanan',
      name: 'Layanan',
      number: '1/2025',
      unitName: 'Bidang',
      version: 1,
      effective: '2024-01-01',
      revised: null,
      duration: { text: '2 hari kerja', clock: 'office', minutes: 960, months: null },
    },
    year: 2025,
    period: { from: '2024-12-31T17:00:00.000Z', to: '2025-12-31T17:00:00.000Z' },
    generatedAt: '2026-01-05T03:00:00.000Z',
    offsetMinutes: 420,
    volume: {
      bucket: 'month',
      points: [
        {
          period: '2025-01-01',
          start: '2024-12-31T17:00:00.000Z',
          opened: 10,
          closed: 10,
          selesai: 10,
          ditolak: 0,
          dirujuk: 0,
          cancelled: 0,
        },
      ],
      totals: { opened: 10, closed: 10, selesai: 10, ditolak: 0, dirujuk: 0, cancelled: 0 },
    },
    timeliness: {
      sopId: 'layanan',
      sopName: 'Layanan',
      standard: { text: '2 hari kerja', clock: 'office', minutes: 960, months: null },
      decided: 10,
      timedCases: 10,
      onTimeCases: 10,
      caseOnTimeRate: 1,
      medianCaseMinutes: 300,
      p90CaseMinutes: 600,
      timedSteps: 10,
      onTimeSteps: 10,
      stepOnTimeRate: 1,
    },
    steps: [evaluationStep(stepFigure())],
    missingDocuments: [],
    rejections: {
      rate: { sopId: 'layanan', sopName: 'Layanan', decided: 10, rejected: 0, rejectionRate: 0 },
      reasons: [],
      failedCriteria: [],
    },
    complaints: null,
    satisfaction: {
      sopId: 'layanan',
      sopName: 'Layanan',
      responses: 10,
      elements: {
        persyaratan: 3.5,
        prosedur: 3.5,
        waktu: 3.5,
        biaya: 4,
        produk: 3.5,
        kompetensi: 3.5,
        perilaku: 3.5,
        pengaduan: 3.5,
        sarana: 3.5,
      },
      ikm: 88.89,
      grade: 'A',
      performance: 'Sangat Baik',
    },
    ...overrides,
  };
}
