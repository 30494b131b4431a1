import type { Knex } from 'knex';
import { complaintsPerService } from '../complaintsPerService.ts';
import { requireSop, standardTime, type MonitoringContext } from '../monitoringContext.ts';
import { onTimeRate } from '../onTimeRate.ts';
import { openedClosedPerPeriod } from '../openedClosedPerPeriod.ts';
import { yearPeriod } from '../period.ts';
import { rejectionReasons } from '../rejectionReasons.ts';
import { satisfactionByService } from '../satisfaction/satisfactionByService.ts';
import { sendBacks } from '../sendBacks.ts';
import { stepDurations } from '../stepDurations.ts';
import type { EvaluationReport } from './evaluationTypes.ts';
import { revisionPoints } from './revisionRules.ts';

/** Builds the yearly evaluation of one SOP from the same figures as the dashboard, plus rule-based revision points. */
export async function evaluationReport(
  db: Knex,
  context: MonitoringContext,
  sopId: string,
  year: number,
  now = new Date(),
): Promise<EvaluationReport> {
  const sop = requireSop(context, sopId);
  const offset = context.calendar.offsetMinutes;
  const period = yearPeriod(year, offset);
  const scope = { regencyId: context.regency.id, sopId, ...period };
  const steps = await stepDurations(db, context, scope, now);
  // One after another: inside a request the queries share one transaction (one connection).
  const volume = await openedClosedPerPeriod(db, scope, 'month', offset);
  const timeliness = await onTimeRate(db, context, scope, steps);
  const backs = await sendBacks(db, context, scope);
  const rejections = await rejectionReasons(db, context, scope);
  const complaints = await complaintsPerService(db, context, scope);
  const satisfaction = await satisfactionByService(db, context, scope, 0);
  const definition = sop.definition;
  const unit = definition.unit !== undefined ? context.regency.units.find((u) => u.id === definition.unit) : undefined;
  const figures: Omit<EvaluationReport, 'revisionPoints'> = {
    regency: { id: context.regency.id, name: context.regency.name, office: context.regency.office },
    sop: {
      id: sop.id,
      name: sop.name,
      number: definition.number ?? null,
      unitName: unit?.name ?? definition.unit ?? null,
      version: sop.version,
      effective: definition.dates?.effective ?? null,
      revised: definition.dates?.revised ?? null,
      duration: standardTime(context.calendar, definition.duration),
    },
    year,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    generatedAt: now.toISOString(),
    offsetMinutes: offset,
    volume,
    timeliness: timeliness.find((t) => t.sopId === sopId) ?? null,
    steps: definition.steps.map((step) => ({
      stepId: step.id,
      activity: step.activity,
      standard: standardTime(context.calendar, step.time),
      figure: steps.find((f) => f.stepId === step.id) ?? null,
      sendBack: backs.steps.find((s) => s.stepId === step.id) ?? null,
    })),
    missingDocuments: backs.missingBySop.find((m) => m.sopId === sopId)?.missing ?? [],
    rejections: {
      rate: rejections.perSop.find((r) => r.sopId === sopId) ?? null,
      reasons: rejections.reasons,
      failedCriteria: rejections.failedCriteria,
    },
    complaints: complaints.perService.find((c) => c.sopId === sopId) ?? null,
    satisfaction: satisfaction.perService.find((s) => s.sopId === sopId) ?? null,
  };
  return { ...figures, revisionPoints: revisionPoints(figures) };
}
