import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import {
  deleteIdempotencyKey,
  deleteIdempotencyKeysOlderThan,
  idempotencyKeyRow,
  insertIdempotencyKey,
  storeIdempotentAnswer,
} from '../storage/requests/idempotencyRows.ts';
import { AppError } from './appErrors.ts';
import { canonicalJson } from './canonicalJson.ts';

/** How long a key and its first answer are kept. */
export const IDEMPOTENCY_HOURS = 24;

/** The first answer stored under a key. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** One request's key: who sent it (a user id, or `public:<code>`), the key, and what the request was. */
export interface IdempotentRequest {
  regencyId: string;
  owner: string;
  key: string;
  route: string;
  /** The body (JSON value) or the raw bytes of an upload, plus the path, hashed to spot a key reused for other data. */
  content: unknown;
}

/** Checks the header value: 1–200 printable ASCII characters (a UUID is typical). */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header))
    throw new AppError(
      'BAD_REQUEST',
      'Header Idempotency-Key tidak sah (1–200 karakter ASCII tanpa spasi).',
      '/header/idempotency-key',
    );
  return header;
}

function hashOf(content: unknown): string {
  const text = Buffer.isBuffer(content) ? content.toString('base64') : canonicalJson(content);
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Claims a key inside the request's transaction. Returns the first answer when the key was used before
 * (a retry), or undefined when this request is the first and must run. A concurrent request with the same
 * key waits on the row until the first one commits, then gets its answer. A key reused for a different
 * request is refused (422): the client has a bug, and answering with another request's result would hide it.
 */
export async function claimIdempotencyKey(trx: Knex, request: IdempotentRequest): Promise<StoredAnswer | undefined> {
  const hash = hashOf(request.content);
  // A key older than the retention is forgotten: the same key then starts a new request.
  const first = await insertIdempotencyKey(
    trx,
    { regencyId: request.regencyId, owner: request.owner, key: request.key, route: request.route, requestHash: hash },
    IDEMPOTENCY_HOURS,
  );
  if (first) return undefined;
  const row = await idempotencyKeyRow(trx, request);
  if (!row || row.status === null)
    throw new AppError('CONFLICT', 'Permintaan dengan kunci yang sama masih diproses. Coba lagi sebentar lagi.');
  if (row.route !== request.route || row.request_hash !== hash)
    throw new AppError(
      'UNPROCESSABLE',
      'Kunci Idempotency-Key ini sudah dipakai untuk permintaan lain. Buat kunci baru untuk setiap tindakan.',
      '/header/idempotency-key',
    );
  return { status: row.status, body: row.body };
}

/** Stores the first answer under the claimed key (same transaction, so both commit or neither). */
export async function rememberAnswer(trx: Knex, request: IdempotentRequest, answer: StoredAnswer): Promise<void> {
  await storeIdempotentAnswer(trx, request, answer);
}

/** Deletes keys past the retention (all regencies; run by the job role). */
export async function purgeExpiredKeys(trx: Knex): Promise<number> {
  return deleteIdempotencyKeysOlderThan(trx, IDEMPOTENCY_HOURS);
}

/** Frees a claimed key whose request was refused after all (a committed refusal stores no answer to replay). */
export async function releaseIdempotencyKey(trx: Knex, request: IdempotentRequest): Promise<void> {
  await deleteIdempotencyKey(trx, request);
}
