import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './pg-server.js';

export type TestAccount = { email: string; name: string; groups: string[] };

export const TEST_CLIENT = { id: 'styrbord', secret: 'en-hemlighet-for-testet-som-ar-lang-nog' };

/**
 * A real OpenID Connect provider (the oidc-provider package) on a free 127.0.0.1 port, with one
 * client and the given accounts, whose claims include their groups. Its development login page
 * takes any account id as login; consent is one more form.
 */
export async function startOidcProvider(opts: {
  accounts: Record<string, TestAccount>;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Entra ID puts the groups in the ID token; so does this provider (all granted claims).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: (_ctx: unknown, id: string) => {
      const a = opts.accounts[id];
      return a
        ? { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...a }) }
        : undefined;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1');
    s.once('listening', () => resolve(s));
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies for one site, by name (enough for the provider's own pages). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * Follows the provider's redirects from the authorisation URL as a browser would, logs in as
 * `accountId` on its login page and gives consent, until it sends the browser back to `appOrigin`:
 * answers that URL (the callback with code and state, or an error).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  accountId: string,
  appOrigin: string,
  jar = new CookieJar(),
): Promise<URL> {
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    if (url.origin === appOrigin) return url;
    const res: Response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.take(res);
    body = null;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html: string = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html}`);
    url = new URL(action, url);
    body = html.includes('value="login"')
      ? new URLSearchParams({ prompt: 'login', login: accountId, password: 'vad-som-helst' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the provider never sent the browser back');
}
