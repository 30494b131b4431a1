import type { Knex } from 'knex';

/** One row of the append-only `sso_events` table as written. */
export interface SsoEventRow {
  regency_id: string;
  action: 'signed_in' | 'refused' | 'account_created' | 'settings_changed';
  subject: string | null;
  user_id: string | null;
  actor_name: string;
  /** JSON text, or null. */
  detail: string | null;
}

/** Appends one SSO record. */
export async function insertSsoEvent(db: Knex, row: SsoEventRow): Promise<void> {
  await db('sso_events').insert(row);
}

/** The latest SSO records of a regency, newest first. */
export async function latestSsoEventRows(
  db: Knex,
  regencyId: string,
  limit: number,
): Promise<Array<Pick<SsoEventRow, 'action' | 'subject' | 'actor_name'> & { detail: unknown; at: Date | string }>> {
  return (await db('sso_events')
    .where({ regency_id: regencyId })
    .orderBy('id', 'desc')
    .limit(limit)
    .select('action', 'subject', 'actor_name', 'detail', 'at')) as Array<
    Pick<SsoEventRow, 'action' | 'subject' | 'actor_name'> & { detail: unknown; at: Date | string }
  >;
}
