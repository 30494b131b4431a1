import { unitOfCaseSop } from '../../storage/cases/caseOfTarget.ts';
import type { Sql } from '../../storage/sql.ts';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from './accessProfile.ts';
import { ACTION_RULES, kindsAllow, type Action } from './actions.ts';
import { hasArchiveAuthority } from './archiveAuthority.ts';
import { caseOfPath, type PathCase } from './caseTargets.ts';

/** Machine reasons of a permission refusal (the engine's own refusals carry engine codes instead); 404s of the check carry TARGET_NOT_FOUND. */
export type DenialReason = 'NO_POLICY' | 'ROLE_NOT_ALLOWED' | 'OUT_OF_SCOPE';

/** A refusal by the permission module: 403 with a reason the tests and the UI can tell apart. */
export function denied(reason: DenialReason, message: string): AppError {
  return new AppError('FORBIDDEN', message, undefined, undefined, reason);
}

/** Refuses unless the profile's role kinds allow the action at all (403). */
export function assertMayPerform(action: Action, profile: AccessProfile | undefined): void {
  if (!kindsAllow(action, profile?.kinds ?? new Set(), profile !== undefined)) {
    throw denied('ROLE_NOT_ALLOWED', 'Peran Anda tidak berwenang melakukan tindakan ini.');
  }
}

/**
 * Checks the case a request touches (found in the user's regency, else caseOfPath answered 404): 403
 * when it lies outside the user's scope (or, for archive decisions, outside their authority).
 */
export async function assertCaseAllowed(
  sql: Sql,
  action: Action,
  profile: AccessProfile,
  target: PathCase,
): Promise<void> {
  if (ACTION_RULES[action].onCase === 'archive-authority') {
    if (!hasArchiveAuthority(profile, await unitOfCaseSop(sql, target.caseId)))
      throw denied(
        'OUT_OF_SCOPE',
        'Hanya pejabat berwenang (Kepala Dinas, Sekretaris atau Kepala Bidang unit layanan ini) yang dapat memutuskan atau mencatat peminjaman arsip.',
      );
    return;
  }
  if (!target.visible) throw denied('OUT_OF_SCOPE', 'Kasus ini di luar lingkup unit atau tugas Anda.');
}

/**
 * The whole check for one request: the action by role kind, then the case named by the path (if any).
 * Returns the case id the path pointed at, for the access log.
 */
export async function authorizeRequest(
  sql: Sql,
  action: Action,
  profile: AccessProfile | undefined,
  params: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  assertMayPerform(action, profile);
  if (!profile) return undefined;
  const target = await caseOfPath(sql, profile, params);
  if (target !== undefined) await assertCaseAllowed(sql, action, profile, target);
  return target?.caseId;
}
