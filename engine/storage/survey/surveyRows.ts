import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { insertUnlessDuplicate } from '../insertUnlessDuplicate.ts';
import { JsonObject, Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const SurveyCaseRowSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  sop_id: Type.String(),
  status: Type.String(),
  service_name: Nullable(Type.String()),
  config: JsonObject<RawRegency>(),
});

// Compiled once, at module load.
const surveyCaseRows = rowDecoder('cases (survey, by tracking code)', SurveyCaseRowSchema);

/** A case as the public survey sees it: its service name and the regency's configuration. */
export type SurveyCaseRow = Static<typeof SurveyCaseRowSchema>;

/** The case with this tracking code (any regency: the code is the key the applicant holds). */
export async function surveyCaseByTrackingCode(db: Knex, trackingCode: string): Promise<SurveyCaseRow | undefined> {
  return surveyCaseRows.first(
    await db('cases as c')
      .join('regencies as r', 'r.id', 'c.regency_id')
      .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
      .where('c.tracking_code', trackingCode)
      .first('c.id', 'c.regency_id', 'c.sop_id', 'c.status', 'd.name as service_name', 'r.config'),
  );
}

/** Whether the case's survey has been answered. */
export async function hasSurveyResponse(db: Knex, caseId: string): Promise<boolean> {
  return (await db('survey_responses').where({ case_id: caseId }).first('id')) !== undefined;
}

/** Stores one case's answers (scores keyed by element column); false when the case has answered already. */
export async function insertSurveyResponse(
  db: Knex,
  response: {
    regencyId: string;
    caseId: string;
    sopId: string;
    scores: Readonly<Record<string, number>>;
    comment: string | null;
    submittedAt: Date;
  },
): Promise<boolean> {
  return insertUnlessDuplicate(db, 'survey_responses', {
    regency_id: response.regencyId,
    case_id: response.caseId,
    sop_id: response.sopId,
    ...response.scores,
    comment: response.comment,
    submitted_at: response.submittedAt,
  });
}
