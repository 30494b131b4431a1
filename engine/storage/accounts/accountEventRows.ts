import type { Knex } from 'knex';

/** One row of the append-only `account_events` table (id and time come from the database). */
export interface AccountEventRow {
  regency_id: string;
  user_id: string;
  username: string;
  action: string;
  actor_id: string;
  actor_name: string;
  /** JSON text, or null. */
  detail: string | null;
}

/** Appends one account change. */
export async function insertAccountEvent(db: Knex, row: AccountEventRow): Promise<void> {
  await db('account_events').insert(row);
}
