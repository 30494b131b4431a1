import type { Knex } from 'knex';

/** One cycle of a scheduled SOP, claimed by the process that opens its case. */
export interface ScheduledRunClaim {
  regencyId: string;
  sopId: string;
  runKey: string;
  caseId: string;
  openedAt: Date;
}

/**
 * Claims a cycle: true when this insert landed, false when another process (or an earlier turn) already
 * opened that cycle's case. Run it in the transaction that inserts the case, so a claim never outlives it.
 */
export async function claimScheduledRun(trx: Knex.Transaction, claim: ScheduledRunClaim): Promise<boolean> {
  const inserted = (await trx('scheduled_runs')
    .insert({
      regency_id: claim.regencyId,
      sop_id: claim.sopId,
      run_key: claim.runKey,
      case_id: claim.caseId,
      opened_at: claim.openedAt,
    })
    .onConflict(['regency_id', 'sop_id', 'run_key'])
    .ignore()
    .returning('run_key')) as unknown[];
  return inserted.length === 1;
}
