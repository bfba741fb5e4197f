import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  aTenant,
  aUserWith,
  json,
  login,
  onlyFieldError,
  PASSWORD,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../test/helper.js';
import { buildApp } from '../app.js';
import { loginLimits } from './tables.js';
import { LOGIN_POLICIES } from './auth/login-limits.js';

let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
});
afterAll(() => env.close());

describe('health and documentation', () => {
  it('answers ok with the database reachable', async () => {
    const res = await env.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document generated from the schemas, and its UI', async () => {
    const spec = await env.app.inject({ url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/units',
        '/api/decisions',
        '/api/audit-trail',
        '/api/audit-trail/verify',
      ]),
    );
    const ui = await env.app.inject({ url: '/api/docs/' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const res = await env.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks the browser to upgrade to https, and pins https, only when the request came over https', async () => {
    const plain = await env.app.inject({ url: '/api/health' });
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Behind a trusted proxy that terminates TLS.
    const proxied = await buildApp({ db: env.db, trustProxy: true });
    try {
      const viaTls = await proxied.inject({
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(viaTls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(viaTls.headers['strict-transport-security']).toContain('max-age=31536000');
      const viaHttp = await proxied.inject({
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'http' },
      });
      expect(viaHttp.headers['content-security-policy']).not.toContain('upgrade-insecure');
    } finally {
      await proxied.close();
    }
  });
});

describe('errors are problem+json, never 500', () => {
  it('an unknown API route is a 404 problem in Swedish', async () => {
    const res = await tenant.admin.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      type: 'urn:styrbord:problem:not_found',
      title: 'Hittades inte',
    });
  });

  it('a NUL character or a number beyond the database’s range is a 400, not a 500', async () => {
    const nul = await tenant.admin.post('/api/units', {
      parentId: tenant.rootUnitId,
      kind: 'unit',
      name: 'Enhet\u0000med NUL',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    const unit = json<{ id: string }>(
      await tenant.admin.post('/api/units', {
        parentId: tenant.rootUnitId,
        kind: 'unit',
        name: 'Stor version',
      }),
    );
    const big = await tenant.admin.patch(`/api/units/${unit.id}`, {
      version: 2 ** 31,
      name: 'Nytt',
    });
    expect(big.statusCode).toBeGreaterThanOrEqual(400);
    expect(big.statusCode).toBeLessThan(500);
  });

  it('malformed JSON is a 400 that says so', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe('Innehållet är inte giltig JSON.');
  });

  it('wrong types and unknown fields are field errors, in Swedish by default and English on request', async () => {
    const res = await tenant.admin.post('/api/units', {
      parentId: tenant.rootUnitId,
      kind: 'board',
      name: 42,
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ errors: { path: string; message: string }[] }>();
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name']));
    expect(body.errors.find((e) => e.path === 'name')!.message).toMatch(/förväntat|Ogiltig/i);
    expect(JSON.stringify(body.errors)).toContain('colour');
    const en = await tenant.admin
      .inEnglish()
      .post('/api/units', { parentId: tenant.rootUnitId, kind: 'board', name: 42 });
    expect(en.json<{ title: string; errors: { message: string }[] }>().title).toBe(
      'The data is not valid',
    );
    expect(en.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(/expected/i);
  });

  it('?lang= chooses the language where a header cannot be set (export links), and is not a query field', async () => {
    const csv = await tenant.admin.get('/api/units?format=csv&lang=en');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Name;Short name;Kind');
    const problem = await tenant.admin.get('/api/units?limit=0&lang=en');
    expect(problem.json<{ title: string }>().title).toBe('The data is not valid');
  });

  it('a bad uuid in the path, bad pagination and a bad enum are 400s', async () => {
    expect((await tenant.admin.get('/api/units/not-a-uuid')).statusCode).toBe(400);
    expect((await tenant.admin.get('/api/units?limit=0')).statusCode).toBe(400);
    expect((await tenant.admin.get('/api/units?limit=100000')).statusCode).toBe(400);
    expect((await tenant.admin.get('/api/units?offset=-1')).statusCode).toBe(400);
    expect((await tenant.admin.get('/api/units?sort=password')).statusCode).toBe(400);
    expect((await tenant.admin.get('/api/units?kind=castle')).statusCode).toBe(400);
  });

  it('an oversized body is a 413, and nothing is saved', async () => {
    const before = json<{ total: number }>(await tenant.admin.get('/api/units'));
    const res = await tenant.admin.post('/api/units', {
      parentId: tenant.rootUnitId,
      kind: 'board',
      name: 'x',
      description: 'a'.repeat(2 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
    expect(json<{ total: number }>(await tenant.admin.get('/api/units')).total).toBe(before.total);
  });

  it('an upload sent as JSON is a 415 that says how to send it', async () => {
    const res = await tenant.admin.post('/api/systems/import', { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json<{ detail: string }>().detail).toBe(
      'Skicka filen som ett formulär (multipart/form-data).',
    );
  });

  it('a non-JSON content type is a 415', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('authentication', () => {
  it('without a session every API call is a 401 problem', async () => {
    const res = await env.app.inject({ url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, detail: 'Du behöver logga in.' });
  });

  it('login sets an HttpOnly, SameSite=Strict session cookie and answers who I am', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: tenant.admin.me.name ? `admin-${tenant.tag}@test.example` : '',
        password: PASSWORD,
      },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'styrbord_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ roles: ['administrator'], tenantId: tenant.tenantId });
  });

  it('the cookie is Secure behind HTTPS', async () => {
    const database = await import('../test/helper.js').then((h) => h.testDatabase());
    const { buildApp } = await import('../app.js');
    const app = await buildApp({ db: database.db, trustProxy: true });
    const t = await aTenant({ ...env, app, db: database.db });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: `admin-${t.tag}@test.example`, password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'styrbord_session')!.secure).toBe(true);
    await app.close();
    await database.close();
  });

  it('a wrong password is a 401 that does not say which part was wrong', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `admin-${tenant.tag}@test.example`, password: 'wrong-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ detail: string }>().detail).toBe('Fel e-postadress eller lösenord.');
  });

  it('logout ends the session in the database', async () => {
    const c = await login(env.app, `admin-${tenant.tag}@test.example`);
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ endSessionUrl: null });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sessions expire after a working day without activity', async () => {
    const c = await login(env.app, `admin-${tenant.tag}@test.example`);
    const start = env.time.clock();
    env.time.advanceDays(1);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    env.time.set(start);
  });

  it('a session ends after the tenant’s absolute lifetime (7 days by default), however active', async () => {
    const t = await aTenant(env, 'Livslängd');
    const start = env.time.clock();
    try {
      const c = await login(env.app, `admin-${t.tag}@test.example`);
      expect(
        json<{ sessionMaxAgeDays: number }>(await c.get('/api/settings')).sessionMaxAgeDays,
      ).toBe(7);
      // Active every six hours, so the idle expiry never ends it.
      for (let h = 6; h < 7 * 24; h += 6) {
        env.time.set(new Date(start.getTime() + h * 3_600_000));
        expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      }
      env.time.set(new Date(start.getTime() + 7 * 24 * 3_600_000 + 60_000));
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);

      // A shorter lifetime applies to the sessions there are.
      env.time.set(start);
      const d = await login(env.app, `admin-${t.tag}@test.example`);
      const { version } = json<{ version: number }>(await d.get('/api/settings'));
      const tooLong = await d.put('/api/settings', { version, sessionMaxAgeDays: 31 });
      expect(tooLong.statusCode).toBe(400);
      json(await d.put('/api/settings', { version, sessionMaxAgeDays: 1 }));
      env.time.set(new Date(start.getTime() + 6 * 3_600_000));
      expect((await d.get('/api/auth/me')).statusCode).toBe(200);
      env.time.set(new Date(start.getTime() + 24 * 3_600_000 + 60_000));
      expect((await d.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      env.time.set(start);
    }
  });

  it('a password change needs the current password and ends other sessions', async () => {
    const user = await aUserWith(env, tenant, 'reader');
    const other = await login(
      env.app,
      json<{ email: string }>(await user.get('/api/auth/me')).email,
    );
    const wrong = await user.post('/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-long-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('currentPassword');
    const short = await user.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    const common = await user.inEnglish().post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'qwertyuiop123',
    });
    expect(common.statusCode).toBe(400);
    expect(onlyFieldError(common)).toMatch(/^newPassword: .*one of the most common/);
    const own = await user.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: `${user.me.name.replace('Person ', '')}`,
    });
    expect(onlyFieldError(own)).toMatch(/^newPassword: .*e-postadressen/);
    const ok = await user.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-long-password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    const email = other.me.name.replace('Person ', '');
    await expect(login(env.app, email)).rejects.toThrow();
    await expect(login(env.app, email, 'a-new-long-password')).resolves.toBeTruthy();
  });

  it('login is rate-limited per account and address, with the counter in the database', async () => {
    const user = await aUserWith(env, tenant, 'reader');
    const email = user.me.name.replace('Person ', '');
    for (let i = 0; i < LOGIN_POLICIES.pair.lockAfter; i++) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const [row] = await env.db
      .select()
      .from(loginLimits)
      .where(eq(loginLimits.key, `pair:${email}|127.0.0.1`)); // inject's default address
    expect(row!.failures).toBe(LOGIN_POLICIES.pair.lockAfter);
    const start = env.time.clock();
    env.time.advanceDays(1);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    env.time.set(start);
  });

  it('login is rate-limited per address too, whichever accounts are tried', async () => {
    const remoteAddress = '192.0.2.77'; // a documentation address: inject never opens a socket
    for (let i = 0; i < LOGIN_POLICIES.address.lockAfter; i++) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { email: `guess-${i}@test.example`, password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email: `admin-${tenant.tag}@test.example`, password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ detail: string }>().detail).toMatch(/För många inloggningsförsök/);
    const elsewhere = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.78',
      payload: { email: `admin-${tenant.tag}@test.example`, password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const admin = await login(env.app, `admin-${tenant.tag}@test.example`);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: admin.cookie },
      payload: { parentId: tenant.rootUnitId, kind: 'board', name: 'Utan token' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toContain('CSRF');
  });
});

describe('region settings', () => {
  it('a stale settings version is a 409 that says who changed them and when; a change is audited', async () => {
    const t = await aTenant(env, 'Inställningar');
    const { version } = json<{ version: number }>(await t.admin.get('/api/settings'));
    json(await t.admin.put('/api/settings', { version, documentMaxAgeYears: 5 }));
    const stale = await t.admin.put('/api/settings', { version, documentMaxAgeYears: 7 });
    expect(stale.statusCode).toBe(409);
    const detail = stale.json<{ detail: string }>().detail;
    expect(detail).toContain(t.admin.me.name);
    expect(detail).toContain('2026-03-15');
    expect(
      json<{ documentMaxAgeYears: number }>(await t.admin.get('/api/settings')).documentMaxAgeYears,
    ).toBe(5);
    const events = json<{ items: { action: string; before: unknown; after: unknown }[] }>(
      await t.admin.get('/api/audit-trail?entityType=tenant&action=update_settings'),
    ).items;
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toMatchObject({ documentMaxAgeYears: 4, version });
    expect(events[0]!.after).toMatchObject({ documentMaxAgeYears: 5 });
  });
});
