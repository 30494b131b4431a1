import type { Knex } from 'knex';
import { detailRecord } from '../../storage/jsonDetail.ts';
import { insertSsoEvent, latestSsoEventRows } from '../../storage/sso/ssoEventRows.ts';

/** Every kind of SSO record; each is one row of the append-only `sso_events` table. */
export type SsoAction = 'signed_in' | 'refused' | 'account_created' | 'settings_changed';

/** One SSO record: who (the provider's claim value, the account), what and why. */
export interface SsoEvent {
  regencyId: string;
  action: SsoAction;
  subject?: string;
  userId?: string;
  actorName: string;
  detail?: Record<string, unknown>;
}

/** Records an SSO sign-in, refusal or settings change (never a token or secret). */
export async function recordSsoEvent(db: Knex, event: SsoEvent): Promise<void> {
  await insertSsoEvent(db, {
    regency_id: event.regencyId,
    action: event.action,
    subject: event.subject ?? null,
    user_id: event.userId ?? null,
    actor_name: event.actorName,
    detail: event.detail === undefined ? null : JSON.stringify(event.detail),
  });
}

/** A record's detail as the admin's list reads it: a refusal says why in `reason`. */
type SsoEventDetail = ({ reason?: string } & Record<string, unknown>) | null;

/** The stored detail with its `reason` checked. */
function ssoEventDetail(value: unknown): SsoEventDetail {
  const detail = detailRecord(value);
  if (detail === null) return null;
  const { reason, ...rest } = detail;
  return typeof reason === 'string' ? { ...rest, reason } : rest;
}

/** The latest SSO records of a regency, newest first. */
export async function recentSsoEvents(
  db: Knex,
  regencyId: string,
  limit = 50,
): Promise<Array<{ action: SsoAction; subject: string | null; by: string; detail: SsoEventDetail; at: string }>> {
  const rows = await latestSsoEventRows(db, regencyId, limit);
  return rows.map((r) => ({
    action: r.action,
    subject: r.subject,
    by: r.actor_name,
    detail: ssoEventDetail(r.detail),
    at: new Date(r.at).toISOString(),
  }));
}
