import { Type } from '@sinclair/typebox';
import type { bottlenecks } from '../app/monitoring/bottlenecks.ts';
import type { CaseLinks } from '../app/monitoring/caseLinks.ts';
import type { complaintsPerService } from '../app/monitoring/complaintsPerService.ts';
import type { dashboardSummary } from '../app/monitoring/dashboardSummary.ts';
import type { evaluationReport } from '../app/monitoring/evaluation/evaluationReport.ts';
import type { onTimeRate } from '../app/monitoring/onTimeRate.ts';
import type { openCasesByStage } from '../app/monitoring/openCasesByStage.ts';
import type { openedClosedPerPeriod } from '../app/monitoring/openedClosedPerPeriod.ts';
import type { overdueTasks } from '../app/monitoring/overdueTasks.ts';
import type { rejectionReasons } from '../app/monitoring/rejectionReasons.ts';
import type { satisfactionByService } from '../app/monitoring/satisfaction/satisfactionByService.ts';
import { SURVEY_ELEMENTS } from '../app/monitoring/satisfaction/surveyElements.ts';
import type { SurveyAnswers, SurveyForm } from '../app/monitoring/satisfaction/surveyService.ts';
import type { sendBacks } from '../app/monitoring/sendBacks.ts';
import type { stepDurations } from '../app/monitoring/stepDurations.ts';
import { contract, fileReply } from './contract.ts';
import { engineShape } from './engineShape.ts';

type Figure<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The dashboard's filters (strings as in the URL; monitoringRequest checks them in Indonesian). */
const FigureQuery = Type.Object({
  sopId: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ description: 'TTTT-BB-HH waktu setempat, inklusif' })),
  to: Type.Optional(Type.String({ description: 'TTTT-BB-HH waktu setempat, inklusif' })),
  bucket: Type.Optional(Type.String({ description: 'day, week atau month' })),
  limit: Type.Optional(Type.String()),
});

function figure<T>(path: `/api/monitoring/${string}`, description: string) {
  return contract({ method: 'get', path, query: FigureQuery, reply: { 200: engineShape<T>(description) } });
}

/** Dashboard figures for heads of office and auditors (JSON ready for charts). */
export const monitoringContracts = {
  summary: figure<Figure<typeof dashboardSummary>>('/api/monitoring/summary', 'Ringkasan dasbor'),
  openedClosed: figure<Figure<typeof openedClosedPerPeriod>>(
    '/api/monitoring/opened-closed',
    'Kasus dibuka dan berakhir per periode',
  ),
  openByStage: figure<{ stages: Figure<typeof openCasesByStage> }>(
    '/api/monitoring/open-by-stage',
    'Kasus terbuka per tahap',
  ),
  steps: figure<{ steps: Figure<typeof stepDurations> }>('/api/monitoring/steps', 'Lama tiap langkah'),
  onTime: figure<{ sops: Figure<typeof onTimeRate> }>('/api/monitoring/on-time', 'Ketepatan waktu per SOP'),
  bottlenecks: figure<Figure<typeof bottlenecks>>('/api/monitoring/bottlenecks', 'Langkah penghambat'),
  overdue: figure<Figure<typeof overdueTasks>>('/api/monitoring/overdue', 'Tugas lewat batas waktu'),
  sendBacks: figure<Figure<typeof sendBacks>>('/api/monitoring/send-backs', 'Berkas dikembalikan'),
  rejections: figure<Figure<typeof rejectionReasons>>('/api/monitoring/rejections', 'Penolakan'),
  complaints: figure<Figure<typeof complaintsPerService>>('/api/monitoring/complaints', 'Pengaduan'),
  satisfaction: figure<Figure<typeof satisfactionByService>>('/api/monitoring/satisfaction', 'IKM'),
  evaluationHtml: contract({
    method: 'get',
    path: '/api/monitoring/evaluation/{sopId}/{year}.html',
    reply: { 200: fileReply('text/html') },
  }),
  evaluation: contract({
    method: 'get',
    path: '/api/monitoring/evaluation/{sopId}/{year}',
    reply: { 200: engineShape<Figure<typeof evaluationReport>>('Evaluasi SOP tahunan') },
  }),
  export: contract({
    method: 'get',
    path: '/api/exports/{report}.{format}',
    query: Type.Object({ reason: Type.Optional(Type.String({ description: 'Alasan ekspor (10–2000 huruf)' })) }),
    reply: { 200: fileReply('text/csv') },
  }),
};

const Links = engineShape<CaseLinks>('Kasus yang diadukan dan pengaduan tentang kasus ini');

/** Complaint links between cases, and the public satisfaction survey. */
export const complaintContracts = {
  links: contract({ method: 'get', path: '/api/cases/{caseId}/links', reply: { 200: Links } }),
  link: contract({
    method: 'post',
    path: '/api/cases/{caseId}/links',
    body: Type.Object(
      {
        concerns: Type.String({ minLength: 1, maxLength: 100 }),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    reply: { 201: Links },
  }),
  surveyForm: contract({
    method: 'get',
    path: '/api/public/survey/{trackingCode}',
    reply: { 200: engineShape<SurveyForm>('Kuesioner 9 unsur, tanpa data pribadi') },
  }),
  submitSurvey: contract({
    method: 'post',
    path: '/api/public/survey/{trackingCode}',
    body: Type.Object(
      {
        // Every one of the nine elements, 1–4; typed by the elements' own list.
        scores: Type.Unsafe<SurveyAnswers['scores']>(
          Type.Record(
            Type.Union(SURVEY_ELEMENTS.map((e) => Type.Literal(e))),
            Type.Integer({ minimum: 1, maximum: 4 }),
            { additionalProperties: false },
          ),
        ),
        comment: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    reply: { 201: Type.Object({ submittedAt: Type.String() }) },
  }),
};
