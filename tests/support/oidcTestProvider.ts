import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** A real OpenID Connect provider (the `oidc-provider` package) on a local port, for SSO tests. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

/**
 * Starts the provider with one confidential client allowed to return to `redirectUri`. Its development
 * sign-in page accepts any login (the login becomes the person's `preferred_username`; their e-mail is
 * `<login>@pemkab.example.go.id`), so a test chooses who signs in.
 */
export async function startTestProvider(port: number, redirectUri: string): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'alur-test';
  const clientSecret = 'rahasia-klien-uji-yang-cukup-panjang-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        preferred_username: id,
        name: `Pegawai ${id}`,
        email: `${id}@pemkab.example.go.id`,
        email_verified: true,
      }),
    }),
    cookies: { keys: ['kunci-cookie-penyedia-uji'] },
    // Lifetimes set (to the defaults' order) so the provider does not warn about each one.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies of one user agent, by name (enough for the provider's and Alur's few cookies). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function step(jar: CookieJar, url: string, form?: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.take(response);
  await response.arrayBuffer();
  const location = response.headers.get('location');
  if (!location) throw new Error(`${url}: ${response.status} without a redirect`);
  return new URL(location, url).href;
}

/**
 * Signs in at the provider the way its development pages would be used in a browser (login, then
 * consent), without one: follows the redirects from the authorization address until the provider
 * sends the browser back to `returnPrefix`, and returns that address (with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, returnPrefix: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let hops = 0; hops < 12; hops++) {
    if (url.startsWith(returnPrefix)) return url;
    const interaction = /\/interaction\/[^/?]+$/.test(new URL(url).pathname);
    if (!interaction) {
      url = await step(jar, url);
      continue;
    }
    // The interaction page says which prompt it is; answer it as its form would.
    const page = await (await fetch(url, { headers: { cookie: jar.header() } })).text();
    const form: Record<string, string> = page.includes('value="consent"')
      ? { prompt: 'consent' }
      : { prompt: 'login', login, password: 'sandi-penyedia' };
    url = await step(jar, url, form);
  }
  throw new Error('the provider did not send the browser back');
}
