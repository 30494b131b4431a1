import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { APP_ROLE, SYSTEM_ROLE } from '../../migrations/rowLevelSecurity.ts';
import { transactionWithStatementInBegin, type BeginWith } from './postgresClient.ts';
import { rowDecoder } from './rowDecoder.ts';
import type { Sql } from './sql.ts';
import { sqlLiteral } from './sqlLiteral.ts';

/**
 * Runs `work` in a transaction as the app role with `alur.regency_id` set: row-level security then
 * shows and accepts only that regency's case rows, whatever the queries inside forget to filter.
 * Without a regency (public pages, login) case tables read as empty. `SET LOCAL` ends with the
 * transaction, so a pooled connection never carries one request's scope into the next.
 */
export async function withRegencyScope<T>(
  db: Knex,
  regencyId: string | undefined,
  work: (trx: Knex.Transaction) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  // Sent with BEGIN where the client can (the PostgreSQL server client); PGlite runs it as the transaction's first query.
  const scope = scopeStatement(regencyId, options);
  const beginWith: BeginWith = { statement: scope, ran: false };
  return transactionWithStatementInBegin(db, beginWith, async (trx) => {
    if (!beginWith.ran) await trx.raw(scope);
    return work(trx);
  });
}

/**
 * The statement that scopes a transaction to a regency: both settings in one statement
 * (set_config('role', …, true) is SET LOCAL ROLE). A read-only transaction (reads sent to a standby)
 * refuses any write, also when the read URL is a primary.
 */
export function scopeStatement(regencyId: string | undefined, options: { readOnly?: boolean } = {}): string {
  const readOnly = options.readOnly ? `, set_config('transaction_read_only', 'on', true)` : '';
  return `SELECT set_config('role', ${sqlLiteral(APP_ROLE)}, true), set_config('alur.regency_id', ${sqlLiteral(regencyId ?? '')}, true)${readOnly}`;
}

/**
 * Runs `work` in a transaction as the system role, which sees every regency. This is the deliberate
 * bypass for background jobs (overdue sweep, retention); request handlers never get it.
 */
export async function withSystemScope<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
    return work(trx);
  });
}

const regencyOfCode = rowDecoder('regency of a public code', Type.Object({ regency_id: Type.String() }));

/** Public codes a citizen may hold, and where each is looked up. */
export type PublicCodeKind = 'trackingCode' | 'verificationCode';

const PUBLIC_LOOKUPS: Record<PublicCodeKind, { table: string; column: string }> = {
  trackingCode: { table: 'cases', column: 'tracking_code' },
  verificationCode: { table: 'issued_documents', column: 'verification_code' },
};

/**
 * For citizen pages (status by tracking code, document verification): finds the regency a public code
 * belongs to and scopes the request's transaction to it. The only cross-regency read is this one
 * column by an unguessable code; everything after it runs under the regency's row-level security.
 */
export async function enterRegencyOfPublicCode(
  sql: Sql,
  kind: PublicCodeKind,
  code: string,
): Promise<string | undefined> {
  const { table, column } = PUBLIC_LOOKUPS[kind];
  const value = kind === 'trackingCode' ? code.trim().toUpperCase() : code.trim();
  // A failed lookup aborts the whole transaction, so the role cannot stay switched past this block.
  await sql.rows(`SET LOCAL ROLE ${SYSTEM_ROLE}`, []);
  const [row] = regencyOfCode.rows(
    await sql.rows<unknown>(`SELECT regency_id FROM ${table} WHERE ${column} = ? LIMIT 1`, [value]),
  );
  await sql.rows(`SET LOCAL ROLE ${APP_ROLE}`, []);
  if (row) await sql.rows(`SELECT set_config('alur.regency_id', ?, true)`, [row.regency_id]);
  return row?.regency_id;
}

/**
 * Runs `work` as the system role inside the caller's transaction and returns to the app role after,
 * also when `work` fails: the one documented bypass a request may take (recomputing deadlines across
 * regencies after a calendar change), as the overdue sweep does.
 */
export async function asSystemRoleWithin<T>(trx: Knex, work: () => Promise<T>): Promise<T> {
  await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
  try {
    return await work();
  } finally {
    await trx.raw(`SET LOCAL ROLE ${APP_ROLE}`);
  }
}
