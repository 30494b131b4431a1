import type { Knex } from 'knex';
import { retentionYearsPerSop } from '../../storage/retention/retentionRows.ts';

/** An SOP's retention period, from its latest published version. */
export interface RetentionPolicy {
  regencyId: string;
  sopId: string;
  years: number;
}

/**
 * The SOPs that set `retention.years`. The latest version speaks for all the SOP's cases: retention is a
 * data policy of the office, not a rule of the process a case followed. SOPs without it keep their data
 * (reported by the job) — nothing is erased on a guessed period.
 */
export async function retentionPolicies(db: Knex): Promise<{ policies: RetentionPolicy[]; withoutRetention: number }> {
  const rows = await retentionYearsPerSop(db);
  const policies = rows
    .filter((r) => r.years !== null && r.years > 0)
    .map((r) => ({ regencyId: r.regency_id, sopId: r.sop_id, years: r.years! }));
  return { policies, withoutRetention: rows.length - policies.length };
}

/** The moment before which a case must have closed for its retention to be over. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
