import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { scheduledRunAt } from '../calendar/scheduledRun.ts';
import { applyCommand } from '../core/applyCommand.ts';
import { planNotifications } from '../notifications/planNotifications.ts';
import { insertCase } from '../storage/caseRepository.ts';
import { listLatestScheduledVersions } from '../storage/definitionRepository.ts';
import { claimScheduledRun } from '../storage/scheduledRunRepository.ts';
import { newTrackingCode } from './caseService.ts';
import { executableOf } from './executableCache.ts';

/** What one turn of the scheduled-start job did. */
export interface ScheduledStartResult {
  opened: Array<{ regencyId: string; sopId: string; runKey: string; caseId: string }>;
  /** SOPs whose run could not start (the case data the schedule fills was refused); the others still ran. */
  failed: Array<{ regencyId: string; sopId: string; runKey: string; code: string }>;
}

// The scheduled case is opened by Alur itself; the timeline names it so, in the office's words.
const SCHEDULE_ACTOR = { userId: 'jadwal', name: 'Jadwal otomatis Alur', roles: [] };

/**
 * Opens the case of every scheduled SOP whose current cycle has opened and has no case yet. Each cycle is
 * claimed in `scheduled_runs` in the transaction that inserts its case, so several processes open it once.
 * Run as the system role (every regency).
 */
export async function openScheduledCases(db: Knex, now = new Date()): Promise<ScheduledStartResult> {
  const result: ScheduledStartResult = { opened: [], failed: [] };
  for (const version of await listLatestScheduledVersions(db)) {
    const schedule = version.definition.schedule;
    if (!schedule) continue;
    const { exe, calendar } = executableOf(version);
    const run = scheduledRunAt(schedule, now, calendar);
    if (!run) continue;
    const caseId = randomUUID();
    const started = await applyCommand(
      exe,
      undefined,
      { type: 'start', caseId, data: run.data },
      { now, calendar, by: SCHEDULE_ACTOR },
    );
    const where = { regencyId: version.regencyId, sopId: version.sopId, runKey: run.key };
    if (!started.ok) {
      result.failed.push({ ...where, code: started.error.code });
      continue;
    }
    const trackingCode = newTrackingCode();
    const notifications = planNotifications({ definition: exe.definition, ...started, trackingCode });
    // A savepoint per SOP: one SOP's clash or failure never undoes another's case.
    const opened = await db.transaction(async (trx) => {
      if (!(await claimScheduledRun(trx, { ...where, caseId, openedAt: now }))) return false;
      await insertCase(trx, {
        versionId: version.id,
        trackingCode,
        state: started.state,
        events: started.events,
        notifications,
      });
      return true;
    });
    if (opened) result.opened.push({ ...where, caseId });
  }
  return result;
}
