import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { openSetupGate, type SetupGate } from '../../platform/setup-token.js';
import { onlyFieldError, testDatabase } from '../../test/helper.js';

// The first run without the demo: a fresh database has no region, and only the holder of the
// one-time code from the server's data folder can create it.
let app: FastifyInstance;
let close: () => Promise<void>;
let gate: SetupGate;
let dataDir: string;
beforeAll(async () => {
  const database = await testDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'styrbord-setup-'));
  gate = openSetupGate(dataDir);
  app = await buildApp({ db: database.db, setup: gate });
  await app.ready();
  close = async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
});
afterAll(() => close());

const body = {
  regionName: 'Region Västerås',
  rootName: 'Regionfullmäktige',
  caseNumberLabel: 'diarienummer',
  caseNumberPattern: 'RS \\d{4}/\\d+',
  adminName: 'Anna Admin',
  adminEmail: 'anna@vasteras.example',
  adminPassword: 'ett långt lösenord',
};
const post = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/setup', payload });

describe('first-run setup', () => {
  it('says setup is needed while no region exists; the code is in the data folder', async () => {
    expect((await app.inject({ url: '/api/setup' })).json()).toEqual({
      needed: true,
      regionName: null,
      demo: false,
      sso: null,
      localPasswords: true,
    });
    expect(readFileSync(join(dataDir, 'setup-token'), 'utf8').trim()).toBe(gate.token);
  });

  it('refuses a wrong code and bad values, in Swedish, and creates nothing', async () => {
    const wrong = await post({ ...body, token: 'gissning' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<{ detail: string }>().detail).toContain('Engångskoden stämmer inte');
    const bad = await post({
      ...body,
      token: gate.token,
      caseNumberPattern: 'RS (',
      adminPassword: 'kort',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(paths.map((e) => e.path).sort()).toEqual(['adminPassword', 'caseNumberPattern']);
    expect(paths.find((e) => e.path === 'caseNumberPattern')?.message).toBe(
      'Formatet är inte ett reguljärt uttryck som kan användas (bakåtreferenser och lookahead/lookbehind stöds inte).',
    );
    expect((await app.inject({ url: '/api/setup' })).json()).toMatchObject({ needed: true });
  });

  it('refuses a common password, or the administrator’s own e-mail or the region’s name, in words', async () => {
    for (const [adminPassword, words] of [
      ['Password2024!', 'ett av de vanligaste'],
      ['anna@vasteras.example', 'får inte vara e-postadressen'],
      ['Region Västerås 1', 'regionens namn'],
    ] as const) {
      const res = await post({ ...body, token: gate.token, adminPassword });
      expect(res.statusCode, adminPassword).toBe(400);
      expect(onlyFieldError(res)).toMatch(new RegExp(`^adminPassword: .*${words}`));
    }
    expect((await app.inject({ url: '/api/setup' })).json()).toMatchObject({ needed: true });
  });

  it('creates the region, its root body and the first administrator, who can log in', async () => {
    const res = await post({ ...body, token: gate.token });
    expect(res.statusCode).toBe(201);
    expect(existsSync(join(dataDir, 'setup-token'))).toBe(false);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: body.adminEmail, password: body.adminPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ tenantName: 'Region Västerås', roles: ['administrator'] });
    const cookie = login.headers['set-cookie'] as string;
    const units = await app.inject({ url: '/api/units', headers: { cookie } });
    expect(units.json<{ items: { name: string; parentId: string | null }[] }>().items).toEqual([
      expect.objectContaining({ name: 'Regionfullmäktige', parentId: null }),
    ]);
    expect((await app.inject({ url: '/api/setup' })).json()).toEqual({
      needed: false,
      regionName: 'Region Västerås',
      demo: false,
      sso: null,
      localPasswords: true,
    });
  });

  it('tells the login page when the one region offers single sign-on', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: body.adminEmail, password: body.adminPassword },
    });
    const headers = {
      cookie: login.headers['set-cookie'] as string,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const { version } = (await app.inject({ url: '/api/settings', headers })).json<{
      version: number;
    }>();
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers,
      payload: {
        version,
        oidcIssuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
        oidcClientId: 'styrbord',
        oidcClientSecret: 'hemligt',
      },
    });
    expect(saved.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/setup' })).json()).toMatchObject({
      sso: { slug: 'region-vasteras', label: 'Region Västerås' },
      localPasswords: true,
    });
  });

  it('refuses a second setup once a region exists, whatever the code', async () => {
    const again = await post({ ...body, regionName: 'Region Två', token: 'vad som helst' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toContain('redan en region');
  });
});
