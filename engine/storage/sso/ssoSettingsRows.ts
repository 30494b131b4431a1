import type { Knex } from 'knex';
import type { SsoMatchBy, SsoSettings } from '../../app/sso/ssoSettings.ts';

/** A `regency_sso` row. */
interface SsoRow {
  regency_id: string;
  provider_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  claim: string;
  match_by: SsoMatchBy;
  enabled: boolean;
  create_unknown: boolean;
  new_user_role: string | null;
  allow_local_passwords: boolean;
  updated_at: Date | string;
}

function decodeSsoSettings(row: SsoRow): SsoSettings {
  return {
    regencyId: row.regency_id,
    providerName: row.provider_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    claim: row.claim,
    matchBy: row.match_by,
    enabled: row.enabled,
    createUnknown: row.create_unknown,
    newUserRole: row.new_user_role,
    allowLocalPasswords: row.allow_local_passwords,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The stored SSO settings of a regency, if any. */
export async function ssoSettingsRow(db: Knex, regencyId: string): Promise<SsoSettings | undefined> {
  const row = (await db('regency_sso').where({ regency_id: regencyId }).first()) as SsoRow | undefined;
  return row ? decodeSsoSettings(row) : undefined;
}

/** Regencies with SSO turned on, by name, with their provider's name. */
export async function enabledSsoProviders(
  db: Knex,
): Promise<Array<{ regencyId: string; regencyName: string; providerName: string }>> {
  const rows: Array<{ regency_id: string; name: string; provider_name: string }> = await db('regency_sso as s')
    .join('regencies as r', 'r.id', 's.regency_id')
    .where('s.enabled', true)
    .orderBy('r.name')
    .select('s.regency_id', 'r.name', 's.provider_name');
  return rows.map((r) => ({ regencyId: r.regency_id, regencyName: r.name, providerName: r.provider_name }));
}

/** The provider name of a regency that has SSO on and local passwords off, if it has. */
export async function localPasswordsOffProvider(db: Knex, regencyId: string): Promise<string | undefined> {
  const row: { provider_name: string } | undefined = await db('regency_sso')
    .where({ regency_id: regencyId, enabled: true, allow_local_passwords: false })
    .first('provider_name');
  return row?.provider_name;
}

/** Stores (inserts or replaces) a regency's SSO settings. */
export async function upsertSsoSettings(db: Knex, settings: Omit<SsoSettings, 'updatedAt'>, now: Date): Promise<void> {
  await db('regency_sso')
    .insert({
      regency_id: settings.regencyId,
      provider_name: settings.providerName,
      issuer: settings.issuer,
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      claim: settings.claim,
      match_by: settings.matchBy,
      enabled: settings.enabled,
      create_unknown: settings.createUnknown,
      new_user_role: settings.newUserRole,
      allow_local_passwords: settings.allowLocalPasswords,
      updated_at: now,
    })
    .onConflict('regency_id')
    .merge();
}
