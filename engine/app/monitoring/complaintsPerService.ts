import type { Knex } from 'knex';
import { complaintSopIds } from './complaintSops.ts';
import { sopAllowed, type MonitoringScope } from './monitoringScope.ts';
import { sopName, type MonitoringContext } from './monitoringContext.ts';
import { complaintIntakeRows, complaintsAboutServiceRows } from '../../storage/monitoring/complaintRows.ts';

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
  const perService = await complaintsAboutServiceRows(db, scope);
  const complaintSops = complaintSopIds(context).filter(
    (id) => (scope.sopId === undefined || id === scope.sopId) && sopAllowed(scope.sops, id),
  );
  const intake = await complaintIntakeRows(db, scope, complaintSops);
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
