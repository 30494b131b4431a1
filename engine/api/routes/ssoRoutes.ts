import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import { logout } from '../../app/authService.ts';
import { recentSsoEvents } from '../../app/sso/ssoEvents.ts';
import { finishSsoLogin, startSsoLogin } from '../../app/sso/ssoFlow.ts';
import { refusalPage, SsoRefusal } from '../../app/sso/ssoRefusal.ts';
import { enabledProviders, saveSsoSettings, ssoSettingsOf, withoutSecret } from '../../app/sso/ssoSettings.ts';
import { ssoContracts as c } from '../../contracts/ssoContracts.ts';
import { publicBaseUrl } from '../publicAddress.ts';
import { implement, type RouteResult, type RouteSpec } from '../routeSpec.ts';
import { readSessionToken, writeSessionCookie } from '../sessionCookie.ts';

/** The cookie binding a login under way to the browser that started it (only its hash is stored). */
const LOGIN_COOKIE = 'alur_sso';
const LOGIN_COOKIE_PATH = '/api/auth/sso';

function writeLoginCookie(res: Response, value: string, expires: Date, secure: boolean): void {
  // SameSite=Lax: the provider's redirect back is a top-level GET, which still carries it.
  res.append(
    'Set-Cookie',
    serialize(LOGIN_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: LOGIN_COOKIE_PATH, expires }),
  );
}

function readLoginCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[LOGIN_COOKIE] : undefined;
}

function redirectUriOf(req: Request, regencyId: string): string {
  return `${publicBaseUrl(req)}/api/auth/sso/${encodeURIComponent(regencyId)}/callback`;
}

function refused(refusal: SsoRefusal): Omit<RouteResult, 'body'> {
  return {
    status: refusal.status,
    file: { content: Buffer.from(refusalPage(refusal)), mediaType: 'text/html; charset=utf-8', fileName: 'sso.html' },
  };
}

/** Single sign-on with each regency's OpenID Connect provider, and its settings for the regency admin. */
export function ssoRoutes(secureCookies: () => boolean): RouteSpec[] {
  return [
    implement(c.providers, {
      summary: 'Penyedia SSO yang ditawarkan halaman masuk (kabupaten dan nama penyedia)',
      tag: 'akun',
      access: 'public',
      policy: { action: 'public' },
      responses: { 200: 'Daftar penyedia' },
      handler: async ({ db }) => ({ body: { providers: await enabledProviders(db) } }),
    }),
    implement(c.start, {
      summary: 'Mulai masuk dengan SSO kabupaten: dialihkan ke penyedia (kode otorisasi dengan PKCE, state, nonce)',
      tag: 'akun',
      access: 'public',
      policy: { action: 'public' },
      responses: { 303: 'Dialihkan ke penyedia', 404: 'Kabupaten tanpa SSO', 502: 'Penyedia tidak dapat dihubungi' },
      handler: async ({ db, params, req, res }) => {
        const regencyId = params.regencyId;
        try {
          const started = await startSsoLogin(db, regencyId, redirectUriOf(req, regencyId));
          writeLoginCookie(res, started.loginId, started.expiresAt, secureCookies());
          return { redirect: started.url };
        } catch (error) {
          if (error instanceof SsoRefusal) return refused(error);
          throw error;
        }
      },
    }),
    implement(c.callback, {
      summary: 'Kembali dari penyedia SSO: kode ditukar, pegawai dicocokkan dengan akunnya, sesi Alur dibuat',
      tag: 'akun',
      access: 'public',
      policy: { action: 'public' },
      responses: {
        303: 'Masuk; dialihkan ke aplikasi',
        400: 'Permintaan masuk tidak dikenal, state/nonce tidak cocok, atau penyedia menolak',
        403: 'Pegawai tidak dikenal atau akunnya nonaktif',
        502: 'Penyedia tidak dapat dihubungi',
      },
      handler: async ({ db, params, req, res }) => {
        const regencyId = params.regencyId;
        const redirectUri = redirectUriOf(req, regencyId);
        const callbackUrl = new URL(`${publicBaseUrl(req)}${req.originalUrl}`);
        const loginId = readLoginCookie(req);
        // The pending login is single-use either way: its cookie goes.
        if (loginId !== undefined) writeLoginCookie(res, '', new Date(0), secureCookies());
        try {
          const session = await finishSsoLogin(db, regencyId, loginId, callbackUrl, redirectUri);
          const previous = readSessionToken(req);
          if (previous) await logout(db, previous);
          writeSessionCookie(res, session.token, session.expiresAt, secureCookies());
          return { redirect: '/' };
        } catch (error) {
          if (error instanceof SsoRefusal) return refused(error);
          throw error;
        }
      },
    }),
    implement(c.settings, {
      summary: 'Pengaturan SSO kabupaten (tanpa rahasia klien) dan riwayat masuk/penolakan SSO',
      tag: 'akun',
      access: 'user',
      policy: { action: 'accounts.manage' },
      responses: { 200: 'Pengaturan dan riwayat', 401: 'Belum masuk', 403: 'Bukan admin' },
      handler: async ({ db, user, req }) => {
        const settings = await ssoSettingsOf(db, user.regencyId);
        return {
          body: {
            settings: settings ? withoutSecret(settings) : null,
            redirectUri: redirectUriOf(req, user.regencyId),
            events: await recentSsoEvents(db, user.regencyId),
          },
        };
      },
    }),
    implement(c.saveSettings, {
      summary: 'Menyimpan pengaturan SSO kabupaten (penerbit, klien, klaim, akun baru, kata sandi lokal)',
      tag: 'akun',
      access: 'user',
      policy: { action: 'accounts.manage' },
      responses: { 200: 'Disimpan', 400: 'Data tidak sah', 401: 'Belum masuk', 403: 'Bukan admin' },
      handler: async ({ db, user, body }) => ({
        body: { settings: withoutSecret(await saveSsoSettings(db, user.regencyId, body, user.name)) },
      }),
    }),
  ];
}
