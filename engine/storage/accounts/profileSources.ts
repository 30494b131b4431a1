import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { JsonList, JsonObject, Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

/** The parts of a regency's configuration an access profile reads (its role table, units, archive approvers). */
export interface RegencyProfileParts {
  roles: RawRegency['roles'] | null;
  archiveControl: { approvers?: string[] } | null;
  units: Array<{ id: string; parent?: string }> | null;
}

/**
 * The access profile's sources as columns of a query over `users u` joined to `regencies r` (three
 * bindings: the regency version the caller already holds, then the moment twice): the regency's
 * role table, active delegations and the SOP list, in one round trip. The regency's parts come only
 * when its row is not the version the caller holds (`r.xmin` changes with every update of the row),
 * so a request does not carry and parse the same few kilobytes of role table each time.
 */
export const PROFILE_SOURCE_COLUMNS = `
  r.id || ':' || r.xmin::text AS profile_regency_version,
  CASE WHEN r.id || ':' || r.xmin::text = ? THEN NULL
       ELSE json_build_object('roles', r.config->'roles', 'archiveControl', r.config->'archiveControl', 'units', r.config->'units')
  END AS profile_regency,
  u.areas AS profile_areas,
  (SELECT coalesce(json_agg(json_build_object('fromUserId', du.id, 'fromName', du.display_name, 'roles', du.roles) ORDER BY d.id), '[]'::json)
     FROM delegations d JOIN users du ON du.id = d.from_user_id
    WHERE d.regency_id = u.regency_id AND d.to_user_id = u.id AND d.starts_at <= ? AND d.ends_at > ?) AS profile_delegations,
  (SELECT coalesce(json_agg(json_build_object('sopId', ds.sop_id, 'unit', ds.unit, 'confidential', ds.confidential) ORDER BY ds.sop_id), '[]'::json)
     FROM definitions ds WHERE ds.regency_id = u.regency_id) AS profile_sops`;

const RegencyPartsSchema = Type.Object({
  roles: Nullable(JsonList<NonNullable<RegencyProfileParts['roles']>>()),
  archiveControl: Nullable(JsonObject<NonNullable<RegencyProfileParts['archiveControl']>>()),
  units: Nullable(JsonList<NonNullable<RegencyProfileParts['units']>>()),
});

/** The columns of PROFILE_SOURCE_COLUMNS (the JSON ones checked for their kind; their owners read the inside). */
export const ProfileSourceColumns = {
  profile_regency_version: Nullable(Type.String()),
  profile_regency: Nullable(RegencyPartsSchema),
  profile_areas: Nullable(Type.Array(Type.String())),
  profile_delegations: JsonList<Array<{ fromUserId: string; fromName: string; roles: string[] }>>(),
  profile_sops: JsonList<Array<{ sopId: string; unit: string | null; confidential: boolean }>>(),
};

const ProfileSourceSchema = Type.Object(ProfileSourceColumns);

/** A row carrying PROFILE_SOURCE_COLUMNS. */
export type ProfileSourceRow = Static<typeof ProfileSourceSchema>;

/** The profile sources with the regency's parts in hand (read now, or held from an earlier read of the same version). */
export type ProfileSources = Omit<ProfileSourceRow, 'profile_regency' | 'profile_regency_version'> & {
  regency: RegencyProfileParts | null;
};

// Regency parts by row version, and the version last seen per caller key (a session's token hash). Both
// bounded: the oldest entries go first. Only what the database says is current is ever used.
const PARTS_KEPT = 64;
const CALLERS_KEPT = 10_000;
const partsByVersion = new Map<string, RegencyProfileParts>();
const versionByCaller = new Map<string, string>();

function keep<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

/** The regency version to send as the first binding for this caller: the parts are then left out when unchanged. */
export function heldRegencyVersion(callerKey: string | undefined): string {
  const version = callerKey === undefined ? undefined : versionByCaller.get(callerKey);
  return version !== undefined && partsByVersion.has(version) ? version : '';
}

/**
 * The row's sources with the regency's parts resolved, or undefined when the row left them out for a
 * version no longer held (evicted meanwhile): the caller then reads again holding none.
 */
export function resolveProfileSources(
  row: ProfileSourceRow,
  callerKey: string | undefined,
): ProfileSources | undefined {
  const { profile_regency, profile_regency_version, ...rest } = row;
  let regency: RegencyProfileParts | null = profile_regency;
  if (profile_regency_version !== null) {
    if (profile_regency !== null) keep(partsByVersion, profile_regency_version, profile_regency, PARTS_KEPT);
    else {
      const held = partsByVersion.get(profile_regency_version);
      if (held === undefined) return undefined;
      regency = held;
    }
    if (callerKey !== undefined) keep(versionByCaller, callerKey, profile_regency_version, CALLERS_KEPT);
  }
  return { ...rest, regency };
}

const profileSourceRow = rowDecoder('users (profile sources)', ProfileSourceSchema);

/** The profile sources of one user at `now` (undefined when the user does not exist). */
export async function readProfileSources(db: Knex, userId: string, now: Date): Promise<ProfileSources | undefined> {
  const [row] = await sqlRows(
    db,
    `SELECT ${PROFILE_SOURCE_COLUMNS} FROM users u LEFT JOIN regencies r ON r.id = u.regency_id WHERE u.id = ?`,
    ['', now, now, userId],
    profileSourceRow,
  );
  return row ? resolveProfileSources(row, undefined) : undefined;
}
