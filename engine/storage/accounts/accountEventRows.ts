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

/** One account change as the admin's history shows it, newest first. */
export interface AccountEventView {
  action: string;
  by: string;
  detail: unknown;
  at: string;
}

/** The latest 200 changes of one account (who, when, what). */
export async function listAccountEvents(db: Knex, userId: string): Promise<AccountEventView[]> {
  const rows = (await db('account_events')
    .where({ user_id: userId })
    .orderBy('id', 'desc')
    .limit(200)
    .select('action', 'actor_name', 'detail', 'at')) as Array<{
    action: string;
    actor_name: string;
    detail: unknown;
    at: Date | string;
  }>;
  return rows.map((r) => ({ action: r.action, by: r.actor_name, detail: r.detail, at: new Date(r.at).toISOString() }));
}
