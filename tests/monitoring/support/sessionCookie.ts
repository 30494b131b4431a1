import { DEMO_PASSWORD } from '../../../engine/app/demoUsers.ts';

/** Signs a demo user in with plain fetch and returns the session cookie, for downloads the JSON client cannot read. */
export async function sessionCookie(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
