import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const ActivationLinkRowSchema = Type.Object({
  id: Type.String(),
  expires_at: Timestamp,
  used_at: Nullable(Timestamp),
  user_id: Type.String(),
  username: Type.String(),
  regency_id: Type.String(),
  active: Type.Boolean(),
});

/** An activation link with the account it belongs to. */
export type ActivationLinkRow = Static<typeof ActivationLinkRowSchema>;

// Compiled once, at module load.
const activationLinkRows = rowDecoder('account_tokens (activation link)', ActivationLinkRowSchema);

/** Replaces the unused activation links of an account by a new one (stored by the hash of its token). */
export async function replaceActivationToken(db: Knex, userId: string, hash: string, expiresAt: Date): Promise<void> {
  await db('account_tokens').where({ user_id: userId, purpose: 'activation' }).whereNull('used_at').delete();
  await db('account_tokens').insert({ id: hash, user_id: userId, purpose: 'activation', expires_at: expiresAt });
}

/** The activation link with this token hash, if any. */
export async function activationLink(db: Knex, hash: string): Promise<ActivationLinkRow | undefined> {
  const row = activationLinkRows.first(
    await db('account_tokens as t')
      .join('users as u', 'u.id', 't.user_id')
      .where({ 't.id': hash, 't.purpose': 'activation' })
      .first('t.id', 't.expires_at', 't.used_at', 'u.id as user_id', 'u.username', 'u.regency_id', 'u.active'),
  );
  return row;
}

/** Marks a link used in the same statement that checks it is unused; false when it was used already. */
export async function markTokenUsed(db: Knex, id: string, now: Date): Promise<boolean> {
  return (await db('account_tokens').where({ id }).whereNull('used_at').update({ used_at: now })) === 1;
}
