import type { CaseScope } from '../../storage/cases/caseVisibility.ts';
import type { AccessProfile } from './accessProfile.ts';
import type { SopAccessInfo } from './sopAccessInfo.ts';

/** Computes the scope from the profile and the regency's SOPs (pure). */
export function scopeOf(profile: AccessProfile, sops: readonly SopAccessInfo[]): CaseScope {
  const confidential = sops.filter((s) => s.confidential).map((s) => s.sopId);
  const readsAll = profile.kinds.has('kadis') || profile.kinds.has('auditor');
  const readsAllButConfidential = profile.kinds.has('sekretaris') || profile.kinds.has('admin');
  const unitSops = sops
    .filter(
      (s) =>
        s.unit !== null &&
        (profile.kabidUnits.includes(s.unit) || (profile.staffUnits.includes(s.unit) && !s.confidential)),
    )
    .map((s) => s.sopId);
  return {
    all: readsAll || readsAllButConfidential,
    exceptSops: readsAll ? [] : confidential,
    sops: unitSops,
    roles: profile.roles,
    assignees: profile.assignees,
    areas: profile.areas ?? [],
  };
}

/** The user's case scope, from the profile and the SOP list read with it. */
export function caseScopeOf(profile: AccessProfile): CaseScope {
  return scopeOf(profile, profile.sops);
}
