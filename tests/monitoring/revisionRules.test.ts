import { describe, expect, it } from 'vitest';
import { MIN_SAMPLE, revisionPoints } from '../../engine/app/monitoring/evaluation/revisionRules.ts';
import { evaluationStep, quietReport, stepFigure } from './support/evaluationFixture.ts';

const codes = (report: ReturnType<typeof quietReport>) => revisionPoints(report).map((p) => p.code);

describe('rule-based SOP revision points', () => {
  it('proposes nothing when the year went by the SOP', () => {
    expect(revisionPoints(quietReport())).toEqual([]);
  });

  it('a step over its standard in 40% of cases: review time or performer, naming the step and the share', () => {
    const points = revisionPoints(
      quietReport({
        steps: [evaluationStep(stepFigure({ timed: 10, onTime: 6, onTimeRate: 0.6, exceededShare: 0.4 }))],
      }),
    );
    expect(points).toEqual([
      {
        code: 'STEP_OVER_STANDARD',
        severity: 'sedang',
        stepId: 'verifikasi',
        text: 'Langkah «Verifikasi berkas» melebihi baku mutu waktu (1 jam) pada 40% kasus — tinjau waktu atau pelaksana.',
      },
    ]);
  });

  it('stays silent below the minimum sample, and under the threshold', () => {
    const small = stepFigure({ timed: MIN_SAMPLE - 1, onTime: 0, onTimeRate: 0, exceededShare: 1 });
    const under = stepFigure({ timed: 10, onTime: 9, onTimeRate: 0.9, exceededShare: 0.1 });
    expect(codes(quietReport({ steps: [evaluationStep(small), evaluationStep(under)] }))).toEqual([]);
  });

  it('a step far under its standard may have it tightened; a step without one should get one', () => {
    const loose = stepFigure({ p90Ratio: 0.2 });
    expect(
      codes(
        quietReport({
          steps: [evaluationStep(loose), evaluationStep(null, { stepId: 'arsip', activity: 'Arsip', standard: null })],
        }),
      ),
    ).toEqual(['STANDARD_TOO_LOOSE', 'STEP_WITHOUT_STANDARD']);
  });

  it('the most often missing document: clarify the requirement', () => {
    const points = revisionPoints(
      quietReport({
        missingDocuments: [
          { doc: 'sktm', label: 'Surat Keterangan Tidak Mampu', times: 7, cases: 6 },
          { doc: 'kk', label: 'Kartu Keluarga', times: 2, cases: 2 },
        ],
      }),
    );
    expect(points.map((p) => p.text)).toEqual([
      'Dokumen «Surat Keterangan Tidak Mampu» paling sering kurang (7 kali, 6 kasus) — perjelas persyaratan.',
    ]);
  });

  it('frequent send-backs, late cases, frequent rejections and complaints each give a point', () => {
    const figure = stepFigure();
    const report = quietReport({
      steps: [
        evaluationStep(figure, {
          sendBack: {
            sopId: 'layanan',
            sopName: 'Layanan',
            stepId: 'verifikasi',
            activity: 'Verifikasi berkas',
            stepIndex: 0,
            visits: 10,
            sendBacks: 3,
            cases: 3,
            sendBackRate: 0.3,
            missing: [],
            reasons: [],
          },
        }),
      ],
      timeliness: { ...quietReport().timeliness!, timedCases: 10, onTimeCases: 4, caseOnTimeRate: 0.4 },
      rejections: {
        rate: { sopId: 'layanan', sopName: 'Layanan', decided: 10, rejected: 5, rejectionRate: 0.5 },
        reasons: [
          {
            sopId: 'layanan',
            sopName: 'Layanan',
            source: 'decision',
            stepId: 'verifikasi',
            activity: 'Verifikasi berkas',
            reason: 'Tidak layak',
            cases: 5,
            share: 1,
          },
        ],
        failedCriteria: [{ sopId: 'layanan', criterionId: 'usia', text: 'Berusia 60 tahun atau lebih', cases: 5 }],
      },
      complaints: { sopId: 'layanan', sopName: 'Layanan', complaints: 3, open: 1, casesConcerned: 2 },
    });
    const points = revisionPoints(report);
    // Late cases below 50% are the most severe, so they come first.
    expect(points.map((p) => `${p.severity} ${p.code}`)).toEqual([
      'tinggi CASES_LATE',
      'sedang FREQUENT_SEND_BACK',
      'sedang FREQUENT_REJECTION',
      'sedang COMPLAINTS',
    ]);
    expect(points[2]!.text).toBe(
      '50% permohonan ditolak; alasan terbanyak «Tidak layak» — perjelas Kriteria Sasaran «Berusia 60 tahun atau lebih» dan sampaikan sejak awal.',
    );
  });

  it('survey elements graded C or D are named with their value', () => {
    const base = quietReport();
    const satisfaction = {
      ...base.satisfaction!,
      elements: { ...base.satisfaction!.elements, waktu: 2.5, persyaratan: 3.0 },
    };
    const points = revisionPoints({ ...base, satisfaction });
    expect(points.map((p) => p.text)).toEqual([
      'Unsur survei «Waktu penyelesaian» bernilai 2,50 (mutu D) — tindak lanjuti unsur ini dalam revisi.',
      'Unsur survei «Persyaratan» bernilai 3,00 (mutu C) — tindak lanjuti unsur ini dalam revisi.',
    ]);
  });

  it('no survey at all, no cases at all, no Jangka Waktu: low-priority points', () => {
    expect(codes(quietReport({ satisfaction: null }))).toEqual(['NO_SURVEY']);
    const none = quietReport({
      volume: {
        bucket: 'month',
        points: [],
        totals: { opened: 0, closed: 0, selesai: 0, ditolak: 0, dirujuk: 0, cancelled: 0 },
      },
      timeliness: null,
      satisfaction: null,
    });
    expect(codes(none)).toEqual(['NO_CASES']);
    expect(codes(quietReport({ sop: { ...quietReport().sop, duration: null } }))).toEqual(['NO_SERVICE_DURATION']);
  });
});
