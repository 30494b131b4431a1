import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const actingForRowDecoder = rowDecoder(
  'delegations (Plt/Plh in force)',
  Type.Object({
    id: Type.String(),
    display_name: Type.String(),
    roles: Type.Array(Type.String()),
    kind: Type.Union([Type.Literal('plt'), Type.Literal('plh')]),
  }),
);
const signerIdentityRows = rowDecoder(
  'users (signer identity)',
  Type.Object({ display_name: Type.String(), nip: Nullable(Type.String()) }),
);

/** An official who handed their roles to the user as Plt or Plh. */
export type ActingForRow = { id: string; display_name: string; roles: string[]; kind: 'plt' | 'plh' };

/**
 * Plt/Plh delegations to `userId` in force at `now` within the regency, the most recent first, with the
 * delegating official's roles (out-of-office cover, `cuti`, carries no authority to sign and is left out).
 */
export async function actingForRows(db: Knex, regencyId: string, userId: string, now: Date): Promise<ActingForRow[]> {
  return actingForRowDecoder.rows(
    await db('delegations as d')
      .join('users as u', 'u.id', 'd.from_user_id')
      .where({ 'd.regency_id': regencyId, 'd.to_user_id': userId })
      .whereIn('d.kind', ['plt', 'plh'])
      .andWhere('d.starts_at', '<=', now)
      .andWhere('d.ends_at', '>', now)
      .orderBy('d.starts_at', 'desc')
      .select('u.id', 'u.display_name', 'u.roles', 'd.kind'),
  );
}

/** The name and NIP a user signs with, as their account holds them now. */
export async function signerIdentity(
  db: Knex,
  userId: string,
): Promise<{ display_name: string; nip: string | null } | undefined> {
  return signerIdentityRows.first(await db('users').where({ id: userId }).first('display_name', 'nip'));
}
