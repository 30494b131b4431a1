/**
 * How long the server waits for PostgreSQL before it gives up and answers 503: no request should hang
 * for minutes on a stopped, frozen or locked database and then commit after its client gave up.
 */
export interface ConnectionLimits {
  /** Opening a TCP connection and signing in. */
  connectMs: number;
  /** Waiting for a free pooled connection. */
  acquireMs: number;
  /** One statement on the server (statement_timeout). */
  statementMs: number;
  /** Waiting for a row or table lock (lock_timeout). */
  lockMs: number;
  /** One statement seen from the client, for a server that no longer answers at all (frozen, cut network). */
  queryMs: number;
  /** A transaction left open by a client that went away (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number;
}

/** Defaults that keep every request under about ten seconds. */
export const DEFAULT_LIMITS: ConnectionLimits = {
  connectMs: 3_000,
  acquireMs: 5_000,
  statementMs: 8_000,
  lockMs: 4_000,
  queryMs: 10_000,
  idleInTransactionMs: 15_000,
};

function milliseconds(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The limits, with ALUR_DB_STATEMENT_TIMEOUT_MS, ALUR_DB_LOCK_TIMEOUT_MS and ALUR_DB_CONNECT_TIMEOUT_MS overriding the defaults. */
export function connectionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionLimits {
  const statementMs = milliseconds(env.ALUR_DB_STATEMENT_TIMEOUT_MS, DEFAULT_LIMITS.statementMs);
  const connectMs = milliseconds(env.ALUR_DB_CONNECT_TIMEOUT_MS, DEFAULT_LIMITS.connectMs);
  return {
    connectMs,
    acquireMs: connectMs + 2_000,
    statementMs,
    lockMs: Math.min(milliseconds(env.ALUR_DB_LOCK_TIMEOUT_MS, DEFAULT_LIMITS.lockMs), statementMs),
    queryMs: statementMs + 2_000,
    idleInTransactionMs: DEFAULT_LIMITS.idleInTransactionMs,
  };
}

/** node-postgres connection settings for the limits (server-side timeouts are sent as start-up options). */
export function pgConnectionOptions(url: string, limits: ConnectionLimits): Record<string, unknown> {
  return {
    connectionString: url,
    connectionTimeoutMillis: limits.connectMs,
    statement_timeout: limits.statementMs,
    lock_timeout: limits.lockMs,
    query_timeout: limits.queryMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    keepAlive: true,
    // node-postgres writes each query at once instead of after the previous answer: a direct request sends
    // BEGIN with its first statement, and its last write with COMMIT, without waiting in between.
    pipeline: true,
    // The server also stops a query whose client has gone (PostgreSQL 14+), instead of finishing it unseen.
    options: '-c client_connection_check_interval=2000',
  };
}
