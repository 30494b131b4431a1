import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { detailRecord, stringList } from '../jsonDetail.ts';
import { Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const accountEventRows = rowDecoder(
  'account_events',
  Type.Object({ action: Type.String(), actor_name: Type.String(), detail: Type.Unknown(), at: Timestamp }),
);

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
  /** What the change touched: an update names its fields in `changed`; other kinds carry their own facts. */
  detail: ({ changed?: string[] } & Record<string, unknown>) | null;
  at: string;
}

/** The stored detail with its `changed` list checked. */
function accountEventDetail(value: unknown): AccountEventView['detail'] {
  const detail = detailRecord(value);
  if (detail === null) return null;
  const { changed, ...rest } = detail;
  const names = stringList(changed);
  return names === undefined ? rest : { ...rest, changed: names };
}

/** The latest 200 changes of one account (who, when, what). */
export async function listAccountEvents(db: Knex, userId: string): Promise<AccountEventView[]> {
  const rows = accountEventRows.rows(
    await db('account_events')
      .where({ user_id: userId })
      .orderBy('id', 'desc')
      .limit(200)
      .select('action', 'actor_name', 'detail', 'at'),
  );
  return rows.map((r) => ({
    action: r.action,
    by: r.actor_name,
    detail: accountEventDetail(r.detail),
    at: new Date(r.at).toISOString(),
  }));
}
