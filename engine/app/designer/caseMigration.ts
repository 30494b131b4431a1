import type { Knex } from 'knex';
import { applyCommand } from '../../core/applyCommand.ts';
import { migrationBlocker, missingCaseData } from '../../core/commands/migrateVersion.ts';
import { planNotifications } from '../../notifications/planNotifications.ts';
import { ConcurrentChangeError, loadCase, saveTransition } from '../../storage/caseRepository.ts';
import { runningCasesBelow, setCaseVersion, versionNumberOf } from '../../storage/cases/caseMigrationRows.ts';
import { getLatestVersion, getVersion, type DefinitionVersion } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { executableOf } from '../executableCache.ts';
import { resolveActor } from '../resolveActor.ts';
import { sqlOf } from '../../storage/sql.ts';

/** What moving one running case would do (no personal data: the tracking code identifies it). */
export interface MigrationPlan {
  caseId: string;
  trackingCode: string;
  fromVersion: number;
  openedAt: string;
  currentStep: { id: string; activity: string } | null;
  /** The step the case would be on in the new version, or null when it cannot move. */
  landsOn: { id: string; activity: string } | null;
  blocker: string | null;
  missingData: Array<{ field: string; title: string }>;
}

async function targetVersion(
  db: Knex,
  regencyId: string,
  sopId: string,
  toVersion: number | undefined,
): Promise<DefinitionVersion> {
  const target =
    toVersion === undefined
      ? await getLatestVersion(db, regencyId, sopId)
      : await getVersion(db, regencyId, sopId, toVersion);
  if (!target) throw new AppError('NOT_FOUND', 'Versi tujuan tidak ditemukan.', '/toVersion');
  return target;
}

/** Dry run: for each running case on an older version, the step it would land on and the data it lacks. */
export async function planMigration(
  db: Knex,
  regencyId: string,
  sopId: string,
  toVersion?: number,
): Promise<{ toVersion: number; cases: MigrationPlan[] }> {
  const target = await targetVersion(db, regencyId, sopId, toVersion);
  const { exe } = executableOf(target);
  const rows = await runningCasesBelow(db, regencyId, sopId, target.version);
  const cases = rows.map((row): MigrationPlan => {
    const stepId = row.state.currentStepId;
    const newStep = stepId !== undefined ? exe.stepById.get(stepId) : undefined;
    const blocker = migrationBlocker(exe, row.state) ?? null;
    return {
      caseId: row.id,
      trackingCode: row.trackingCode,
      fromVersion: row.version,
      openedAt: row.openedAt,
      currentStep: stepId !== undefined ? { id: stepId, activity: newStep?.activity ?? stepId } : null,
      landsOn: blocker === null && newStep ? { id: newStep.id, activity: newStep.activity } : null,
      blocker,
      missingData: missingCaseData(exe, row.state.data),
    };
  });
  return { toVersion: target.version, cases };
}

/**
 * Moves the confirmed cases to the target version, all or none: each move runs the engine's pure
 * `migrate` command (a `case.migrated` event on the case's timeline) and repoints the case's version.
 */
export async function confirmMigration(
  db: Knex,
  user: AuthUser,
  sopId: string,
  toVersion: number,
  caseIds: string[],
  note?: string,
  now = new Date(),
): Promise<Array<{ caseId: string; fromVersion: number; toVersion: number }>> {
  const target = await targetVersion(db, user.regencyId, sopId, toVersion);
  const { exe, calendar } = executableOf(target);
  const by = await resolveActor(sqlOf(db), user, now);
  const moved: Array<{ caseId: string; fromVersion: number; toVersion: number }> = [];
  await db.transaction(async (trx) => {
    for (const caseId of [...new Set(caseIds)]) {
      const stored = await loadCase(trx, user.regencyId, caseId);
      if (!stored || stored.sopId !== sopId)
        throw new AppError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan pada SOP ini.`, '/caseIds');
      const fromVersion = await versionNumberOf(trx, stored.versionId);
      if (fromVersion === undefined)
        throw new AppError('NOT_FOUND', `Versi kasus ${stored.trackingCode} tidak ditemukan.`, '/caseIds');
      if (fromVersion >= target.version)
        throw new AppError('CONFLICT', `Kasus ${stored.trackingCode} sudah memakai versi ${fromVersion}.`, '/caseIds');
      const result = await applyCommand(
        exe,
        stored.state,
        {
          type: 'migrate',
          fromVersion,
          toVersion: target.version,
          ...(note !== undefined ? { note } : {}),
        },
        { now, calendar, by },
      );
      if (!result.ok)
        throw new AppError(
          'UNPROCESSABLE',
          `Kasus ${stored.trackingCode}: ${result.error.message}`,
          '/caseIds',
          undefined,
          'MIGRATION_NOT_ALLOWED',
        );
      try {
        const notifications = planNotifications({
          definition: exe.definition,
          ...result,
          trackingCode: stored.trackingCode,
        });
        await saveTransition(sqlOf(trx), stored, result.state, result.events, notifications);
      } catch (error) {
        if (error instanceof ConcurrentChangeError)
          throw new AppError('CONFLICT', `Kasus ${stored.trackingCode}: ${error.message}`, '/caseIds');
        throw error;
      }
      await setCaseVersion(trx, user.regencyId, caseId, target.id);
      moved.push({ caseId, fromVersion, toVersion: target.version });
    }
  });
  return moved;
}
