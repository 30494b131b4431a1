import type { Knex } from 'knex';
import type pg from 'pg';
import { preparedNameFor } from './preparedStatements.ts';

// The PostgreSQL server client, on public APIs only: knex's own 'pg' client with the documented pool
// hooks `afterCreate` (each new node-postgres connection) and `validate` (before a connection is
// lent). On each connection, queries knex sends as `{ text, values }` get node-postgres's public
// `name` (a named statement is parsed and planned once per connection, then only executed), and a
// transaction's BEGIN can carry one more statement in the same round trip.

/**
 * A statement to send in the same round trip as BEGIN: open the transaction with
 * `transactionWithStatementInBegin`. `ran` turns true when it did; clients that cannot (PGlite) leave
 * it false and the caller runs the statement itself.
 */
export interface BeginWith {
  statement: string;
  ran: boolean;
  /** Writes queued by `sendWithCommit`, sent in the COMMIT's round trip (only when `ran`: the client supports it). */
  beforeCommit?: string[];
}

// Kept by connection and by transaction object rather than in an AsyncLocalStorage: once used, an
// AsyncLocalStorage turns on async hooks for every promise of the process (measurable on each request).
const pendingBegin = new WeakMap<object, BeginWith>();
const beginOfTransaction = new WeakMap<Knex.Transaction, BeginWith>();

/** True for knex's node-postgres client (a PostgreSQL server), false for PGlite. */
export function isServerClient(db: Knex): boolean {
  // knex types its instance's client loosely; Knex.Client is its declared (public) class.
  return (db.client as Knex.Client).config.client === 'pg';
}

/**
 * Opens a knex transaction whose BEGIN also carries `beginWith.statement` (on the server client: the
 * connection is taken from the pool first and handed to knex's public `connection` option, so the
 * pool hook knows which BEGIN to extend).
 */
export async function transactionWithStatementInBegin<T>(
  db: Knex,
  beginWith: BeginWith,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  if (!isServerClient(db)) return db.transaction(work);
  const client = db.client as Knex.Client;
  const connection = (await client.acquireConnection()) as object;
  pendingBegin.set(connection, beginWith);
  try {
    return await db.transaction(
      (trx) => {
        beginOfTransaction.set(trx, beginWith);
        return work(trx);
      },
      { connection },
    );
  } finally {
    pendingBegin.delete(connection);
    await client.releaseConnection(connection);
  }
}

/**
 * Queues a write (complete SQL, literals only) to go in the same round trip as the COMMIT of the
 * transaction `db`, which must be a top-level transaction opened by `transactionWithStatementInBegin`.
 * Returns false when that is not possible (PGlite, a nested transaction): the caller runs the statement
 * itself. A failing queued write fails the COMMIT, so the transaction commits with it or not at all,
 * exactly as if it had been sent on its own.
 */
export function sendWithCommit(db: Knex, statement: string): boolean {
  const begin = db.isTransaction ? beginOfTransaction.get(db as Knex.Transaction) : undefined;
  if (!begin?.ran) return false;
  (begin.beforeCommit ??= []).push(statement);
  return true;
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed since it was prepared. */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    error.code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}

/** The server refused a write because it is read-only: a standby now, or a primary that was demoted. */
function isReadOnlyServer(error: Error): boolean {
  return 'code' in error && error.code === '25006';
}

/** node-postgres gave up waiting for the server (query_timeout): the server may be frozen or the network cut. */
function isClientTimeout(error: Error): boolean {
  return error.message.includes('Query read timeout');
}

type QueryCallback = (error: Error | null, result: unknown) => void;
type QueryFunction = (config: unknown, ...rest: unknown[]) => unknown;

function isQueryConfig(value: unknown): value is pg.QueryConfig {
  return value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string';
}

/** Options of the server client: prepared statements (off for poolers that cannot keep them), and a probe for tests. */
export interface PgClientOptions {
  prepareStatements: boolean;
  /** Called with the text of every statement as sent on the wire (tests count round trips with it). */
  onWire?: (text: string) => void;
  /** Called with the text of every statement when its answer arrives (tests see which statements were pipelined). */
  onReply?: (text: string) => void;
  /** On a multi-host URL: the host choice, told when a server refuses a write as read-only (it was demoted). */
  hosts?: {
    invalidate: () => void;
    isCurrent: (connection: pg.Client) => boolean;
    /** Checks a new connection's server still fits (a demoted primary accepts connections as a standby). */
    verify: (connection: pg.Client) => Promise<void>;
  };
}

/** The knex `pool` hooks that give the server client its prepared statements, BEGIN round trip, stale-plan recovery and, on several hosts, the role check of each new connection. */
export function pgPoolHooks(options: PgClientOptions): {
  afterCreate: (connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void) => void;
  validate: (connection: pg.Client) => boolean;
} {
  // Connections on which PostgreSQL refused a prepared statement for good (a migration by a newer
  // process changed a table under a `SELECT *`): the pool replaces them on their next loan.
  const stale = new WeakSet<pg.Client>();
  return {
    afterCreate(connection, done) {
      if (!options.hosts) return wrap(connection, done);
      options.hosts.verify(connection).then(
        () => wrap(connection, done),
        (error: Error) => {
          // knex does not close a connection whose afterCreate failed.
          connection.end().catch(() => undefined);
          done(error, connection);
        },
      );
    },
    validate: (connection) => !stale.has(connection) && (options.hosts?.isCurrent(connection) ?? true),
  };

  function wrap(connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void): void {
    const prepared = new Set<string>();
    const send: QueryFunction = connection.query.bind(connection);
    const query: QueryFunction = (config, ...rest) => {
      if (!isQueryConfig(config)) return send(config, ...rest);
      let sent: pg.QueryConfig = config;
      const begin = pendingBegin.get(connection);
      let withCommit = false;
      if (config.text === 'BEGIN;' && begin && !begin.ran) {
        // Without bound parameters node-postgres uses the simple protocol, which runs both statements in order.
        sent = { ...config, text: `BEGIN; ${begin.statement}` };
        begin.ran = true;
      } else if (config.text === 'COMMIT;' && begin?.beforeCommit?.length) {
        sent = { ...config, text: `${begin.beforeCommit.join('; ')}; COMMIT;` };
        begin.beforeCommit = [];
        withCommit = true;
      } else if (options.prepareStatements && config.name === undefined && config.values !== undefined) {
        // A text sent without a values array is complete SQL for the simple protocol (transaction
        // control, writes with literals riding with COMMIT): never prepared. knex always sends values.
        const name = preparedNameFor(config.text, prepared);
        if (name !== undefined) {
          prepared.add(name);
          sent = { ...config, name };
        }
      }
      options.onWire?.(sent.text);
      const [callback] = rest;
      if (typeof callback !== 'function') return send(sent, ...rest);
      const done = callback as QueryCallback;
      return send(sent, (error: Error | null, result: unknown) => {
        // A queued write failed: PostgreSQL skipped the COMMIT and the transaction is aborted but still
        // open. Roll it back before knex returns the connection to the pool.
        if (error && withCommit) {
          options.onWire?.('ROLLBACK');
          return void send({ text: 'ROLLBACK' }, () => finish(error, result));
        }
        finish(error, result);
      });
      function finish(error: Error | null, result: unknown): void {
        options.onReply?.(sent.text);
        if (error && isStalePlan(error)) stale.add(connection);
        if (error && options.hosts && isReadOnlyServer(error)) {
          // This connection's host no longer takes writes: drop it and let the next connection look for the primary.
          stale.add(connection);
          options.hosts.invalidate();
        }
        if (error && isClientTimeout(error)) {
          // The connection still has a statement in flight: closing it makes the server roll that
          // transaction back instead of committing it later for a client that gave up.
          stale.add(connection);
          connection.end().catch(() => undefined);
        }
        done(error, result);
      }
    };
    Object.defineProperty(connection, 'query', { value: query, configurable: true, writable: true });
    done(null, connection);
  }
}
