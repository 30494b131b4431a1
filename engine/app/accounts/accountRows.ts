import type { Knex } from 'knex';
import { accountByUsername, type AccountRow } from '../../storage/accounts/accountRecords.ts';
import { AppError } from '../appErrors.ts';

export type { AccountRow };

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
  const row = await accountByUsername(db, username, regencyId);
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
