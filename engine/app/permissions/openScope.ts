import type { Knex } from 'knex';
import { getLatestVersion } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AccessProfile } from './accessProfile.ts';
import { denied } from './authorize.ts';

/**
 * Who may open a case of an SOP: office-wide roles (kadis, sekretaris, admin) for any SOP; others for
 * the SOPs of their unit or when their role performs the SOP's first step (the front desk).
 */
export function mayOpenCase(profile: AccessProfile, unit: string | undefined, firstRole: string | undefined): boolean {
  if (profile.kinds.has('kadis') || profile.kinds.has('sekretaris') || profile.kinds.has('admin')) return true;
  if (firstRole !== undefined && profile.roles.includes(firstRole)) return true;
  return unit !== undefined && (profile.kabidUnits.includes(unit) || profile.staffUnits.includes(unit));
}

/** Refuses (404 unknown SOP, 403 outside the user's unit) before a case is opened. */
export async function assertMayOpenCase(db: Knex, profile: AccessProfile, sopId: string): Promise<void> {
  const version = await getLatestVersion(db, profile.regencyId, sopId);
  if (!version) throw new AppError('NOT_FOUND', `Layanan "${sopId}" tidak ditemukan atau belum diterbitkan.`, '/sopId');
  const definition = version.definition;
  const first = definition.steps[0];
  const firstRole = first ? definition.actors.find((a) => a.id === first.actors[0])?.performerRole : undefined;
  if (!mayOpenCase(profile, definition.unit, firstRole))
    throw denied('OUT_OF_SCOPE', 'Layanan ini bukan layanan unit Anda.');
}
