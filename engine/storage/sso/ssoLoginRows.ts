import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { rowDecoder } from '../rowDecoder.ts';

const PendingLoginSchema = Type.Object({
  id: Type.String(),
  state: Type.String(),
  nonce: Type.String(),
  code_verifier: Type.String(),
});

/** A started SSO login waiting for its callback (stored by the hash of the browser's login id). */
export type PendingLogin = Static<typeof PendingLoginSchema>;

// Compiled once, at module load.
const pendingLogins = rowDecoder('sso_logins (pending)', PendingLoginSchema);

/** Stores a started login, first clearing the logins that expired. */
export async function insertSsoLogin(
  db: Knex,
  login: PendingLogin & { regencyId: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db('sso_logins').where('expires_at', '<', now).delete();
  await db('sso_logins').insert({
    id: login.id,
    regency_id: login.regencyId,
    state: login.state,
    nonce: login.nonce,
    code_verifier: login.code_verifier,
    expires_at: login.expiresAt,
  });
}

/**
 * The unused, unexpired login with this id hash in the regency, marked used in the statement that checks
 * it is unused (a callback works once); undefined when there is none or another callback took it.
 */
export async function takeSsoLogin(
  db: Knex,
  idHash: string,
  regencyId: string,
  now: Date,
): Promise<PendingLogin | undefined> {
  const row = pendingLogins.first(
    await db('sso_logins')
      .where({ id: idHash, regency_id: regencyId })
      .whereNull('used_at')
      .andWhere('expires_at', '>', now)
      .first('id', 'state', 'nonce', 'code_verifier'),
  );
  if (!row || (await db('sso_logins').where({ id: row.id }).whereNull('used_at').update({ used_at: now })) !== 1)
    return undefined;
  return row;
}
