import type { Knex } from 'knex';
import type { RawRegency, RoleKind } from '../../definition/sopTypes.ts';
import type { AuthUser } from '../authUser.ts';
import { activeDelegations } from '../resolveActor.ts';

/** What the permission module knows about a signed-in user: role kinds and units, own and delegated. */
export interface AccessProfile {
  userId: string;
  regencyId: string;
  /** Role ids held, including those carried for a delegating official (Plt/Plh/cover). */
  roles: string[];
  kinds: ReadonlySet<RoleKind>;
  /** Units of the user's staff roles: their non-confidential SOPs are visible. */
  staffUnits: string[];
  /** Units of the user's kabid roles: all their SOPs are visible. */
  kabidUnits: string[];
  /** The user and the officials they act for: tasks assigned to any of them are the user's. */
  assignees: string[];
  /** Roles the regency names in archiveControl.approvers (empty: the default rule applies). */
  archiveApprovers: string[];
}

type RegencyRoles = { roles: RawRegency['roles']; archiveControl?: { approvers?: string[] } };

/** Builds the profile from the regency's role table (pure: the same roles always give the same rights). */
export function profileFromRoles(user: Pick<AuthUser, 'id' | 'regencyId'>, roleIds: readonly string[], delegators: readonly string[], regency: RegencyRoles): AccessProfile {
  const held = regency.roles.filter((r) => roleIds.includes(r.id));
  const kindOf = (r: RawRegency['roles'][number]): RoleKind => r.kind ?? 'staff';
  const unitsOf = (kind: RoleKind): string[] => [...new Set(held.filter((r) => kindOf(r) === kind && r.unit !== undefined).map((r) => r.unit!))];
  return {
    userId: user.id,
    regencyId: user.regencyId,
    roles: [...new Set(roleIds)],
    kinds: new Set(held.map(kindOf)),
    staffUnits: unitsOf('staff'),
    kabidUnits: unitsOf('kabid'),
    assignees: [user.id, ...delegators],
    archiveApprovers: regency.archiveControl?.approvers ?? [],
  };
}

/** Loads the user's profile: their roles plus active delegations, read against the regency's role table. */
export async function loadAccessProfile(db: Knex, user: AuthUser, now = new Date()): Promise<AccessProfile> {
  const row = (await db('regencies').where({ id: user.regencyId }).first(db.raw(`config->'roles' as roles`), db.raw(`config->'archiveControl' as "archiveControl"`))) as { roles: RawRegency['roles'] | null; archiveControl: { approvers?: string[] } | null } | undefined;
  const delegations = await activeDelegations(db, user, now);
  const regency: RegencyRoles = { roles: row?.roles ?? [] };
  if (row?.archiveControl) regency.archiveControl = row.archiveControl;
  return profileFromRoles(user, [...user.roles, ...delegations.flatMap((d) => d.roles)], delegations.map((d) => d.fromUserId), regency);
}
