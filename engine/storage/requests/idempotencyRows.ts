import type { Knex } from 'knex';

/** A stored key: the request it was first used for, and its answer once that request committed. */
export interface IdempotencyKeyRow {
  route: string;
  request_hash: string;
  status: number | null;
  body: unknown;
}

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
  const inserted = (await trx.raw(
    `INSERT INTO idempotency_keys (regency_id, owner, key, route, request_hash) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
    [row.regencyId, row.owner, row.key, row.route, row.requestHash],
  )) as { rows: unknown[] };
  return inserted.rows.length > 0;
}

/** The stored key of an owner, if any. */
export async function idempotencyKeyRow(trx: Knex, owner: KeyOwner): Promise<IdempotencyKeyRow | undefined> {
  return (await trx('idempotency_keys').where({ owner: owner.owner, key: owner.key }).first()) as
    IdempotencyKeyRow | undefined;
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
