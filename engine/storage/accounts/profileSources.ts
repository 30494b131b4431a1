import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
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

/** A row carrying PROFILE_SOURCE_COLUMNS. */
export interface ProfileSourceRow {
  profile_roles: RawRegency['roles'] | null;
  profile_archive_control: { approvers?: string[] } | null;
  profile_units: Array<{ id: string; parent?: string }> | null;
  profile_areas: string[] | null;
  profile_delegations: Array<{ fromUserId: string; fromName: string; roles: string[] }>;
  profile_sops: Array<{ sopId: string; unit: string | null; confidential: boolean }>;
}

/** The profile sources of one user at `now` (undefined when the user does not exist). */
export async function readProfileSources(db: Knex, userId: string, now: Date): Promise<ProfileSourceRow | undefined> {
  const [row] = await sqlRows<ProfileSourceRow>(
    db,
    `SELECT ${PROFILE_SOURCE_COLUMNS} FROM users u LEFT JOIN regencies r ON r.id = u.regency_id WHERE u.id = ?`,
    [now, now, userId],
  );
  return row;
}
