import type { Knex } from 'knex';
import { AppError } from '../../appErrors.ts';
import {
  hasSurveyResponse,
  insertSurveyResponse,
  surveyCaseByTrackingCode,
  type SurveyCaseRow,
} from '../../../storage/survey/surveyRows.ts';
import { SURVEY_ELEMENTS, SURVEY_QUESTIONS, type SurveyElement, type SurveyQuestion } from './surveyElements.ts';

/** Case statuses after which the applicant is asked to rate the service (a withdrawn case was not served). */
const SURVEYED_STATUSES = new Set(['completed', 'rejected', 'referred']);
const TRACKING_CODE = /^ALR-[A-Z2-9]{10}$/;

/** What the public survey page shows: the service and office, never the applicant. */
export interface SurveyForm {
  trackingCode: string;
  serviceName: string;
  officeName: string;
  regencyName: string;
  alreadySubmitted: boolean;
  /** Answers are 1–4, the order of `options`. */
  questions: readonly SurveyQuestion[];
}

/** The answers posted by the applicant. */
export interface SurveyAnswers {
  scores: Record<SurveyElement, number>;
  comment?: string;
}

async function closedCase(db: Knex, trackingCode: string): Promise<SurveyCaseRow & { code: string }> {
  const code = trackingCode.trim().toUpperCase();
  // An unknown and a malformed code look the same from outside: nothing to guess from.
  if (!TRACKING_CODE.test(code)) throw new AppError('NOT_FOUND', 'Kode lacak tidak ditemukan.');
  const row = await surveyCaseByTrackingCode(db, code);
  if (!row) throw new AppError('NOT_FOUND', 'Kode lacak tidak ditemukan.');
  if (!SURVEYED_STATUSES.has(row.status))
    throw new AppError(
      'CONFLICT',
      'Survei kepuasan dapat diisi setelah layanan selesai.',
      undefined,
      undefined,
      'SURVEY_NOT_OPEN',
    );
  return { ...row, code };
}

/** The questionnaire for a closed case, by its tracking code (404 unknown, 409 not closed yet). */
export async function surveyForm(db: Knex, trackingCode: string): Promise<SurveyForm> {
  const row = await closedCase(db, trackingCode);
  const answered = await hasSurveyResponse(db, row.id);
  return {
    trackingCode: row.code,
    serviceName: row.service_name ?? row.sop_id,
    officeName: row.config.office.name,
    regencyName: row.config.name,
    alreadySubmitted: answered,
    questions: SURVEY_QUESTIONS,
  };
}

/** Stores the applicant's answers once per case (409 when already answered). */
export async function submitSurvey(
  db: Knex,
  trackingCode: string,
  answers: SurveyAnswers,
  now = new Date(),
): Promise<{ submittedAt: string }> {
  const row = await closedCase(db, trackingCode);
  const scores = Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, answers.scores[e]]));
  const comment = answers.comment?.trim();
  const stored = await insertSurveyResponse(db, {
    regencyId: row.regency_id,
    caseId: row.id,
    sopId: row.sop_id,
    scores,
    comment: comment ? comment : null,
    submittedAt: now,
  });
  if (!stored)
    throw new AppError(
      'CONFLICT',
      'Survei untuk layanan ini sudah diisi. Terima kasih.',
      undefined,
      undefined,
      'SURVEY_ALREADY_SUBMITTED',
    );
  return { submittedAt: now.toISOString() };
}
