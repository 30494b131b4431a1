import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'alur_session';

/** Reads the session token from the request cookies. */
export function readSessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** Sets (or clears, with an empty token) the session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function writeSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: token === '' ? new Date(0) : expiresAt,
    }),
  );
}
