import type { AccessProfile } from './accessProfile.ts';

/**
 * Who may approve, refuse and record the hand-over and return of a case file (Bengkayang Lampiran
 * II.D.3 "atas dasar kewenangan"): the Kepala Dinas always; then the roles the regency lists in
 * `archiveControl.approvers`, or by default the Sekretaris (Lampiran II.C.2: arsip) and the Kepala
 * Bidang of the unit whose SOP the case follows.
 */
export function hasArchiveAuthority(profile: AccessProfile, caseUnit: string | null): boolean {
  if (profile.kinds.has('kadis')) return true;
  if (profile.archiveApprovers.length > 0) return profile.roles.some((r) => profile.archiveApprovers.includes(r));
  if (profile.kinds.has('sekretaris')) return true;
  return caseUnit !== null && profile.kabidUnits.includes(caseUnit);
}
