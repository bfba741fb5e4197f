import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, aTenant, login, testEnv, type TestEnv } from '../test/helper.js';
import { saveHostAdmin } from './auth.js';

/** What the tests read of an answer. */
type J = {
  detail: string;
  tenantId: string;
  id: string;
  csrfToken: string;
  disabledAt: string | null;
  items: { slug: string }[];
  errors: { path: string }[];
};
let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

const tag = () => randomUUID().slice(0, 8);

/** A host administrator logged in: its cookie and CSRF token. */
async function aHostAdmin() {
  const email = `host-${tag()}@host.example`;
  await saveHostAdmin(env.db, email, PASSWORD);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/host/login',
    payload: { email, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json<{ csrfToken: string }>();
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    env.app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrfToken },
      ...(payload ? { payload } : {}),
    });
  return { email, cookie, csrfToken, call, cookies: res.cookies };
}

const newTenant = (slug = `k-${tag()}`) => ({
  name: `Kommun ${slug}`,
  slug,
  emailDomains: [`${slug}.example`],
  adminName: 'Anna Admin',
  adminEmail: `admin@${slug}.example`,
  adminPassword: PASSWORD,
});

describe('the host API', () => {
  it('a host administrator’s password is refused when common or their own e-mail', async () => {
    await expect(
      saveHostAdmin(env.db, 'ny-vard@test.example', 'password123!'),
    ).rejects.toMatchObject({
      fields: [{ path: 'password', key: 'auth.passwordCommon' }],
    });
    await expect(
      saveHostAdmin(env.db, 'ny-vard@test.example', 'ny-vard@test.example'),
    ).rejects.toMatchObject({ fields: [{ path: 'password', key: 'auth.passwordPersonal' }] });
  });

  it('without a host session every host route is a 401 in Swedish, a tenant session included', async () => {
    const tenant = await aTenant(env);
    for (const [method, url] of [
      ['GET', '/api/host/me'],
      ['GET', '/api/host/tenants'],
      ['POST', '/api/host/tenants'],
      ['POST', `/api/host/tenants/${tenant.tenantId}/disable`],
      ['POST', `/api/host/tenants/${tenant.tenantId}/enable`],
      ['GET', '/api/host/audit/verify'],
      ['GET', '/api/host/audit/checkpoints'],
      ['GET', '/api/host/backup'],
    ] as const) {
      const anonymous = await env.app.inject({ method, url, payload: {} });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json<J>().detail).toBe('Du behöver logga in som värdadministratör.');
      const asTenantAdmin = await env.app.inject({
        method,
        url,
        headers: { cookie: tenant.admin.cookie, 'x-csrf-token': tenant.admin.csrf },
        payload: {},
      });
      expect(asTenantAdmin.statusCode, url).toBe(401);
    }
  });

  it('a wrong password is a 401; the host cookie is sent to the host API only', async () => {
    const host = await aHostAdmin();
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/host/login',
      payload: { email: host.email, password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(host.cookies[0]).toMatchObject({
      path: '/api/host',
      httpOnly: true,
      sameSite: 'Strict',
    });
    // A host session opens no tenant route.
    const tenantRoute = await env.app.inject({
      url: '/api/units',
      headers: { cookie: host.cookie },
    });
    expect(tenantRoute.statusCode).toBe(401);
  });

  it('a host administrator creates a tenant whose administrator then logs in by domain', async () => {
    const host = await aHostAdmin();
    const input = newTenant();
    const created = await host.call('POST', '/api/host/tenants', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<J>()).toMatchObject({
      slug: input.slug,
      emailDomains: input.emailDomains,
      disabledAt: null,
      units: 1,
      people: 1,
    });
    const listed = await host.call('GET', '/api/host/tenants');
    expect(listed.json<J>().items.map((t) => t.slug)).toContain(input.slug);
    // Counts only: no names of people or units.
    expect(listed.body).not.toContain('Anna Admin');
    expect((await login(env.app, input.adminEmail)).me.tenantId).toBe(created.json<J>().id);
  });

  it('a bad tenant is refused field by field, a taken slug or domain with a 409', async () => {
    const host = await aHostAdmin();
    const bad = await host.call('POST', '/api/host/tenants', {
      ...newTenant(),
      slug: 'Med Mellanslag',
      emailDomains: ['@kommun.se'],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<J>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['emailDomains.0', 'slug']);
    const first = newTenant();
    expect((await host.call('POST', '/api/host/tenants', first)).statusCode).toBe(201);
    const sameSlug = await host.call('POST', '/api/host/tenants', {
      ...newTenant(),
      slug: first.slug,
    });
    expect(sameSlug.statusCode).toBe(409);
    expect(sameSlug.json<J>().detail).toContain(first.slug);
    const sameDomain = await host.call('POST', '/api/host/tenants', {
      ...newTenant(),
      emailDomains: first.emailDomains,
    });
    expect(sameDomain.statusCode).toBe(409);
  });

  it('a state-changing host request needs the host CSRF token', async () => {
    const host = await aHostAdmin();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/host/tenants',
      headers: { cookie: host.cookie },
      payload: newTenant(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('disabling a tenant ends its sessions and refuses its logins; enabling opens it again', async () => {
    const host = await aHostAdmin();
    const tenant = await aTenant(env);
    const other = await aTenant(env);
    const disabled = await host.call('POST', `/api/host/tenants/${tenant.tenantId}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<J>().disabledAt).not.toBeNull();
    expect((await tenant.admin.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `admin-${tenant.tag}@test.example`, password: PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<J>().detail).toContain('avstängd');
    // Someone without the password learns nothing about the tenant.
    const guessed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `admin-${tenant.tag}@test.example`, password: 'not-the-password' },
    });
    expect(guessed.statusCode).toBe(401);
    expect((await other.admin.get('/api/auth/me')).statusCode).toBe(200);

    expect(
      (await host.call('POST', `/api/host/tenants/${tenant.tenantId}/enable`)).statusCode,
    ).toBe(200);
    const again = await login(env.app, `admin-${tenant.tag}@test.example`);
    // The data was kept.
    expect((await again.get(`/api/units/${tenant.rootUnitId}`)).statusCode).toBe(200);
    const unknown = await host.call('POST', `/api/host/tenants/${randomUUID()}/disable`);
    expect(unknown.statusCode).toBe(404);
  });

  it("verifies every tenant's audit trail and hands out a backup without the key", async () => {
    const host = await aHostAdmin();
    const tenant = await aTenant(env);
    const verify = await host.call('GET', '/api/host/audit/verify?lang=en');
    expect(verify.statusCode).toBe(200);
    const body = verify.json<{ items: { tenantId: string; intact: boolean; message: string }[] }>();
    const mine = body.items.find((i) => i.tenantId === tenant.tenantId);
    expect(mine).toMatchObject({ intact: true });
    expect(mine?.message).toContain('The chain is intact');
    const checkpoints = await host.call('GET', '/api/host/audit/checkpoints');
    expect(checkpoints.statusCode).toBe(200);
    const dump = await host.call('GET', '/api/host/backup');
    if (env.label === 'pglite') {
      expect(dump.statusCode).toBe(200);
      expect(dump.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    } else {
      expect(dump.statusCode).toBe(409);
      expect(dump.json<J>().detail).toContain('pg_dump');
    }
  });
});
