import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import { regencyOrFail } from '../accounts/accountService.ts';
import { recordSsoEvent } from './ssoEvents.ts';

/** Which account field the provider's claim is compared with. */
export type SsoMatchBy = 'username' | 'email';

/** A regency's OpenID Connect settings as the admin edits them (the secret only written, never read back). */
export interface SsoSettingsInput {
  providerName: string;
  issuer: string;
  clientId: string;
  /** Empty or absent keeps the stored secret. */
  clientSecret?: string;
  claim: string;
  matchBy: SsoMatchBy;
  enabled: boolean;
  createUnknown: boolean;
  newUserRole?: string | null;
  allowLocalPasswords: boolean;
}

/** The stored settings, secret included (server side only). */
export interface SsoSettings extends Omit<SsoSettingsInput, 'clientSecret'> {
  regencyId: string;
  clientSecret: string;
  newUserRole: string | null;
  updatedAt: string;
}

type SsoRow = {
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
};

function fromRow(row: SsoRow): SsoSettings {
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

/** The SSO settings of a regency, or undefined when it has none. */
export async function ssoSettingsOf(db: Knex, regencyId: string): Promise<SsoSettings | undefined> {
  const row = (await db('regency_sso').where({ regency_id: regencyId }).first()) as SsoRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** The providers the login page offers: regencies with SSO turned on (no secrets, no settings). */
export async function enabledProviders(
  db: Knex,
): Promise<Array<{ regencyId: string; regencyName: string; providerName: string }>> {
  const rows = (await db('regency_sso as s')
    .join('regencies as r', 'r.id', 's.regency_id')
    .where('s.enabled', true)
    .orderBy('r.name')
    .select('s.regency_id', 'r.name', 's.provider_name')) as Array<{
    regency_id: string;
    name: string;
    provider_name: string;
  }>;
  return rows.map((r) => ({ regencyId: r.regency_id, regencyName: r.name, providerName: r.provider_name }));
}

/** Refuses a password sign-in when the account's regency has turned local passwords off. */
export async function assertLocalPasswordAllowed(db: Knex, regencyId: string): Promise<void> {
  const row = (await db('regency_sso')
    .where({ regency_id: regencyId, enabled: true, allow_local_passwords: false })
    .first('provider_name')) as { provider_name: string } | undefined;
  if (row)
    throw new AppError(
      'FORBIDDEN',
      `Kabupaten Anda tidak memakai kata sandi Alur. Tekan "Masuk dengan ${row.provider_name}" (masuk dengan SSO) dan masuk dengan akun kantor Anda.`,
      '/password',
      undefined,
      'LOCAL_PASSWORD_OFF',
    );
}

const CLAIM = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, path);
}

/** Checks the issuer address: https, or plain http only on this machine (a provider started for tests or development). */
function assertIssuer(issuer: string): void {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalid(
      '/issuer',
      `Alamat penerbit "${issuer}" bukan alamat web; tulis seperti https://sso.example.go.id/realms/dinsos.`,
    );
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw invalid('/issuer', 'Alamat penerbit harus diawali https:// (http:// hanya untuk penyedia di komputer ini).');
}

/** Stores a regency's SSO settings after checking them; records which settings changed (never the secret). */
export async function saveSsoSettings(
  db: Knex,
  regencyId: string,
  input: SsoSettingsInput,
  actorName: string,
  now = new Date(),
): Promise<SsoSettings> {
  const regency = await regencyOrFail(db, regencyId);
  const previous = await ssoSettingsOf(db, regencyId);
  const providerName = input.providerName.trim();
  if (providerName === '') throw invalid('/providerName', 'Nama penyedia wajib diisi (mis. "SSO Pemkab").');
  assertIssuer(input.issuer.trim());
  if (input.clientId.trim() === '') throw invalid('/clientId', 'ID klien wajib diisi (dari pengelola penyedia SSO).');
  const secret = input.clientSecret?.trim() ? input.clientSecret.trim() : previous?.clientSecret;
  if (!secret) throw invalid('/clientSecret', 'Rahasia klien wajib diisi (dari pengelola penyedia SSO).');
  if (!CLAIM.test(input.claim))
    throw invalid('/claim', `Nama klaim "${input.claim}" tidak sah; contoh: preferred_username atau email.`);
  const newUserRole = input.newUserRole?.trim() ? input.newUserRole.trim() : null;
  if (newUserRole !== null && !regency.roles.some((r) => r.id === newUserRole))
    throw invalid('/newUserRole', `Peran "${newUserRole}" tidak ada di ${regency.name}.`);
  if (input.createUnknown && newUserRole === null)
    throw invalid(
      '/newUserRole',
      'Pilih peran untuk akun yang dibuat saat masuk pertama dengan SSO, atau matikan pembuatan akun otomatis.',
    );
  const row = {
    regency_id: regencyId,
    provider_name: providerName,
    issuer: input.issuer.trim(),
    client_id: input.clientId.trim(),
    client_secret: secret,
    claim: input.claim,
    match_by: input.matchBy,
    enabled: input.enabled,
    create_unknown: input.createUnknown,
    new_user_role: newUserRole,
    allow_local_passwords: input.allowLocalPasswords,
    updated_at: now,
  };
  await db('regency_sso').insert(row).onConflict('regency_id').merge();
  const saved = (await ssoSettingsOf(db, regencyId))!;
  const before: Record<string, unknown> = { ...previous };
  const changed = Object.keys(saved).filter(
    (key) => key !== 'updatedAt' && before[key] !== saved[key as keyof SsoSettings],
  );
  await recordSsoEvent(db, {
    regencyId,
    action: 'settings_changed',
    actorName,
    // The secret's value never enters the trail; only that it changed.
    detail: { changed },
  });
  return saved;
}

/** The settings as the admin sees them: everything but the secret, which is only said to be there. */
export function withoutSecret(settings: SsoSettings): Omit<SsoSettings, 'clientSecret'> & { hasSecret: boolean } {
  const { clientSecret, ...rest } = settings;
  return { ...rest, hasSecret: clientSecret !== '' };
}
