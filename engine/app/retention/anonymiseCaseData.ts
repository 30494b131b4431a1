import type { Knex } from 'knex';
import { redactCaseRows } from '../../storage/retention/redactCaseRows.ts';
import { runSystemCommand } from '../caseService.ts';

/**
 * Anonymises one closed case, all in the caller's transaction: the engine replaces the case data with
 * its statistical remainder and appends `case.anonymised`; the applicant columns empty with it; earlier
 * event payloads are redacted by alur_redact_case_events (the same rules as redactEventPayload);
 * scans lose their content; issued letters lose their text; survey comments go.
 */
export async function anonymiseCaseData(
  trx: Knex.Transaction,
  regencyId: string,
  caseId: string,
  now: Date,
): Promise<void> {
  await runSystemCommand(trx, regencyId, caseId, { type: 'anonymise' }, now);
  await redactCaseRows(trx, caseId, now);
}
