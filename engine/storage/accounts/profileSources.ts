import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { JsonList, JsonObject, Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

/**
 * The access profile's sources as columns of a query over `users u` joined to `regencies r` (two
 * bindings: the moment, twice): the regency's role table, active delegations and the SOP list, in one round trip.
 */
export const PROFILE_SOURCE_COLUMNS = `
  r.config->'roles' AS profile_roles,
  r.config->'archiveControl' AS profile_archive_control,
  r.config->'units' AS profile_units,
  u.areas AS profile_areas,
  (SELECT coalesce(json_agg(json_build_object('fromUserId', du.id, 'fromName', du.display_name, 'roles', du.roles) ORDER BY d.id), '[]'::json)
     FROM delegations d JOIN users du ON du.id = d.from_user_id
    WHERE d.regency_id = u.regency_id AND d.to_user_id = u.id AND d.starts_at <= ? AND d.ends_at > ?) AS profile_delegations,
  (SELECT coalesce(json_agg(json_build_object('sopId', ds.sop_id, 'unit', ds.unit, 'confidential', ds.confidential) ORDER BY ds.sop_id), '[]'::json)
     FROM definitions ds WHERE ds.regency_id = u.regency_id) AS profile_sops`;

/** The columns of PROFILE_SOURCE_COLUMNS (the JSON ones checked for their kind; their owners read the inside). */
export const ProfileSourceColumns = {
  profile_roles: Nullable(JsonList<RawRegency['roles']>()),
  profile_archive_control: Nullable(JsonObject<{ approvers?: string[] }>()),
  profile_units: Nullable(JsonList<Array<{ id: string; parent?: string }>>()),
  profile_areas: Nullable(Type.Array(Type.String())),
  profile_delegations: JsonList<Array<{ fromUserId: string; fromName: string; roles: string[] }>>(),
  profile_sops: JsonList<Array<{ sopId: string; unit: string | null; confidential: boolean }>>(),
};

const ProfileSourceSchema = Type.Object(ProfileSourceColumns);

/** A row carrying PROFILE_SOURCE_COLUMNS. */
export type ProfileSourceRow = Static<typeof ProfileSourceSchema>;

const profileSourceRow = rowDecoder('users (profile sources)', ProfileSourceSchema);

/** The profile sources of one user at `now` (undefined when the user does not exist). */
export async function readProfileSources(db: Knex, userId: string, now: Date): Promise<ProfileSourceRow | undefined> {
  const [row] = await sqlRows(
    db,
    `SELECT ${PROFILE_SOURCE_COLUMNS} FROM users u LEFT JOIN regencies r ON r.id = u.regency_id WHERE u.id = ?`,
    [now, now, userId],
    profileSourceRow,
  );
  return row;
}
