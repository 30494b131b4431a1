import type { Knex } from 'knex';
import type pg from 'pg';
import { accessLogInsertStatement, insertAccessLogRow, type AccessLogRow } from './accessLog/accessLogRows.ts';
import { pgSql, type StatementObserver } from './pgSql.ts';
import { caseGuardOf, RememberedCaseRefused } from './cases/rememberedCases.ts';
import { isServerClient } from './postgresClient.ts';
import { scopeStatement, withRegencyScope } from './regencyScope.ts';
import { sqlOf, type Sql, type SqlValue } from './sql.ts';

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

function send(connection: pg.Client, text: string, observe: StatementObserver): Promise<void> {
  observe.sent(text);
  return new Promise((resolve, reject) => {
    // Without values: the simple protocol, which runs several statements in one round trip, never prepared.
    connection.query({ text }, (error: Error | null) => {
      observe.answered(text);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Where one request runs: statements before its transaction (the session lookup), then the transaction. */
export interface RequestConnection {
  /** Runs outside any transaction (the session lookup, before the regency is known). */
  sql: Sql;
  /** Opens the request's transaction on this connection, scoped to the regency. */
  transaction<T>(regencyId: string | undefined, work: (tx: RequestTransaction) => Promise<T>): Promise<T>;
}

/**
 * Holds one connection for a direct route (the hot path: a step completion) and runs `work` with it:
 * the session lookup, then the request transaction driven on node-postgres directly. knex's
 * transaction object costs about 0.3 ms of CPU per request and each builder query about 0.07 ms more
 * than the statement itself (bench "Database client cost"), so a direct route takes one connection
 * from the same pool (knex's public `acquireConnection`; the pool hooks still prepare its statements)
 * and sends BEGIN with the scope together with its first statement, its statements, and its last
 * writes (`Sql.atCommit`: the case save) and access-log rows together with COMMIT (see directTransaction).
 * On PGlite it runs through knex as every other route.
 */
export async function withDirectConnection<T>(
  db: Knex,
  work: (connection: RequestConnection) => Promise<T>,
): Promise<T> {
  if (!isServerClient(db))
    return work({
      sql: sqlOf(db),
      transaction: (regencyId, inner) => withKnexRequest(db, regencyId, (tx) => inner({ ...tx, knex: undefined })),
    });
  // knex types its instance's client loosely; Knex.Client is its declared (public) class.
  const client = db.client as Knex.Client;
  const connection = (await client.acquireConnection()) as pg.Client;
  // Reported like knex's own statements (its public 'query' and 'query-response' events), so query logs,
  // tests and the bench's statement trace see every statement and when its answer came.
  const observe: StatementObserver = {
    sent: (text) => void db.emit('query', { sql: text }),
    answered: (text) => void db.emit('query-response', undefined, { sql: text }),
  };
  const sql = pgSql(connection, observe);
  try {
    return await work({
      sql,
      transaction: (regencyId, inner) => directTransaction(connection, sql, observe, regencyId, inner),
    });
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The result of a statement asked right behind the BEGIN that opens its transaction (both fail if either does). */
function afterOpening<T>(opening: Promise<void>, statement: Promise<T>): Promise<T> {
  return Promise.all([opening, statement]).then(([, result]) => result);
}

/** A write queued to run last in a direct transaction, just before its COMMIT. */
interface LastWrite {
  text: string;
  values: readonly SqlValue[];
  committed: ((rows: unknown[]) => void) | undefined;
}

// The server's connections pipeline (engine/storage/connectionLimits.ts): node-postgres writes each query
// as soon as it is asked, without waiting for the previous answer, and the answers come back in order.
// So BEGIN with the scope is asked together with the transaction's first statement, and the queued last
// writes together with COMMIT: one round trip each. Every value stays bound (PostgreSQL's log never
// shows a bound value). A statement that fails aborts the transaction, so a COMMIT written behind it
// only rolls back.
async function directTransaction<T>(
  connection: pg.Client,
  sql: Sql,
  observe: StatementObserver,
  regencyId: string | undefined,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  const atCommit: string[] = [];
  const lastWrites: LastWrite[] = [];
  let opening: Promise<void> | undefined;
  const open = (): Promise<void> => (opening ??= send(connection, `BEGIN; ${scopeStatement(regencyId)}`, observe));
  const txSql: Sql = {
    // Arguments run left to right: BEGIN is asked first, then the statement, before either is answered.
    rows: (text, values) => (opening ? sql.rows(text, values) : afterOpening(open(), sql.rows(text, values))),
    atCommit: (text, values, committed) => void lastWrites.push({ text, values, committed }),
  };
  let result: T;
  let answers: unknown[][];
  try {
    result = await work({
      sql: txSql,
      knex: undefined,
      logAccess: (row) => {
        atCommit.push(accessLogInsertStatement(row));
        return Promise.resolve();
      },
    });
    // A remembered case row stands only through its guarded save (engine/storage/cases/rememberedCases.ts).
    if (caseGuardOf(txSql)?.saved === false) throw new Error('a remembered case row was used without its save');
    // A transaction that sent nothing and has nothing to write needs no round trip at all.
    if (!opening && atCommit.length === 0 && lastWrites.length === 0) return result;
    const begun = opening ? [] : [open()];
    const writes = lastWrites.map((write) => sql.rows<unknown>(write.text, write.values));
    // Access-log rows (complete SQL) ride in the COMMIT's own text; a failing one stops the COMMIT.
    await Promise.all([...begun, ...writes, send(connection, [...atCommit, 'COMMIT'].join('; '), observe)]);
    answers = await Promise.all(writes);
  } catch (error) {
    // Also after a failed BEGIN or COMMIT: the connection goes back to the pool outside any transaction
    // (a connection that broke is marked disposed by knex and not lent again). Without an open
    // transaction PostgreSQL only warns.
    await send(connection, 'ROLLBACK', observe).catch(() => undefined);
    // Whatever failed after acting on a remembered row, the request runs again reading the case.
    if (caseGuardOf(txSql)) throw new RememberedCaseRefused(error);
    throw error;
  }
  // Committed: nothing after this may turn the request into a failure (or run it again).
  for (const [i, write] of lastWrites.entries()) {
    try {
      write.committed?.(answers[i]!);
    } catch {
      // Only an optimisation hangs on it (a saved case row not remembered): the next step reads the case.
    }
  }
  return result;
}

/** Runs `work` in a direct request transaction on a connection of its own (see withDirectConnection). */
export function withDirectRequest<T>(
  db: Knex,
  regencyId: string | undefined,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  return withDirectConnection(db, (connection) => connection.transaction(regencyId, work));
}
