import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';
import { sqlRows } from '../sqlRows.ts';

const IdempotencyKeyRowSchema = Type.Object({
  route: Type.String(),
  request_hash: Type.String(),
  status: Nullable(Type.Number()),
  body: Type.Unknown(),
});

// Compiled once, at module load.
const idempotencyKeyRows = rowDecoder('idempotency_keys', IdempotencyKeyRowSchema);
const insertedKeys = rowDecoder('idempotency_keys (inserted)', Type.Object({ key: Type.String() }));

/** A stored key: the request it was first used for, and its answer once that request committed. */
export type IdempotencyKeyRow = Static<typeof IdempotencyKeyRowSchema>;

/** Who used a key: a user id (or `public:<code>`) and the key itself. */
interface KeyOwner {
  owner: string;
  key: string;
}

/**
 * Inserts a key unless the owner already has it (forgetting one older than `hours` first). Returns true
 * when this request is the first; a concurrent one with the same key waits on the row until it commits.
 */
export async function insertIdempotencyKey(
  trx: Knex,
  row: KeyOwner & { regencyId: string; route: string; requestHash: string },
  hours: number,
): Promise<boolean> {
  await trx('idempotency_keys')
    .where({ owner: row.owner, key: row.key })
    .andWhere('created_at', '<', trx.raw(`now() - interval '${hours} hours'`))
    .delete();
  const inserted = await sqlRows(
    trx,
    `INSERT INTO idempotency_keys (regency_id, owner, key, route, request_hash) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
    [row.regencyId, row.owner, row.key, row.route, row.requestHash],
    insertedKeys,
  );
  return inserted.length > 0;
}

/** The stored key of an owner, if any. */
export async function idempotencyKeyRow(trx: Knex, owner: KeyOwner): Promise<IdempotencyKeyRow | undefined> {
  return idempotencyKeyRows.first(await trx('idempotency_keys').where({ owner: owner.owner, key: owner.key }).first());
}

/** Stores the first answer under a claimed key. */
export async function storeIdempotentAnswer(
  trx: Knex,
  owner: KeyOwner,
  answer: { status: number; body: unknown },
): Promise<void> {
  await trx('idempotency_keys')
    .where({ owner: owner.owner, key: owner.key })
    .update({ status: answer.status, body: JSON.stringify(answer.body ?? {}) });
}

/** Deletes keys older than `hours` (all regencies). */
export async function deleteIdempotencyKeysOlderThan(trx: Knex, hours: number): Promise<number> {
  return trx('idempotency_keys')
    .where('created_at', '<', trx.raw(`now() - interval '${hours} hours'`))
    .delete();
}

/** Deletes one owner's key. */
export async function deleteIdempotencyKey(trx: Knex, owner: KeyOwner): Promise<void> {
  await trx('idempotency_keys').where({ owner: owner.owner, key: owner.key }).delete();
}
