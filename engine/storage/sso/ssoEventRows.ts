import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const ssoEventRows = rowDecoder(
  'sso_events (latest)',
  Type.Object({
    action: Type.Union(
      (['signed_in', 'refused', 'account_created', 'settings_changed'] as const).map((a) => Type.Literal(a)),
    ),
    subject: Nullable(Type.String()),
    actor_name: Type.String(),
    detail: Type.Unknown(),
    at: Timestamp,
  }),
);

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
  return ssoEventRows.rows(
    await db('sso_events')
      .where({ regency_id: regencyId })
      .orderBy('id', 'desc')
      .limit(limit)
      .select('action', 'subject', 'actor_name', 'detail', 'at'),
  );
}
