import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { SsoSettings } from '../../app/sso/ssoSettings.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** A `regency_sso` row. */
const SsoRowSchema = Type.Object({
  regency_id: Type.String(),
  provider_name: Type.String(),
  issuer: Type.String(),
  client_id: Type.String(),
  client_secret: Type.String(),
  claim: Type.String(),
  match_by: Type.Union([Type.Literal('username'), Type.Literal('email')]),
  enabled: Type.Boolean(),
  create_unknown: Type.Boolean(),
  new_user_role: Nullable(Type.String()),
  allow_local_passwords: Type.Boolean(),
  updated_at: Timestamp,
});
type SsoRow = Static<typeof SsoRowSchema>;

// Compiled once, at module load.
const ssoRows = rowDecoder('regency_sso', SsoRowSchema);
const providerRows = rowDecoder(
  'regency_sso (enabled providers)',
  Type.Object({ regency_id: Type.String(), name: Type.String(), provider_name: Type.String() }),
);
const providerNameRows = rowDecoder('regency_sso (provider name)', Type.Object({ provider_name: Type.String() }));

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
  const row = ssoRows.first(await db('regency_sso').where({ regency_id: regencyId }).first());
  return row ? decodeSsoSettings(row) : undefined;
}

/** Regencies with SSO turned on, by name, with their provider's name. */
export async function enabledSsoProviders(
  db: Knex,
): Promise<Array<{ regencyId: string; regencyName: string; providerName: string }>> {
  const rows = providerRows.rows(
    await db('regency_sso as s')
      .join('regencies as r', 'r.id', 's.regency_id')
      .where('s.enabled', true)
      .orderBy('r.name')
      .select('s.regency_id', 'r.name', 's.provider_name'),
  );
  return rows.map((r) => ({ regencyId: r.regency_id, regencyName: r.name, providerName: r.provider_name }));
}

/** The provider name of a regency that has SSO on and local passwords off, if it has. */
export async function localPasswordsOffProvider(db: Knex, regencyId: string): Promise<string | undefined> {
  const row = providerNameRows.first(
    await db('regency_sso')
      .where({ regency_id: regencyId, enabled: true, allow_local_passwords: false })
      .first('provider_name'),
  );
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
