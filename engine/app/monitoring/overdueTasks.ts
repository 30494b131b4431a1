import type { Knex } from 'knex';
import type { MonitoringScope } from './monitoringScope.ts';
import { roleInfo, sopName, stepActivity, type MonitoringContext } from './monitoringContext.ts';
import { overdueByPersonRows, overdueTaskRows } from '../../storage/monitoring/overdueTaskRows.ts';
import { isoOrNull, rounded } from './sqlValues.ts';

/** One open task past its due time. */
export interface OverdueTask {
  taskId: string;
  caseId: string;
  trackingCode: string;
  sopId: string;
  sopName: string;
  stepId: string;
  activity: string;
  role: string;
  roleName: string;
  unitId: string | null;
  unitName: string | null;
  /** The colleague the task was assigned to or claimed by; null while it sits with the whole role. */
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: string;
  dueAt: string;
  minutesLate: number;
  /** The sweep has written the escalation (task.overdue) already. */
  escalated: boolean;
}

/** Overdue tasks of one person, or of a role nobody has claimed yet. */
export interface OverdueByPerson {
  assigneeId: string | null;
  assigneeName: string | null;
  role: string;
  roleName: string;
  unitId: string | null;
  unitName: string | null;
  tasks: number;
  maxMinutesLate: number | null;
}

/** Overdue tasks of one unit (roles without a unit are grouped under null). */
export interface OverdueByUnit {
  unitId: string | null;
  unitName: string | null;
  tasks: number;
}

/** The overdue list at `now`, with counts by unit and by person. */
export interface OverdueReport {
  total: number;
  byUnit: OverdueByUnit[];
  byPerson: OverdueByPerson[];
  /** The most overdue first, at most `limit`. */
  items: OverdueTask[];
}

/**
 * Open tasks past their due time, of cases the office is working on (a case waiting for the applicant
 * has its clock stopped, so its tasks are not the office's delay).
 */
export async function overdueTasks(
  db: Knex,
  context: MonitoringContext,
  scope: Pick<MonitoringScope, 'regencyId' | 'sopId'>,
  now: Date,
  limit = 200,
): Promise<OverdueReport> {
  const people = await overdueByPersonRows(db, scope, now);
  const items = await overdueTaskRows(db, scope, now, Math.min(Math.max(limit, 1), 1000));
  const byPerson = people
    .map((p) => ({
      assigneeId: p.assignee,
      assigneeName: p.assignee_name,
      role: p.role,
      ...roleInfo(context, p.role),
      tasks: p.tasks,
      maxMinutesLate: rounded(p.max_late),
    }))
    .sort((a, b) => b.tasks - a.tasks || (b.maxMinutesLate ?? 0) - (a.maxMinutesLate ?? 0));
  const units = new Map<string, OverdueByUnit>();
  for (const p of byPerson) {
    const key = p.unitId ?? '';
    const unit = units.get(key) ?? { unitId: p.unitId, unitName: p.unitName, tasks: 0 };
    unit.tasks += p.tasks;
    units.set(key, unit);
  }
  return {
    total: byPerson.reduce((n, p) => n + p.tasks, 0),
    byUnit: [...units.values()].sort((a, b) => b.tasks - a.tasks),
    byPerson,
    items: items.map((r) => ({
      taskId: r.id,
      caseId: r.case_id,
      trackingCode: r.tracking_code,
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      stepId: r.step_id,
      activity: stepActivity(context, r.sop_id, r.step_id),
      role: r.role,
      ...roleInfo(context, r.role),
      assigneeId: r.assignee,
      assigneeName: r.assignee_name,
      createdAt: isoOrNull(r.created_at)!,
      dueAt: isoOrNull(r.due_at)!,
      minutesLate: rounded(r.minutes_late) ?? 0,
      escalated: r.overdue_at !== null,
    })),
  };
}
