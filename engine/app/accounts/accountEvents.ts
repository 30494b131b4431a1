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
