import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from './accessProfile.ts';
import { ACTION_RULES, kindsAllow, type Action } from './actions.ts';
import { hasArchiveAuthority } from './archiveAuthority.ts';
import { caseVisibility } from './caseScope.ts';
import { caseOfPath } from './caseTargets.ts';

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
 * Checks the case a request touches: 404 when it does not exist in the user's regency, 403 when it
 * exists but lies outside the user's scope (or, for archive decisions, outside their authority).
 */
export async function assertCaseAllowed(db: Knex, action: Action, profile: AccessProfile, caseId: string): Promise<void> {
  const visibility = await caseVisibility(db, profile, caseId);
  if (visibility === 'missing') throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.', undefined, undefined, 'TARGET_NOT_FOUND');
  if (ACTION_RULES[action].onCase === 'archive-authority') {
    const row = (await db('cases as c').leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id')).where('c.id', caseId).first('d.unit')) as { unit: string | null } | undefined;
    if (!hasArchiveAuthority(profile, row?.unit ?? null)) throw denied('OUT_OF_SCOPE', 'Hanya pejabat berwenang (Kepala Dinas, Sekretaris atau Kepala Bidang unit layanan ini) yang dapat memutuskan atau mencatat peminjaman arsip.');
    return;
  }
  if (visibility === 'hidden') throw denied('OUT_OF_SCOPE', 'Kasus ini di luar lingkup unit atau tugas Anda.');
}

/**
 * The whole check for one request: the action by role kind, then the case named by the path (if any).
 * Returns the case id the path pointed at, for the access log.
 */
export async function authorizeRequest(db: Knex, action: Action, profile: AccessProfile | undefined, params: Readonly<Record<string, string>>): Promise<string | undefined> {
  assertMayPerform(action, profile);
  if (!profile) return undefined;
  const caseId = await caseOfPath(db, profile.regencyId, params);
  if (caseId !== undefined) await assertCaseAllowed(db, action, profile, caseId);
  return caseId;
}
