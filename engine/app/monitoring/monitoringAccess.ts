import type { AccessProfile } from '../permissions/accessProfile.ts';
import { denied } from '../permissions/authorize.ts';
import { caseScopeOf } from '../permissions/caseScope.ts';
import { sopAllowed, type SopFilter } from './monitoringScope.ts';

/**
 * The SOPs whose figures a user may see: the same grounds as reading their cases, by SOP — the whole
 * regency for kadis and auditors, all but confidential SOPs for sekretaris and admin, the unit's SOPs
 * for a kabid. Undefined means every SOP.
 */
export function monitoringSopFilter(access: AccessProfile): SopFilter | undefined {
  const scope = caseScopeOf(access);
  if (scope.all) return scope.exceptSops.length > 0 ? { except: scope.exceptSops } : undefined;
  return { only: scope.sops };
}

/**
 * Who may read one SOP's yearly evaluation: those who may see its figures, and drafters and approvers
 * for every SOP that is not confidential (they revise and approve them; confidential services keep their
 * rejection reasons within the unit).
 */
export function assertMayEvaluate(access: AccessProfile, sopId: string): void {
  if (sopAllowed(monitoringSopFilter(access), sopId)) return;
  const drafts = access.kinds.has('drafter') || access.kinds.has('approver');
  const info = access.sops.find((s) => s.sopId === sopId);
  if (drafts && info && !info.confidential) return;
  throw denied('OUT_OF_SCOPE', 'Layanan ini di luar lingkup unit Anda.');
}

/** Refuses a requested SOP outside the user's filter (403), so a chart never shows a silently empty series. */
export function assertSopVisible(sops: SopFilter | undefined, sopId: string | undefined): void {
  if (sopId !== undefined && !sopAllowed(sops, sopId))
    throw denied('OUT_OF_SCOPE', 'Layanan ini di luar lingkup unit Anda.');
}
