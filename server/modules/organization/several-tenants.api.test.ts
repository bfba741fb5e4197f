import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant } from './provision.js';
import { PASSWORD, aTenant, testEnv, type TestEnv } from '../../test/helper.js';

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

/** Two tenants with the same person (same e-mail, own passwords), each with an e-mail domain. */
async function twoTenantsSharing(email: string) {
  const tag = randomUUID().slice(0, 8);
  const make = (name: string, password: string) =>
    provisionTenant(env.db, {
      name: `${name} ${tag}`,
      slug: `${name.toLowerCase()}-${tag}`,
      rootName: 'Kommunfullmäktige',
      emailDomains: [`${name.toLowerCase()}-${tag}.example`],
      admin: { name: 'Delad Person', email, password },
      now: env.time.clock(),
    });
  const lund = await make('Lund', PASSWORD);
  const eslov = await make('Eslov', `${PASSWORD}-2`);
  return { tag, lund, eslov };
}

const logIn = (email: string, password: string, query = '') =>
  env.app.inject({ method: 'POST', url: `/api/auth/login${query}`, payload: { email, password } });

describe('logging in on an installation with several tenants', () => {
  it('the same e-mail in two tenants: a slug chooses, each with its own password', async () => {
    const email = `delad-${randomUUID().slice(0, 8)}@skane.example`;
    const { tag, lund, eslov } = await twoTenantsSharing(email);
    const toLund = await logIn(email, PASSWORD, `?tenant=lund-${tag}`);
    expect(toLund.statusCode, toLund.body).toBe(200);
    expect(toLund.json<J>().tenantId).toBe(lund.tenantId);
    const toEslov = await logIn(email, `${PASSWORD}-2`, `?tenant=eslov-${tag}`);
    expect(toEslov.json<J>().tenantId).toBe(eslov.tenantId);
    // Lund's password does not open Eslöv.
    expect((await logIn(email, PASSWORD, `?tenant=eslov-${tag}`)).statusCode).toBe(401);
    expect((await logIn(email, PASSWORD, '?tenant=finns-inte')).statusCode).toBe(401);
  });

  it('without a slug, an e-mail in two tenants is a 409 in Swedish, only to one who knows a password', async () => {
    const email = `delad-${randomUUID().slice(0, 8)}@skane.example`;
    await twoTenantsSharing(email);
    const res = await logIn(email, PASSWORD);
    expect(res.statusCode).toBe(409);
    expect(res.json<J>().detail).toContain('finns i flera organisationer');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await logIn(email, 'not-the-password')).statusCode).toBe(401);
  });

  it('without a slug, the e-mail domain finds the tenant', async () => {
    const tag = randomUUID().slice(0, 8);
    const domainOf = (n: string) => `${n}-${tag}.example`;
    const make = (name: string) =>
      provisionTenant(env.db, {
        name: `${name} ${tag}`,
        slug: `${name}-${tag}`,
        rootName: 'Kommunfullmäktige',
        emailDomains: [domainOf(name)],
        admin: { name: 'Admin', email: `admin@${domainOf('hoor')}`, password: PASSWORD },
        now: env.time.clock(),
      });
    const hoor = await make('hoor');
    await make('horby');
    const res = await logIn(`admin@${domainOf('hoor')}`, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<J>().tenantId).toBe(hoor.tenantId);
  });

  it('an e-mail is one person’s within a tenant, and may log in to another tenant too', async () => {
    const email = `delad-${randomUUID().slice(0, 8)}@skane.example`;
    const { tag } = await twoTenantsSharing(email);
    const admin = await logIn(email, PASSWORD, `?tenant=lund-${tag}`);
    const cookie = admin.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { cookie, 'x-csrf-token': admin.json<J>().csrfToken },
      payload: { name: 'Igen', email, canLogIn: true, password: PASSWORD },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json<J>().errors.map((e) => e.path)).toEqual(['email']);
    const third = await aTenant(env);
    const added = await third.admin.post('/api/persons', {
      name: 'Delad Person',
      email,
      canLogIn: true,
      password: `${PASSWORD}-3`,
    });
    expect(added.statusCode, added.body).toBe(201);
    const res = await logIn(email, `${PASSWORD}-3`, `?tenant=t-${third.tag}`);
    expect(res.json<J>().tenantId).toBe(third.tenantId);
  });
});
