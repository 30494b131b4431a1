import type { Knex } from 'knex';
import { complaintSopIds } from './complaintSops.ts';
import { sopAllowed, type MonitoringScope } from './monitoringScope.ts';
import { sopCondition } from '../../storage/monitoring/sopCondition.ts';
import { sopName, type MonitoringContext } from './monitoringContext.ts';
import { sqlRows } from '../../storage/sqlRows.ts';

/** Complaints about one service (complaint cases linked to its cases). */
export interface ComplaintsAboutService {
  sopId: string;
  sopName: string;
  complaints: number;
  /** Of which still being handled. */
  open: number;
  /** Distinct cases complained about. */
  casesConcerned: number;
}

/** Complaint cases of one complaint SOP. */
export interface ComplaintIntake {
  sopId: string;
  sopName: string;
  opened: number;
  open: number;
  /** Linked to the case they concern. */
  linked: number;
}

/** Complaint figures of a period (complaint cases opened in it). */
export interface ComplaintReport {
  perService: ComplaintsAboutService[];
  intake: ComplaintIntake[];
}

/** Complaints per service (through case_links) and complaint cases per complaint SOP, for complaint cases opened in the period. */
export async function complaintsPerService(
  db: Knex,
  context: MonitoringContext,
  scope: MonitoringScope,
): Promise<ComplaintReport> {
  const sop = sopCondition(scope, 't');
  const perService = await sqlRows<{ sop_id: string; complaints: number; open: number; concerned: number }>(
    db,
    `SELECT t.sop_id, count(*)::int AS complaints,
       count(*) FILTER (WHERE f.status IN ('open', 'waiting'))::int AS open,
       count(DISTINCT t.id)::int AS concerned
     FROM case_links l
     JOIN cases f ON f.id = l.from_case_id AND f.regency_id = l.regency_id
     JOIN cases t ON t.id = l.to_case_id AND t.regency_id = l.regency_id
     WHERE l.regency_id = ? AND l.kind = 'complaint' AND f.opened_at >= ? AND f.opened_at < ?${sop.sql}
     GROUP BY t.sop_id
     ORDER BY complaints DESC, t.sop_id`,
    [scope.regencyId, scope.from, scope.to, ...sop.bindings],
  );
  const complaintSops = complaintSopIds(context).filter(
    (id) => (scope.sopId === undefined || id === scope.sopId) && sopAllowed(scope.sops, id),
  );
  const intake =
    complaintSops.length === 0
      ? []
      : await sqlRows<{ sop_id: string; opened: number; open: number; linked: number }>(
          db,
          `SELECT f.sop_id, count(*)::int AS opened,
             count(*) FILTER (WHERE f.status IN ('open', 'waiting'))::int AS open,
             count(l.id)::int AS linked
           FROM cases f LEFT JOIN case_links l ON l.from_case_id = f.id AND l.kind = 'complaint'
           WHERE f.regency_id = ? AND f.opened_at >= ? AND f.opened_at < ? AND f.sop_id IN (${complaintSops.map(() => '?').join(', ')})
           GROUP BY f.sop_id
           ORDER BY f.sop_id`,
          [scope.regencyId, scope.from, scope.to, ...complaintSops],
        );
  return {
    perService: perService.map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      complaints: r.complaints,
      open: r.open,
      casesConcerned: r.concerned,
    })),
    intake: intake.map((r) => ({
      sopId: r.sop_id,
      sopName: sopName(context, r.sop_id),
      opened: r.opened,
      open: r.open,
      linked: r.linked,
    })),
  };
}
