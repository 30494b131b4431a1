import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { documentLabel, sopName, stepActivity, stepIndex, type MonitoringContext } from './monitoringContext.ts';
import { missingDocumentRows, sendBackCountRows, sendBackReasonRows } from '../../storage/monitoring/sendBackRows.ts';
import { share } from './sqlValues.ts';

/** A requirement named as missing when files were sent back. */
export interface MissingDocument {
  doc: string;
  label: string;
  /** Send-backs naming it, and distinct cases. */
  times: number;
  cases: number;
}

/** Send-backs (berkas dikembalikan) from one step. */
export interface SendBackStep {
  sopId: string;
  sopName: string;
  stepId: string;
  activity: string;
  stepIndex: number;
  /** Visits of the step in the period (step.entered), the base of the rate. */
  visits: number;
  sendBacks: number;
  cases: number;
  sendBackRate: number | null;
  /** Most often missing first. */
  missing: MissingDocument[];
  /** The most frequent written reasons (at most five). */
  reasons: Array<{ reason: string; times: number }>;
}

/** Send-backs of a period per step, and the most often missing documents per SOP. */
export interface SendBackReport {
  steps: SendBackStep[];
  /** Per SOP, the documents most often missing over all its steps. */
  missingBySop: Array<{ sopId: string; sopName: string; missing: MissingDocument[] }>;
}

/** Send-backs per step with their rate, the most often missing requirement ids and the top reasons (SQL over case_events). */
export async function sendBacks(db: Knex, context: MonitoringContext, scope: MonitoringScope): Promise<SendBackReport> {
  const counts = await sendBackCountRows(db, scope);
  const missing = await missingDocumentRows(db, scope);
  const reasons = await sendBackReasonRows(db, scope);
  const toMissing = (sopId: string, r: { doc: string; times: number; cases: number }): MissingDocument => ({
    doc: r.doc,
    label: documentLabel(context, sopId, r.doc),
    times: r.times,
    cases: r.cases,
  });
  const steps = counts
    .map((c) => ({
      sopId: c.sop_id,
      sopName: sopName(context, c.sop_id),
      stepId: c.step_id,
      activity: stepActivity(context, c.sop_id, c.step_id),
      stepIndex: stepIndex(context, c.sop_id, c.step_id),
      visits: c.visits,
      sendBacks: c.send_backs,
      cases: c.cases,
      sendBackRate: share(c.send_backs, c.visits),
      missing: missing
        .filter((m) => m.per_sop === 0 && m.sop_id === c.sop_id && m.step_id === c.step_id)
        .map((m) => toMissing(c.sop_id, m)),
      reasons: reasons
        .filter((r) => r.sop_id === c.sop_id && r.step_id === c.step_id)
        .map((r) => ({ reason: r.reason, times: r.times })),
    }))
    .sort((a, b) => a.sopId.localeCompare(b.sopId) || a.stepIndex - b.stepIndex);
  const sopIds = [...new Set(missing.filter((m) => m.per_sop === 1).map((m) => m.sop_id))].sort();
  const missingBySop = sopIds.map((sopId) => ({
    sopId,
    sopName: sopName(context, sopId),
    missing: missing.filter((m) => m.per_sop === 1 && m.sop_id === sopId).map((m) => toMissing(sopId, m)),
  }));
  return { steps, missingBySop };
}
