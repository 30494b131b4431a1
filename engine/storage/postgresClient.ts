import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { preparedNameFor } from './preparedStatements.ts';

/** What node-postgres keeps per connection (the parts this module reads), and knex's mark for a connection to drop. */
interface PgConnection {
  connection?: { parsedStatements?: Record<string, string> };
  __knex__disposed?: unknown;
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed since it was prepared. */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}

/** node-postgres gave up waiting for the server (query_timeout): the server may be frozen or the network cut. */
function isClientTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Query read timeout');
}

interface KnexQueryObject {
  sql: string;
  options?: Record<string, unknown>;
}

/**
 * A statement to send in the same round trip as BEGIN: pass `{ beginWith }` in the transaction config
 * (`db.transaction(work, { beginWith } as Knex.TransactionConfig)`). `ran` turns true when it did; clients
 * that cannot (PGlite) leave it false and the caller runs the statement itself.
 */
export interface BeginWith {
  statement: string;
  ran: boolean;
}

type TransactionBase = new (
  client: unknown,
  container: unknown,
  config?: { beginWith?: BeginWith },
  ...rest: unknown[]
) => { query(conn: unknown, sql: string): Promise<unknown>; begin(conn: unknown): Promise<unknown> };
/** knex's config plus this client's own switch. */
export type AlurPgConfig = Knex.Config & { prepareStatements?: boolean };

type ClientBase = new (config: AlurPgConfig) => {
  config: AlurPgConfig;
  _query(connection: PgConnection, obj: KnexQueryObject): Promise<unknown>;
};

const require = createRequire(import.meta.url);
// knex's own PostgreSQL client and transaction; their typings do not export the classes, so they are loaded by path.
const KnexPgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction.js') as TransactionBase;
const KnexPgClient = require('knex/lib/dialects/postgres/index.js') as ClientBase;

/** A transaction that can send one more statement with its BEGIN (one round trip instead of two). */
class BeginWithTransaction extends KnexPgTransaction {
  private readonly beginWith: BeginWith | undefined;

  constructor(client: unknown, container: unknown, config?: { beginWith?: BeginWith }, ...rest: unknown[]) {
    super(client, container, config, ...rest);
    this.beginWith = config?.beginWith;
  }

  override begin(conn: unknown): Promise<unknown> {
    const beginWith = this.beginWith;
    if (!beginWith) return super.begin(conn);
    // Without bound parameters node-postgres uses the simple protocol, which runs both statements in order.
    return this.query(conn, `BEGIN; ${beginWith.statement}`).then((result) => {
      beginWith.ran = true;
      return result;
    });
  }
}

/**
 * knex's PostgreSQL client, faster per request: named prepared statements (node-postgres parses a
 * named statement once per connection and from then on only binds and executes it, so PostgreSQL no
 * longer parses and plans every query of every request), and transactions that can carry a first
 * statement in the BEGIN round trip.
 */
export class AlurPgClient extends KnexPgClient {
  override _query(connection: PgConnection, obj: KnexQueryObject): Promise<unknown> {
    // Off for connection poolers that cannot keep prepared statements per client (PgBouncer in transaction mode before 1.21).
    const name = this.config.prepareStatements === false ? undefined : preparedNameFor(obj.sql, connection);
    if (name !== undefined) obj.options = { ...obj.options, name };
    return super._query(connection, obj).catch((error: unknown) => {
      // A migration by a newer process changed a table under a prepared `SELECT *`: PostgreSQL now refuses
      // that statement on this connection for good, so the pool is told to replace the connection.
      // After a client-side timeout the connection still has a statement in flight: closing it makes the
      // server roll that transaction back instead of committing it later for a client that gave up.
      if (isStalePlan(error) || isClientTimeout(error)) connection.__knex__disposed = error;
      throw error;
    });
  }

  transaction(container: unknown, config?: { beginWith?: BeginWith }, ...rest: unknown[]): unknown {
    return new BeginWithTransaction(this, container, config, ...rest);
  }
}
