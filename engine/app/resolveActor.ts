import type { Sql } from '../storage/sql.ts';
import type { Actor } from '../core/caseTypes.ts';
import type { AuthUser } from './authUser.ts';
import type { ActiveDelegation } from './permissions/accessProfile.ts';
import { activeDelegationRows } from '../storage/accounts/delegationRows.ts';

/** Delegations (Plt/Plh/out-of-office) that give `user` someone else's roles right now. */
export async function activeDelegations(sql: Sql, user: AuthUser, now: Date): Promise<ActiveDelegation[]> {
  return activeDelegationRows(sql, user.regencyId, user.id, now);
}

/**
 * The engine actor for a user acting on a task of `taskRole` (or assigned to `assignee`): their own
 * roles first; otherwise the delegated official's, recorded as "on behalf of". (`known` delegations
 * come from the session, read at the start of the same request, so they are as current as a query.)
 */
export async function resolveActor(
  sql: Sql,
  user: AuthUser,
  now: Date,
  task?: { role: string; assignee?: string },
  /** The active delegations when already known (read with the session); otherwise they are queried. */
  known?: readonly ActiveDelegation[],
): Promise<Actor> {
  const actor: Actor = { userId: user.id, name: user.name, roles: [...user.roles] };
  if (!task) return actor;
  const ownsTask = task.assignee !== undefined ? task.assignee === user.id : user.roles.includes(task.role);
  if (ownsTask) return actor;
  for (const d of known ?? (await activeDelegations(sql, user, now))) {
    const covers = task.assignee !== undefined ? task.assignee === d.fromUserId : d.roles.includes(task.role);
    if (covers)
      return {
        userId: user.id,
        name: user.name,
        roles: [...new Set([...user.roles, ...d.roles])],
        onBehalfOf: { userId: d.fromUserId, name: d.fromName },
      };
  }
  return actor;
}
