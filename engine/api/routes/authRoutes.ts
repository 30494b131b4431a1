import { AppError } from '../../app/appErrors.ts';
import { activateAccount, changeOwnPassword } from '../../app/accounts/accountService.ts';
import { login, logout } from '../../app/authService.ts';
import { releaseLoginAttempt, reserveLoginAttempt } from '../../app/loginThrottle.ts';
import { authContracts as c } from '../../contracts/authContracts.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { regencyNameOf } from '../../storage/regencyNames.ts';
import { implement, type RouteSpec } from '../routeSpec.ts';
import { readSessionToken, writeSessionCookie } from '../sessionCookie.ts';

/** Login, logout and the current user. */
export function authRoutes(secureCookies: () => boolean): RouteSpec[] {
  return [
    implement(c.login, {
      summary: 'Masuk dengan nama pengguna dan kata sandi; membuat sesi baru',
      tag: 'akun',
      access: 'public',
      policy: { action: 'public' },
      responses: {
        200: 'Berhasil masuk; cookie sesi dan token CSRF',
        400: 'Data tidak lengkap',
        401: 'Salah nama pengguna atau kata sandi',
        429: 'Akun dikunci sementara',
      },
      handler: async ({ db, body, req, res }) => {
        const address = req.ip ?? 'unknown';
        await reserveLoginAttempt(db, address);
        const previous = readSessionToken(req);
        if (previous) await logout(db, previous);
        let session;
        try {
          session = await login(db, body.username, body.password);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // Returned, not thrown: the reserved checks stay counted as failures when the refusal commits.
          return { error };
        }
        await releaseLoginAttempt(db, address);
        writeSessionCookie(res, session.token, session.expiresAt, secureCookies());
        return {
          body: {
            user: session.user,
            csrfToken: session.csrfToken,
            expiresAt: session.expiresAt.toISOString(),
            mustChangePassword: session.mustChangePassword,
          },
        };
      },
    }),
    implement(c.logout, {
      summary: 'Keluar; sesi dihapus',
      tag: 'akun',
      access: 'user',
      beforePasswordChange: true,
      policy: { action: 'session' },
      responses: { 200: 'Sudah keluar', 401: 'Belum masuk' },
      handler: async ({ db, req, res }) => {
        const token = readSessionToken(req);
        if (token) await logout(db, token);
        writeSessionCookie(res, '', new Date(0), secureCookies());
        return { body: { ok: true } };
      },
    }),
    implement(c.me, {
      summary: 'Pengguna yang sedang masuk, kabupaten, peran dan pelimpahan aktif',
      tag: 'akun',
      access: 'user',
      beforePasswordChange: true,
      policy: { action: 'session' },
      responses: { 200: 'Data pengguna', 401: 'Belum masuk' },
      handler: async ({ db, user, access, csrfToken, account }) => {
        const named = await regencyNameOf(db, user.regencyId);
        if (!named) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.');
        // The delegations were read with the session, at the start of this request.
        const delegations = access.delegations;
        const settings = await getRegency(db, user.regencyId);
        // Dates the apps show and default to are the regency's own days (WIB, WITA or WIT), not the PC's.
        const regency = { id: named.id, name: named.name, timeZone: settings?.calendar.timezone ?? 'Asia/Jakarta' };
        const roleNames = Object.fromEntries(
          (settings?.roles ?? []).map((r) => [r.id, { name: r.name, kind: r.kind ?? 'staff', unit: r.unit ?? null }]),
        );
        return {
          body: {
            user,
            regency,
            roles: roleNames,
            csrfToken: csrfToken ?? null,
            mustChangePassword: account?.mustChangePassword ?? false,
            platformAdmin: account?.platformAdmin ?? false,
            actingFor: delegations.map((d) => ({ userId: d.fromUserId, name: d.fromName, roles: d.roles })),
          },
        };
      },
    }),
    implement(c.changePassword, {
      summary: 'Mengganti kata sandi sendiri (kata sandi saat ini wajib); sesi lain diakhiri',
      tag: 'akun',
      access: 'user',
      beforePasswordChange: true,
      policy: { action: 'session' },
      responses: { 200: 'Kata sandi diganti', 400: 'Kata sandi lama salah atau yang baru tidak memenuhi aturan' },
      handler: async ({ db, user, body, account }) => {
        await changeOwnPassword(db, user.id, body.currentPassword, body.newPassword, account?.sessionId);
        return { body: { ok: true } };
      },
    }),
    implement(c.activate, {
      summary: 'Mengaktifkan akun dengan tautan sekali pakai dan menetapkan kata sandi sendiri',
      tag: 'akun',
      access: 'public',
      policy: { action: 'public' },
      responses: {
        200: 'Akun aktif; silakan masuk',
        400: 'Kata sandi tidak memenuhi aturan',
        422: 'Tautan tidak berlaku',
      },
      handler: async ({ db, body }) => ({ body: { username: await activateAccount(db, body.token, body.password) } }),
    }),
  ];
}
