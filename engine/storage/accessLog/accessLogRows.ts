import type { Knex } from 'knex';
import { sendWithCommit } from '../postgresClient.ts';
import { sqlLiteral } from '../sqlLiteral.ts';

/** One `access_log` row as written (the id and time come from the database). */
export interface AccessLogRow {
  regency_id: string;
  user_id: string;
  user_name: string;
  /** JSON text of the role ids. */
  roles: string;
  case_id: string | null;
  action: string;
  resource: string | null;
  reason: string | null;
  /** JSON text, or null. */
  detail: string | null;
  ip: string | null;
  route: string;
}

const COLUMNS = [
  'regency_id',
  'user_id',
  'user_name',
  'roles',
  'case_id',
  'action',
  'resource',
  'reason',
  'detail',
  'ip',
  'route',
] as const satisfies ReadonlyArray<keyof AccessLogRow>;

/**
 * Appends an access record in the transaction `db`. On the server client it travels with the
 * transaction's COMMIT (one round trip less on every logged request: the step-completion hot path);
 * elsewhere it is inserted at once. Either way it commits with the request or not at all.
 */
export async function insertAccessLogRow(db: Knex, row: AccessLogRow): Promise<void> {
  if (sendWithCommit(db, accessLogInsertStatement(row))) return;
  await db('access_log').insert(row);
}

/** The insert of one access-log row as complete SQL with literals (it travels in the COMMIT's simple-protocol round trip). */
export function accessLogInsertStatement(row: AccessLogRow): string {
  const values = COLUMNS.map((c) => {
    const value = row[c];
    return value === null ? 'NULL' : sqlLiteral(value);
  });
  return `INSERT INTO access_log (${COLUMNS.join(', ')}) VALUES (${values.join(', ')})`;
}
