import type { Knex } from 'knex';
import type { MonitoringScope } from '../monitoringScope.ts';
import { sopName, type MonitoringContext } from '../monitoringContext.ts';
import { satisfactionCommentRows, satisfactionRows } from '../../../storage/monitoring/satisfactionRows.ts';
import { isoOrNull, rounded } from '../sqlValues.ts';
import { ikmGrade, type IkmGrade } from './ikm.ts';
import { SURVEY_ELEMENTS, type SurveyElement } from './surveyElements.ts';

/** The IKM of one service, or of the whole office (sopId null). */
export interface SatisfactionFigure {
  sopId: string | null;
  sopName: string;
  responses: number;
  /** Average score (NRR) of each element, 1–4. */
  elements: Record<SurveyElement, number>;
  ikm: number;
  grade: IkmGrade;
  performance: string;
}

/** Satisfaction in a period: per service, the office as a whole, and the latest comments. */
export interface SatisfactionReport {
  overall: SatisfactionFigure | null;
  perService: SatisfactionFigure[];
  comments: Array<{ sopId: string; sopName: string; comment: string; submittedAt: string }>;
}

/**
 * IKM per service and for the office (ROLLUP), computed in SQL from survey_responses submitted in the
 * period: element averages, then their mean × 25 (PermenPANRB 14/2017, equal weights 1/9).
 */
export async function satisfactionByService(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
  commentLimit = 50,
): Promise<SatisfactionReport> {
  const rows = await satisfactionRows(db, scope, SURVEY_ELEMENTS);
  const comments = await satisfactionCommentRows(db, scope, commentLimit);
  // ROLLUP yields a grand-total row even over no responses; an IKM of nobody is no IKM.
  const figures = rows
    .filter((r) => r.responses > 0)
    .map((r) => {
      const ikm = rounded(r.ikm, 2) ?? 0;
      const elements = Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, rounded(r[e], 4) ?? 0])) as Record<
        SurveyElement,
        number
      >;
      return {
        overall: r.overall === 1,
        figure: {
          sopId: r.overall === 1 ? null : r.sop_id,
          sopName: r.overall === 1 ? context.regency.office.name : sopName(context, r.sop_id ?? ''),
          responses: r.responses,
          elements,
          ikm,
          ...ikmGrade(ikm),
        },
      };
    });
  return {
    overall: figures.find((f) => f.overall)?.figure ?? null,
    perService: figures
      .filter((f) => !f.overall)
      .map((f) => f.figure)
      .sort((a, b) => b.ikm - a.ikm),
    comments: comments.map((c) => ({
      sopId: c.sop_id,
      sopName: sopName(context, c.sop_id),
      comment: c.comment,
      submittedAt: isoOrNull(c.submitted_at)!,
    })),
  };
}
