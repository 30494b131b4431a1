import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import { regencyOrFail } from '../accounts/accountService.ts';
import {
  enabledSsoProviders,
  localPasswordsOffProvider,
  ssoSettingsRow,
  upsertSsoSettings,
} from '../../storage/sso/ssoSettingsRows.ts';
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

/** The SSO settings of a regency, or undefined when it has none. */
export async function ssoSettingsOf(db: Knex, regencyId: string): Promise<SsoSettings | undefined> {
  return ssoSettingsRow(db, regencyId);
}

/** The providers the login page offers: regencies with SSO turned on (no secrets, no settings). */
export async function enabledProviders(
  db: Knex,
): Promise<Array<{ regencyId: string; regencyName: string; providerName: string }>> {
  return enabledSsoProviders(db);
}

/** Refuses a password sign-in when the account's regency has turned local passwords off. */
export async function assertLocalPasswordAllowed(db: Knex, regencyId: string): Promise<void> {
  const providerName = await localPasswordsOffProvider(db, regencyId);
  if (providerName !== undefined)
    throw new AppError(
      'FORBIDDEN',
      `Kabupaten Anda tidak memakai kata sandi Alur. Tekan "Masuk dengan ${providerName}" (masuk dengan SSO) dan masuk dengan akun kantor Anda.`,
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
  await upsertSsoSettings(
    db,
    {
      regencyId,
      providerName,
      issuer: input.issuer.trim(),
      clientId: input.clientId.trim(),
      clientSecret: secret,
      claim: input.claim,
      matchBy: input.matchBy,
      enabled: input.enabled,
      createUnknown: input.createUnknown,
      newUserRole,
      allowLocalPasswords: input.allowLocalPasswords,
    },
    now,
  );
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
