import type { Knex } from 'knex';
import type { RawRegency } from '../../../definition/sopTypes.ts';
import { AppError } from '../../appErrors.ts';
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

type CaseRow = {
  id: string;
  regency_id: string;
  sop_id: string;
  status: string;
  service_name: string | null;
  config: RawRegency;
};

async function closedCase(db: Knex, trackingCode: string): Promise<CaseRow & { code: string }> {
  const code = trackingCode.trim().toUpperCase();
  // An unknown and a malformed code look the same from outside: nothing to guess from.
  if (!TRACKING_CODE.test(code)) throw new AppError('NOT_FOUND', 'Kode lacak tidak ditemukan.');
  const row = (await db('cases as c')
    .join('regencies as r', 'r.id', 'c.regency_id')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('c.tracking_code', code)
    .first('c.id', 'c.regency_id', 'c.sop_id', 'c.status', 'd.name as service_name', 'r.config')) as
    CaseRow | undefined;
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
  const answered = (await db('survey_responses').where({ case_id: row.id }).first('id')) as { id: string } | undefined;
  return {
    trackingCode: row.code,
    serviceName: row.service_name ?? row.sop_id,
    officeName: row.config.office.name,
    regencyName: row.config.name,
    alreadySubmitted: answered !== undefined,
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
  try {
    await db('survey_responses').insert({
      regency_id: row.regency_id,
      case_id: row.id,
      sop_id: row.sop_id,
      ...scores,
      comment: comment ? comment : null,
      submitted_at: now,
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505')
      throw new AppError(
        'CONFLICT',
        'Survei untuk layanan ini sudah diisi. Terima kasih.',
        undefined,
        undefined,
        'SURVEY_ALREADY_SUBMITTED',
      );
    throw error;
  }
  return { submittedAt: now.toISOString() };
}
