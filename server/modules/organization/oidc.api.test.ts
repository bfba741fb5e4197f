import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/tables.js';
import {
  aTenant,
  aUnit,
  json,
  login,
  PASSWORD,
  testEnv,
  type Tenant,
  type TestEnv,
} from '../../test/helper.js';
import {
  CookieJar,
  signInAtProvider,
  startOidcProvider,
  TEST_CLIENT,
} from '../../test/oidc-provider.js';

// Single sign-on against a real OpenID Connect provider started here, through HTTP only: the app
// is asked as a browser at https://styrbord.test would ask it, the provider over the network.
const HOST = 'styrbord.test';
const ORIGIN = `http://${HOST}`;

let env: TestEnv;
let tenant: Tenant;
let boardId: string;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;

beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env, 'Region SSO');
  boardId = (await aUnit(tenant.admin, tenant.rootUnitId, { name: 'IT-nämnden' })).id;
  provider = await startOidcProvider({
    accounts: {
      alva: { email: 'Alva.Berg@region.example', name: 'Alva Berg', groups: ['styrbord-it'] },
      chef: { email: 'chef@region.example', name: 'Cecilia Chef', groups: ['styrbord-admin'] },
      utan: { email: 'utan@region.example', name: 'Ulf Utan', groups: ['annan-grupp'] },
    },
    redirectUris: [`${ORIGIN}/api/auth/oidc/callback`],
    postLogoutRedirectUris: [`${ORIGIN}/`],
  });
  const s = json<{ version: number }>(await tenant.admin.get('/api/settings'));
  json(
    await tenant.admin.put('/api/settings', {
      version: s.version,
      oidcIssuer: provider.issuer,
      oidcClientId: TEST_CLIENT.id,
      oidcClientSecret: TEST_CLIENT.secret,
      oidcGroupRoles: [
        { group: 'styrbord-it', role: 'editor', unitId: boardId },
        { group: 'styrbord-it', role: 'reader', unitId: tenant.rootUnitId },
        { group: 'styrbord-admin', role: 'administrator', unitId: tenant.rootUnitId },
      ],
    }),
  );
});
afterAll(async () => {
  await provider.close();
  await env.close();
});

const app = (url: string, cookie?: string) =>
  env.app.inject({ url, headers: { host: HOST, ...(cookie ? { cookie } : {}) } });

/** A cookie an answer sets, as a request header sends it back ('' when it sets none). */
const cookieOf = (name: string) => (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies
    .filter((c) => c.name === name)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
/** The cookie the start gives the browser, which the callback wants back. */
const stateCookie = cookieOf('styrbord_oidc_state');
const sessionCookie = cookieOf('styrbord_session');

/** Start at the app and log in at the provider: where it sends the browser back, and the state cookie. */
async function roundTrip(accountId: string, jar = new CookieJar()) {
  const start = await app(`/api/auth/oidc/${tenantSlug()}/start`);
  expect(start.statusCode).toBe(302);
  const back = await signInAtProvider(start.headers.location as string, accountId, ORIGIN, jar);
  expect(back.pathname).toBe('/api/auth/oidc/callback');
  return { callback: `${back.pathname}${back.search}`, cookie: stateCookie(start) };
}

/** The whole round: the app's answer to the provider's redirect back. */
async function signOn(accountId: string) {
  const { callback, cookie } = await roundTrip(accountId);
  return app(callback, cookie);
}
const tenantSlug = () => `t-${tenant.tag}`;
const me = async (cookie: string) =>
  json<{
    personId: string;
    email: string;
    name: string;
    csrfToken: string;
    grants: { role: string; unitId: string }[];
  }>(await app('/api/auth/me', cookie));

describe('single sign-on with OpenID Connect', () => {
  it('keeps the client secret: the settings say only that it is set, the audit trail never has it', async () => {
    const s = json<Record<string, unknown>>(await tenant.admin.get('/api/settings'));
    expect(s).toMatchObject({
      oidcIssuer: provider.issuer,
      oidcClientId: TEST_CLIENT.id,
      oidcClientSecretSet: true,
      oidcGroupsClaim: 'groups',
      localPasswords: true,
    });
    expect(JSON.stringify(s)).not.toContain(TEST_CLIENT.secret);
    const events = await env.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenant.tenantId));
    expect(events.some((e) => e.action === 'update_settings')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(TEST_CLIENT.secret);
  });

  it('redirects to the provider with PKCE, state and nonce, and keeps them server-side', async () => {
    const start = await app(`/api/auth/oidc/${tenantSlug()}/start`);
    expect(start.statusCode).toBe(302);
    const to = new URL(start.headers.location as string);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('client_id')).toBe(TEST_CLIENT.id);
    expect(to.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/oidc/callback`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce'])
      expect(to.searchParams.get(p)?.length).toBeGreaterThan(20);
    // The browser keeps only the state, to prove at the callback that the sign-on began here.
    expect(start.cookies).toEqual([
      expect.objectContaining({
        name: 'styrbord_oidc_state',
        value: to.searchParams.get('state'),
        httpOnly: true,
        sameSite: 'Lax',
        path: '/api/auth/oidc/callback',
      }),
    ]);
    expect((await app('/api/auth/oidc/no-such-region/start')).statusCode).toBe(404);
  });

  it('creates the person at first sign-on, with the roles the mapped groups give, and logs them in', async () => {
    const res = await signOn('alva');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const who = await me(sessionCookie(res));
    expect(who).toMatchObject({ email: 'alva.berg@region.example', name: 'Alva Berg' });
    expect(who.grants.map((g) => [g.role, g.unitId]).sort()).toEqual(
      [
        ['editor', boardId],
        ['reader', tenant.rootUnitId],
      ].sort(),
    );
    const person = json<{ canLogIn: boolean }>(
      await tenant.admin.get(`/api/persons/${who.personId}`),
    );
    expect(person.canLogIn).toBe(true);
    const events = await env.db
      .select({ action: auditEvents.action, entityType: auditEvents.entityType })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, who.personId));
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'sso_create', entityType: 'person' },
        { action: 'sso_grant', entityType: 'grant' },
      ]),
    );
  });

  it('reuses the person at the next sign-on, replacing only the grants that came from single sign-on', async () => {
    const first = await me(sessionCookie(await signOn('alva')));
    // A hand-made grant, given by the administrator, stays whatever the groups say.
    json(
      await tenant.admin.post('/api/role-grants', {
        personId: first.personId,
        role: 'auditor',
        unitId: tenant.rootUnitId,
      }),
    );
    const s = json<{ version: number }>(await tenant.admin.get('/api/settings'));
    json(
      await tenant.admin.put('/api/settings', {
        version: s.version,
        oidcGroupRoles: [
          { group: 'styrbord-it', role: 'portfolio_coordinator', unitId: tenant.rootUnitId },
          { group: 'styrbord-admin', role: 'administrator', unitId: tenant.rootUnitId },
        ],
      }),
    );
    const again = await me(sessionCookie(await signOn('alva')));
    expect(again.personId).toBe(first.personId);
    expect(again.grants.map((g) => g.role).sort()).toEqual(['auditor', 'portfolio_coordinator']);
    const grants = json<{ items: { role: string; viaSso: boolean }[] }>(
      await tenant.admin.get(`/api/role-grants?personId=${first.personId}`),
    );
    expect(grants.items.map((g) => [g.role, g.viaSso]).sort()).toEqual([
      ['auditor', false],
      ['portfolio_coordinator', true],
    ]);
    const people = json<{ items: unknown[] }>(
      await tenant.admin.get('/api/persons?q=alva.berg@region.example'),
    );
    expect(people.items).toHaveLength(1);
  });

  it('refuses someone no mapped group names, and writes nothing of them', async () => {
    const res = await signOn('utan');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/?sso=noGroup');
    expect(sessionCookie(res)).toBe('');
    const people = json<{ total: number }>(
      await tenant.admin.get('/api/persons?q=utan@region.example'),
    );
    expect(people.total).toBe(0);
  });

  it('refuses an answer whose state it did not give out, given back twice, or in another browser', async () => {
    const made = 'styrbord_oidc_state=påhittad';
    expect(
      (await app('/api/auth/oidc/callback?code=x&state=påhittad', made)).headers.location,
    ).toBe('/?sso=expired');
    const { callback, cookie } = await roundTrip('alva');
    // Someone who sends another person the answer to their own sign-on logs no one in.
    const elsewhere = await app(callback);
    expect(elsewhere.headers.location).toBe('/?sso=expired');
    expect(sessionCookie(elsewhere)).toBe('');
    expect((await app(callback, cookie)).headers.location).toBe('/');
    expect((await app(callback, cookie)).headers.location).toBe('/?sso=expired');
  });

  it('logging out answers the provider’s end-session URL after a single sign-on, none after a password', async () => {
    const cookie = sessionCookie(await signOn('alva'));
    const { csrfToken } = await me(cookie);
    const out = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host: HOST, cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const url = new URL(out.json<{ endSessionUrl: string }>().endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/`);
    expect((await app('/api/auth/me', cookie)).statusCode).toBe(401);
    const byPassword = await login(env.app, adminEmail());
    expect(json<{ endSessionUrl: null }>(await byPassword.post('/api/auth/logout'))).toEqual({
      endSessionUrl: null,
    });
  });

  it('refuses turning local passwords off until single sign-on can administer the tenant', async () => {
    const other = await aTenant(env, 'Region utan SSO');
    const s = json<{ version: number }>(await other.admin.get('/api/settings'));
    const res = await other.admin.put('/api/settings', {
      version: s.version,
      localPasswords: false,
    });
    expect(res.statusCode).toBe(400);
    const [error] = res.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(error?.path).toBe('localPasswords');
    expect(error?.message).toContain('Lokala lösenord kan stängas av först');
    const noAdminGroup = await other.admin.put('/api/settings', {
      version: s.version,
      oidcIssuer: provider.issuer,
      oidcClientId: TEST_CLIENT.id,
      oidcClientSecret: TEST_CLIENT.secret,
      oidcGroupRoles: [{ group: 'styrbord-it', role: 'reader', unitId: other.rootUnitId }],
      localPasswords: false,
    });
    expect(noAdminGroup.statusCode).toBe(400);
    const plainHttp = await other.admin.put('/api/settings', {
      version: s.version,
      oidcIssuer: 'http://idp.example',
    });
    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json<{ errors: { message: string }[] }>().errors[0]?.message).toContain(
      'ska börja med https://',
    );
  });

  it('with local passwords off, password login refuses for that tenant with a clear message; single sign-on still works', async () => {
    const s = json<{ version: number }>(await tenant.admin.get('/api/settings'));
    json(await tenant.admin.put('/api/settings', { version: s.version, localPasswords: false }));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: adminEmail(), password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toBe(
      'Organisationen loggar in med sitt eget konto. Välj ”Logga in med organisationens konto”.',
    );
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: adminEmail(), password: 'fel lösenord här' },
    });
    expect(wrong.statusCode).toBe(401);
    const chef = await me(sessionCookie(await signOn('chef')));
    expect(chef.grants).toEqual([
      expect.objectContaining({ role: 'administrator', unitId: tenant.rootUnitId }),
    ]);
  });
});

const adminEmail = () => `admin-${tenant.tag}@test.example`;
