import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';

/** A `users` row as the account services read it. */
export interface AccountRow {
  id: string;
  regency_id: string;
  username: string;
  display_name: string;
  roles: string[];
  nip: string | null;
  position: string | null;
  unit: string | null;
  email: string | null;
  phone: string | null;
  areas: string[];
  active: boolean;
  locked_until: Date | string | null;
  must_change_password: boolean;
  is_demo: boolean;
  platform_admin: boolean;
  created_at: Date | string;
  password_changed_at: Date | string | null;
}

/** An account as the API, the CLI and the admin screen show it (no hash, no token). */
export interface AccountSummary {
  id: string;
  regencyId: string;
  username: string;
  name: string;
  roles: string[];
  nip: string | null;
  position: string | null;
  unit: string | null;
  email: string | null;
  phone: string | null;
  areas: string[];
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  demo: boolean;
  platformAdmin: boolean;
  createdAt: string;
}

/** The columns of AccountRow, for selects. */
export const ACCOUNT_COLUMNS = [
  'id',
  'regency_id',
  'username',
  'display_name',
  'roles',
  'nip',
  'position',
  'unit',
  'email',
  'phone',
  'areas',
  'active',
  'locked_until',
  'must_change_password',
  'is_demo',
  'platform_admin',
  'created_at',
  'password_changed_at',
] as const;

/** The summary of a row at a moment (locked while locked_until lies ahead). */
export function toSummary(row: AccountRow, now = new Date()): AccountSummary {
  return {
    id: row.id,
    regencyId: row.regency_id,
    username: row.username,
    name: row.display_name,
    roles: row.roles,
    nip: row.nip,
    position: row.position,
    unit: row.unit,
    email: row.email,
    phone: row.phone,
    areas: row.areas,
    active: row.active,
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
    mustChangePassword: row.must_change_password,
    demo: row.is_demo,
    platformAdmin: row.platform_admin,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The account with this username (optionally only within one regency), or a 404 naming it. */
export async function findAccount(db: Knex, username: string, regencyId?: string): Promise<AccountRow> {
  const query = db('users').where({ username });
  if (regencyId !== undefined) query.andWhere({ regency_id: regencyId });
  const row = (await query.first(...ACCOUNT_COLUMNS)) as AccountRow | undefined;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      regencyId === undefined
        ? `Pengguna "${username}" tidak ada.`
        : `Pengguna "${username}" tidak ada di kabupaten ini.`,
      '/username',
    );
  return row;
}
