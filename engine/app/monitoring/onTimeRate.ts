import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { sopName, standardTime, type MonitoringContext, type StandardTime } from './monitoringContext.ts';
import { rounded, share } from './sqlValues.ts';
import type { StepFigure } from './stepDurations.ts';
import { onTimeRateRows } from '../../storage/monitoring/onTimeRateRows.ts';

/** Timeliness of one SOP: whole cases against the Jangka Waktu, and all its step visits against their Baku Mutu. */
export interface SopOnTime {
  sopId: string;
  sopName: string;
  /** The service's Jangka Waktu (serviceStandard.duration). */
  standard: StandardTime | null;
  /** Cases decided in the period (selesai, ditolak, dirujuk; withdrawn cases are not a service delivered). */
  decided: number;
  /** Decided cases that had a deadline, and how many were decided by it (paused time moves the deadline). */
  timedCases: number;
  onTimeCases: number;
  caseOnTimeRate: number | null;
  /** Wall-clock minutes from opening to the decision. */
  medianCaseMinutes: number | null;
  p90CaseMinutes: number | null;
  /** Step visits with a standard, summed over the SOP's steps. */
  timedSteps: number;
  onTimeSteps: number;
  stepOnTimeRate: number | null;
}

/**
 * On-time rate per SOP. Case figures read the cases projection (closed_at and the deadline moved by
 * clock.paused/clock.resumed, written in the same transaction as the events); step figures are the
 * sums of `stepDurations` so both views agree.
 */
export async function onTimeRate(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
  steps: readonly StepFigure[],
): Promise<SopOnTime[]> {
  const rows = await onTimeRateRows(db, scope);
  const byCase = new Map(rows.map((r) => [r.sop_id, r]));
  const sopIds = new Set([...byCase.keys(), ...steps.map((s) => s.sopId)]);
  return [...sopIds].sort().map((sopId) => {
    const r = byCase.get(sopId);
    const own = steps.filter((s) => s.sopId === sopId);
    const timedSteps = own.reduce((n, s) => n + s.timed, 0);
    const onTimeSteps = own.reduce((n, s) => n + s.onTime, 0);
    return {
      sopId,
      sopName: sopName(context, sopId),
      standard: standardTime(
        context.calendar,
        context.sops.get(sopId)?.definition.duration,
        context.sops.get(sopId)?.definition.clock,
      ),
      decided: r?.decided ?? 0,
      timedCases: r?.timed ?? 0,
      onTimeCases: r?.on_time ?? 0,
      caseOnTimeRate: share(r?.on_time ?? 0, r?.timed ?? 0),
      medianCaseMinutes: rounded(r?.median_minutes),
      p90CaseMinutes: rounded(r?.p90_minutes),
      timedSteps,
      onTimeSteps,
      stepOnTimeRate: share(onTimeSteps, timedSteps),
    };
  });
}
