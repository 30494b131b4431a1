import type { Knex } from 'knex';
import { withSystemScope } from '../../storage/regencyScope.ts';
import { claimExpiredCases } from '../../storage/retention/retentionRows.ts';
import { anonymiseCaseData } from './anonymiseCaseData.ts';
import { retentionCutoff, retentionPolicies } from './retentionPolicies.ts';

/** What one retention run did. */
export interface RetentionResult {
  anonymised: number;
  failed: number;
  sopsWithoutRetention: number;
}

/**
 * The retention job: anonymises closed cases whose SOP's retention period has passed. It runs as the
 * system role (every regency) — the one deliberate bypass of row-level security besides the overdue
 * sweep. Cases are claimed with SKIP LOCKED so parallel runners share the work; each case is its own
 * savepoint, so one failing case neither blocks nor undoes the others.
 */
export async function anonymiseExpiredCases(db: Knex, now = new Date(), batch = 200): Promise<RetentionResult> {
  return withSystemScope(db, async (trx) => {
    const { policies, withoutRetention } = await retentionPolicies(trx);
    const result: RetentionResult = { anonymised: 0, failed: 0, sopsWithoutRetention: withoutRetention };
    for (const policy of policies) {
      const due = await claimExpiredCases(trx, policy, retentionCutoff(now, policy.years), batch);
      for (const { id } of due) {
        try {
          await trx.transaction((savepoint) => anonymiseCaseData(savepoint, policy.regencyId, id, now));
          result.anonymised += 1;
        } catch {
          // Left for the next run; the job's result (jobs.last_result) shows the count.
          result.failed += 1;
        }
      }
    }
    return result;
  });
}
