import type { Knex } from 'knex';
import type pg from 'pg';
import { accessLogInsertStatement, insertAccessLogRow, type AccessLogRow } from './accessLog/accessLogRows.ts';
import { pgSql } from './pgSql.ts';
import { scopeStatement, withRegencyScope } from './regencyScope.ts';
import { sqlOf, type Sql } from './sql.ts';

/**
 * One API request's transaction, scoped to the user's regency by row-level security: its statements,
 * the knex transaction for routes still written with the query builder, and the access-log write.
 */
export interface RequestTransaction {
  sql: Sql;
  /** The same transaction for knex's builder; absent on direct routes, which run on node-postgres alone. */
  knex: Knex.Transaction | undefined;
  /** Records an access in this transaction: it commits with the request or not at all. */
  logAccess(row: AccessLogRow): Promise<void>;
}

/** Runs `work` in a request transaction opened by knex (every route written with the query builder). */
export function withKnexRequest<T>(
  db: Knex,
  regencyId: string | undefined,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  return withRegencyScope(db, regencyId, (trx) =>
    work({ sql: sqlOf(trx), knex: trx, logAccess: (row) => insertAccessLogRow(trx, row) }),
  );
}

/** True for knex's node-postgres client (a PostgreSQL server), false for PGlite. */
function isServerClient(client: Knex.Client): boolean {
  return client.config.client === 'pg';
}

function send(connection: pg.Client, text: string, observe: (text: string) => void): Promise<void> {
  observe(text);
  return new Promise((resolve, reject) => {
    // Without values: the simple protocol, which runs several statements in one round trip, never prepared.
    connection.query({ text }, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Runs `work` in a request transaction driven on node-postgres directly (the hot path: a step
 * completion). knex's transaction object costs about 0.3 ms of CPU per request and each builder query
 * about 0.07 ms more than the statement itself (bench "Database client cost"), so a direct route takes
 * a connection from the same pool (knex's public `acquireConnection`; the pool hooks still prepare its
 * statements) and sends BEGIN with the scope, its statements, and the access-log rows with COMMIT:
 * three round trips besides its own statements. On PGlite it runs in knex's transaction as before.
 */
export async function withDirectRequest<T>(
  db: Knex,
  regencyId: string | undefined,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  // knex types its instance's client loosely; Knex.Client is its declared (public) class.
  const client = db.client as Knex.Client;
  if (!isServerClient(client)) return withKnexRequest(db, regencyId, (tx) => work({ ...tx, knex: undefined }));
  const connection = (await client.acquireConnection()) as pg.Client;
  // Reported like knex's own statements (its public 'query' event), so query logs and tests see every statement.
  const observe = (text: string): void => void db.emit('query', { sql: text });
  try {
    const atCommit: string[] = [];
    try {
      await send(connection, `BEGIN; ${scopeStatement(regencyId)}`, observe);
      const result = await work({
        sql: pgSql(connection, observe),
        knex: undefined,
        logAccess: (row) => {
          atCommit.push(accessLogInsertStatement(row));
          return Promise.resolve();
        },
      });
      // A queued write that fails stops the COMMIT: the transaction is then rolled back below.
      await send(connection, [...atCommit, 'COMMIT'].join('; '), observe);
      return result;
    } catch (error) {
      // Also after a failed BEGIN or COMMIT: the connection goes back to the pool outside any transaction
      // (a connection that broke is marked disposed by knex and not lent again).
      await send(connection, 'ROLLBACK', observe).catch(() => undefined);
      throw error;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
