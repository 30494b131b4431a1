import type { Knex } from 'knex';
import { APP_ROLE, SYSTEM_ROLE } from '../../migrations/rowLevelSecurity.ts';
import { withStatementInBegin, type BeginWith } from './postgresClient.ts';
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
  // Both settings in one statement (set_config('role', …, true) is SET LOCAL ROLE), sent with BEGIN
  // where the client can (the PostgreSQL server client); PGlite runs it as the transaction's first query.
  // A read-only transaction (reads sent to a standby) refuses any write, also when the read URL is a primary.
  const readOnly = options.readOnly ? `, set_config('transaction_read_only', 'on', true)` : '';
  const scope = `SELECT set_config('role', ${sqlLiteral(APP_ROLE)}, true), set_config('alur.regency_id', ${sqlLiteral(regencyId ?? '')}, true)${readOnly}`;
  const beginWith: BeginWith = { statement: scope, ran: false };
  return withStatementInBegin(beginWith, () =>
    db.transaction(async (trx) => {
      if (!beginWith.ran) await trx.raw(scope);
      return work(trx);
    }),
  );
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
  trx: Knex.Transaction,
  kind: PublicCodeKind,
  code: string,
): Promise<string | undefined> {
  const { table, column } = PUBLIC_LOOKUPS[kind];
  const value = kind === 'trackingCode' ? code.trim().toUpperCase() : code.trim();
  // A failed lookup aborts the whole transaction, so the role cannot stay switched past this block.
  await trx.raw(`SET LOCAL ROLE ${SYSTEM_ROLE}`);
  const row = (await trx(table).where(column, value).first('regency_id')) as { regency_id: string } | undefined;
  await trx.raw(`SET LOCAL ROLE ${APP_ROLE}`);
  if (row) await trx.raw(`SELECT set_config('alur.regency_id', ?, true)`, [row.regency_id]);
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
