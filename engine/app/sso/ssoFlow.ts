import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import * as oidc from 'openid-client';
import { createSession, type NewSession, type SessionSubject } from '../authService.ts';
import { insertSsoLogin, takeSsoLogin, type PendingLogin } from '../../storage/sso/ssoLoginRows.ts';
import { findSsoAccount, createSsoAccount } from './ssoAccounts.ts';
import { recordSsoEvent } from './ssoEvents.ts';
import { SsoRefusal } from './ssoRefusal.ts';
import { ssoSettingsOf, type SsoSettings } from './ssoSettings.ts';

const LOGIN_MINUTES = 10;
const PROVIDER_TIMEOUT_SECONDS = 10;

// One discovered configuration per regency and settings version: discovery is a network round trip.
const configurations = new Map<string, Promise<oidc.Configuration>>();

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The provider's configuration (discovery document and keys), fetched once per settings version. */
function configurationOf(settings: SsoSettings): Promise<oidc.Configuration> {
  const key = `${settings.regencyId}|${settings.updatedAt}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    found = oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // Settings allow plain http only for a provider on this machine (checked when saved).
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    configurations.set(key, found);
    // A provider that was down is asked again next time.
    found.catch(() => configurations.delete(key));
  }
  return found;
}

async function enabledSettings(db: Knex, regencyId: string): Promise<SsoSettings> {
  const settings = await ssoSettingsOf(db, regencyId);
  if (!settings?.enabled)
    throw new SsoRefusal(
      'not_configured',
      'Kabupaten ini tidak memakai masuk dengan SSO. Masuk dengan kata sandi Alur.',
    );
  return settings;
}

async function reachProvider<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError)
      throw new SsoRefusal(
        'provider_refused',
        `Penyedia SSO tidak mengizinkan masuk (${error.error}). Coba lagi, atau hubungi admin kabupaten.`,
      );
    if (error instanceof oidc.ResponseBodyError || error instanceof oidc.ClientError)
      throw new SsoRefusal(
        'invalid_response',
        'Jawaban penyedia SSO tidak sah atau tidak cocok dengan permintaan masuk ini (state, nonce atau kode). Mulai lagi dari halaman masuk.',
      );
    throw new SsoRefusal(
      'provider_unreachable',
      'Penyedia SSO tidak dapat dihubungi. Coba lagi sebentar lagi, atau masuk dengan kata sandi bila kabupaten mengizinkannya.',
    );
  }
}

/** A login started: the browser-binding id for the cookie and the provider address to redirect to. */
export interface SsoStart {
  loginId: string;
  url: string;
  expiresAt: Date;
}

/** Starts an authorization code login with PKCE, state and nonce; they are kept until the callback. */
export async function startSsoLogin(
  db: Knex,
  regencyId: string,
  redirectUri: string,
  now = new Date(),
): Promise<SsoStart> {
  const settings = await enabledSettings(db, regencyId);
  const configuration = await reachProvider(() => configurationOf(settings));
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const loginId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOGIN_MINUTES * 60_000);
  await insertSsoLogin(
    db,
    { id: hashOf(loginId), regencyId, state, nonce, code_verifier: codeVerifier, expiresAt },
    now,
  );
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { loginId, url: url.href, expiresAt };
}

/** The login this browser started (its cookie), used once. */
async function takePendingLogin(
  db: Knex,
  regencyId: string,
  loginId: string | undefined,
  now: Date,
): Promise<PendingLogin> {
  const unknown = new SsoRefusal(
    'login_unknown',
    'Permintaan masuk ini tidak dikenal, sudah dipakai atau kedaluwarsa (lebih dari 10 menit). Mulai lagi dari halaman masuk.',
  );
  if (!loginId) throw unknown;
  // Marked used in the statement that checks it is unused: a callback works once.
  const row = await takeSsoLogin(db, hashOf(loginId), regencyId, now);
  if (!row) throw unknown;
  return row;
}

/** The claim naming the person: from the ID token, else from the userinfo endpoint. */
async function claimValue(
  configuration: oidc.Configuration,
  settings: SsoSettings,
  tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>,
): Promise<{ value: string; name?: string; email?: string }> {
  const idClaims = tokens.claims();
  let claims: Record<string, unknown> = { ...idClaims };
  if (idClaims && claims[settings.claim] === undefined)
    claims = {
      ...claims,
      ...(await reachProvider(() => oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub))),
    };
  const value = claims[settings.claim];
  if (typeof value !== 'string' || value.trim() === '')
    throw new SsoRefusal(
      'no_claim',
      `Penyedia SSO tidak mengirim "${settings.claim}", yang dipakai Alur untuk mengenali pegawai. Hubungi admin kabupaten.`,
    );
  return {
    value: value.trim(),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
  };
}

/**
 * Finishes a login at the callback: checks the browser's pending login, exchanges the code (PKCE,
 * state and nonce checked by openid-client), matches the claim to an account of the regency and opens
 * an ordinary Alur session. Unknown people are refused (and recorded) unless the admin allowed creating them.
 */
export async function finishSsoLogin(
  db: Knex,
  regencyId: string,
  loginId: string | undefined,
  callbackUrl: URL,
  redirectUri: string,
  now = new Date(),
): Promise<NewSession> {
  const settings = await enabledSettings(db, regencyId);
  const pending = await takePendingLogin(db, regencyId, loginId, now);
  const configuration = await reachProvider(() => configurationOf(settings));
  const tokens = await reachProvider(() =>
    oidc.authorizationCodeGrant(
      configuration,
      callbackUrl,
      {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
      { redirect_uri: redirectUri },
    ),
  );
  const person = await claimValue(configuration, settings, tokens);
  let account: (SessionSubject & { active: boolean }) | undefined = await findSsoAccount(db, settings, person.value);
  const refuse = async (reason: 'unknown_user' | 'disabled', message: string): Promise<never> => {
    await recordSsoEvent(db, {
      regencyId,
      action: 'refused',
      subject: person.value,
      ...(account ? { userId: account.id } : {}),
      actorName: settings.providerName,
      detail: { reason },
    });
    throw new SsoRefusal(reason, message);
  };
  if (!account) {
    if (!settings.createUnknown)
      return refuse(
        'unknown_user',
        `"${person.value}" belum punya akun Alur di kabupaten ini. Minta admin kabupaten membuatkan akun dengan ${settings.matchBy === 'email' ? 'alamat surel' : 'nama pengguna'} yang sama, lalu masuk lagi.`,
      );
    account = await createSsoAccount(db, settings, person);
  }
  if (!account.active) return refuse('disabled', 'Akun Alur Anda dinonaktifkan. Hubungi admin kabupaten.');
  await recordSsoEvent(db, {
    regencyId,
    action: 'signed_in',
    subject: person.value,
    userId: account.id,
    actorName: settings.providerName,
  });
  return createSession(db, account, now);
}
