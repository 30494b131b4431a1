import type { Knex } from 'knex';
import { insertAccountEvent } from '../../storage/accounts/accountEventRows.ts';

/** Every kind of account change; each is one row of the append-only `account_events` table. */
export type AccountAction =
  | 'created'
  | 'updated'
  | 'disabled'
  | 'enabled'
  | 'password_reset'
  | 'activation_link'
  | 'unlocked'
  | 'password_changed'
  | 'activated'
  | 'demo_disabled';

/** Who made a change: a signed-in user, the command line or the server itself. */
export interface AccountActor {
  id: string;
  name: string;
}

/** The command line, as an actor of account events. */
export const CLI_ACTOR: AccountActor = { id: 'cli', name: 'Baris perintah (alur user)' };
/** The server process, as an actor of account events (demo accounts turned off). */
export const SYSTEM_ACTOR: AccountActor = { id: 'system', name: 'Sistem' };

/** Records one account change; `detail` names what changed and never carries a password or token. */
export async function recordAccountEvent(
  db: Knex,
  target: { id: string; regencyId: string; username: string },
  action: AccountAction,
  actor: AccountActor,
  detail?: Record<string, unknown>,
): Promise<void> {
  await insertAccountEvent(db, {
    regency_id: target.regencyId,
    user_id: target.id,
    username: target.username,
    action,
    actor_id: actor.id,
    actor_name: actor.name,
    detail: detail === undefined ? null : JSON.stringify(detail),
  });
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
