import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';

/**
 * CTEs `visits` and `measured`: one row per visit of a step (a step.entered event in the period),
 * ended by the next flow event of the same case. The visit is completed when that next event is the
 * step's own step.completed; a send-back or a manual end interrupts it; no next event means the case
 * is still there. `minutes` is wall-clock time from entering to completing; `allowed_minutes` is the
 * wall-clock allowance the engine gave the visit (due time − entered time): the step's Baku Mutu laid
 * on the regency's working calendar, so both are in the same unit and comparable visit by visit.
 */
export function stepVisitsCte(scope: PeriodScope): { sql: string; bindings: Knex.RawBinding[] } {
  const sop = sopCondition(scope);
  return {
    sql: `flow AS (
       SELECT e.case_id, e.seq, e.type, e.at, e.step_id, e.payload, c.sop_id,
         lead(e.type) OVER w AS next_type, lead(e.at) OVER w AS next_at, lead(e.step_id) OVER w AS next_step
       FROM case_events e JOIN cases c ON c.id = e.case_id AND c.regency_id = e.regency_id
       WHERE e.regency_id = ? AND e.type IN ('step.entered', 'step.completed', 'case.ended') AND e.at >= ?${sop.sql}
       WINDOW w AS (PARTITION BY e.case_id ORDER BY e.seq)
     ), visits AS (
       SELECT case_id, sop_id, step_id, at AS entered_at,
         (payload->'tasks'->0->>'dueAt')::timestamptz AS due_at,
         CASE WHEN next_type = 'step.completed' AND next_step = step_id THEN next_at END AS completed_at,
         next_type IS NULL AS still_open
       FROM flow WHERE type = 'step.entered' AND at < ?
     ), measured AS (
       SELECT visits.*,
         extract(epoch FROM completed_at - entered_at) / 60 AS minutes,
         extract(epoch FROM due_at - entered_at) / 60 AS allowed_minutes
       FROM visits
     )`,
    bindings: [scope.regencyId, scope.from, ...sop.bindings, scope.to],
  };
}
