import type { Knex } from 'knex';
import type { RawRegency, RoleKind } from '../../definition/sopTypes.ts';
import { readProfileSources, type ProfileSources } from '../../storage/accounts/profileSources.ts';
import type { AuthUser } from '../authUser.ts';
import { areaAddresses, type AreaAddress } from '../../regions/areaAddresses.ts';
import type { SopAccessInfo } from './sopAccessInfo.ts';

/** An active delegation to the user: whose roles they carry (Plt/Plh/out-of-office), right now. */
export interface ActiveDelegation {
  fromUserId: string;
  fromName: string;
  roles: string[];
}

/** What the permission module knows about a signed-in user: role kinds and units, own and delegated. */
export interface AccessProfile {
  userId: string;
  regencyId: string;
  /** Role ids held, including those carried for a delegating official (Plt/Plh/cover). */
  roles: string[];
  kinds: ReadonlySet<RoleKind>;
  /** Units of the user's staff roles: their non-confidential SOPs are visible. */
  staffUnits: string[];
  /** Units headed by the user (kabid, kasi, kasubbag roles) and the units nested under them: all their SOPs are visible. */
  kabidUnits: string[];
  /** The user and the officials they act for: tasks assigned to any of them are the user's. */
  assignees: string[];
  /** The delegations behind the carried roles, for "on behalf of" records. */
  delegations: ActiveDelegation[];
  /** Roles the regency names in archiveControl.approvers (empty: the default rule applies). */
  archiveApprovers: string[];
  /** Unit and confidentiality of every SOP of the regency, read with the profile: case visibility is decided from them. */
  sops: SopAccessInfo[];
  /** Areas the account is limited to (empty: no limit): only cases whose applicant address lies there are visible. */
  areas: AreaAddress[];
}

type RegencyRoles = {
  roles: RawRegency['roles'];
  archiveControl?: { approvers?: string[] };
  units?: Array<{ id: string; parent?: string }>;
};

/** The units and every unit nested under them (a Bidang's Seksi, the Sekretariat's Subbagian). */
function withNested(units: string[], all: ReadonlyArray<{ id: string; parent?: string }>): string[] {
  const result = new Set(units);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of all)
      if (unit.parent !== undefined && result.has(unit.parent) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
  }
  return [...result];
}

const HEAD_KINDS: readonly RoleKind[] = ['kabid', 'kasi', 'kasubbag'];

/** Builds the profile from the regency's role table (pure: the same roles always give the same rights). */
export function profileFromRoles(
  user: Pick<AuthUser, 'id' | 'regencyId' | 'roles'>,
  delegations: readonly ActiveDelegation[],
  regency: RegencyRoles,
  sops: readonly SopAccessInfo[] = [],
  areaCodes: readonly string[] = [],
): AccessProfile {
  const roleIds = [...user.roles, ...delegations.flatMap((d) => d.roles)];
  const held = regency.roles.filter((r) => roleIds.includes(r.id));
  const kindOf = (r: RawRegency['roles'][number]): RoleKind => r.kind ?? 'staff';
  const unitsOf = (kinds: readonly RoleKind[]): string[] =>
    withNested(
      [...new Set(held.filter((r) => kinds.includes(kindOf(r)) && r.unit !== undefined).map((r) => r.unit!))],
      regency.units ?? [],
    );
  return {
    userId: user.id,
    regencyId: user.regencyId,
    roles: [...new Set(roleIds)],
    kinds: new Set(held.map(kindOf)),
    staffUnits: unitsOf(['staff']),
    kabidUnits: unitsOf(HEAD_KINDS),
    assignees: [user.id, ...delegations.map((d) => d.fromUserId)],
    delegations: [...delegations],
    archiveApprovers: regency.archiveControl?.approvers ?? [],
    sops: [...sops],
    areas: areaAddresses(user.regencyId, areaCodes),
  };
}

/** The profile of `user` from its sources (a row carrying PROFILE_SOURCE_COLUMNS, resolved). */
export function profileFromRow(user: AuthUser, row: ProfileSources): AccessProfile {
  const regency: RegencyRoles = { roles: row.regency?.roles ?? [], units: row.regency?.units ?? [] };
  if (row.regency?.archiveControl) regency.archiveControl = row.regency.archiveControl;
  return profileFromRoles(user, row.profile_delegations, regency, row.profile_sops, row.profile_areas ?? []);
}

/** Loads the user's profile in one query: their roles plus active delegations, read against the regency's role table, and the regency's SOPs. */
export async function loadAccessProfile(db: Knex, user: AuthUser, now = new Date()): Promise<AccessProfile> {
  const row = await readProfileSources(db, user.id, now);
  return profileFromRow(user, row ?? { regency: null, profile_areas: null, profile_delegations: [], profile_sops: [] });
}
