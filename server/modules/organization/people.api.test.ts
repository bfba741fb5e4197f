import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  login,
  onlyFieldError,
  PASSWORD,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
});
afterAll(() => env.close());

type Person = {
  id: string;
  version: number;
  email: string;
  canLogIn: boolean;
  archivedAt: string | null;
  unitName: string | null;
};

describe('people and login accounts', () => {
  it('adds a person to a unit; email is normalised and must be unique', async () => {
    const unit = await aUnit(tenant.admin, tenant.rootUnitId, {
      name: 'Digitaliseringsenheten',
      kind: 'unit',
    });
    const p = json<Person>(
      await tenant.admin.post('/api/persons', {
        name: 'Kalle Berggren',
        email: `  Kalle.${tenant.tag}@Test.Example `,
        title: 'Digitaliseringschef',
        unitId: unit.id,
      }),
    );
    expect(p).toMatchObject({
      email: `kalle.${tenant.tag}@test.example`,
      unitName: 'Digitaliseringsenheten',
      canLogIn: false,
    });
    const dup = await tenant.admin.post('/api/persons', {
      name: 'Annan',
      email: `kalle.${tenant.tag}@test.example`,
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('email');
    expect(
      (await tenant.admin.post('/api/persons', { name: 'X', email: 'inte-en-adress' })).statusCode,
    ).toBe(400);
  });

  it('a login account needs a password, and only an administrator gives one', async () => {
    expect(
      (
        await tenant.admin.post('/api/persons', {
          name: 'Y',
          email: `y-${tenant.tag}@test.example`,
          canLogIn: true,
        })
      ).statusCode,
    ).toBe(400);
    const unit = await aUnit(tenant.admin, tenant.rootUnitId);
    const editor = await aUserWith(env, tenant, 'editor', unit.id);
    expect(
      (
        await editor.post('/api/persons', {
          name: 'Z',
          email: `z-${tenant.tag}@test.example`,
          unitId: unit.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await editor.post('/api/persons', {
          name: 'W',
          email: `w-${tenant.tag}@test.example`,
          unitId: unit.id,
          canLogIn: true,
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('archiving a person ends their sessions and stops their login', async () => {
    const email = `arkiv-${tenant.tag}@test.example`;
    const p = json<Person>(
      await tenant.admin.post('/api/persons', {
        name: 'Arkiv',
        email,
        canLogIn: true,
        password: PASSWORD,
      }),
    );
    json(
      await tenant.admin.post('/api/role-grants', {
        personId: p.id,
        role: 'reader',
        unitId: tenant.rootUnitId,
      }),
    );
    const session = await login(env.app, email);
    json(await tenant.admin.patch(`/api/persons/${p.id}`, { version: p.version, archived: true }));
    expect((await session.get('/api/units')).statusCode).toBe(401);
    await expect(login(env.app, email)).rejects.toThrow(/401/);
  });

  it('a password an administrator sets is refused when common or the person’s own e-mail', async () => {
    const email = `vanlig-${tenant.tag}@test.example`;
    const make = (password: string) =>
      tenant.admin.post('/api/persons', { name: 'Vanlig Person', email, canLogIn: true, password });
    for (const [password, words] of [
      ['letmein12345', 'ett av de vanligaste'],
      [email, 'får inte vara e-postadressen'],
      ['Vanlig Person!!', 'namnet'],
    ] as const) {
      const res = await make(password);
      expect(res.statusCode, password).toBe(400);
      expect(onlyFieldError(res)).toMatch(new RegExp(`^password: .*${words}`));
    }
    const p = json<Person>(await make('ett eget långt lösenord'));
    const reset = await tenant.admin.patch(`/api/persons/${p.id}`, {
      version: p.version,
      password: 'football2024',
    });
    expect(reset.statusCode).toBe(400);
  });

  it('an editor cannot archive, or change the e-mail of, someone holding a role above its own', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId);
    const office = await aUnit(tenant.admin, board.id, { kind: 'department' });
    const editor = await aUserWith(env, tenant, 'editor', board.id);
    const aPersonWith = async (role: string) => {
      const p = json<Person>(
        await tenant.admin.post('/api/persons', {
          name: `Hemma i kontoret ${role}`,
          email: `${role}-${Math.random().toString(36).slice(2, 8)}@test.example`,
          unitId: office.id,
          canLogIn: true,
          password: PASSWORD,
        }),
      );
      json(
        await tenant.admin.post('/api/role-grants', { personId: p.id, role, unitId: office.id }),
      );
      return p;
    };
    const admin = await aPersonWith('administrator');
    const archive = await editor.patch(`/api/persons/${admin.id}`, {
      version: admin.version,
      archived: true,
    });
    expect(archive.statusCode).toBe(403);
    expect(archive.headers['content-type']).toContain('application/problem+json');
    expect(archive.json<{ detail: string }>().detail).toMatch(/går utöver din behörighet/);
    const reEmail = await editor
      .inEnglish()
      .patch(`/api/persons/${admin.id}`, { version: admin.version, email: 'mine@test.example' });
    expect(reEmail.statusCode).toBe(403);
    expect(reEmail.json<{ detail: string }>().detail).toMatch(/beyond your authority/);
    // Other fields of the same person, and people the editor covers, it still edits.
    json(await editor.patch(`/api/persons/${admin.id}`, { version: admin.version, title: 'Chef' }));
    const reader = await aPersonWith('reader');
    json(
      await editor.patch(`/api/persons/${reader.id}`, { version: reader.version, archived: true }),
    );
    // An administrator above them may.
    const fresh = json<Person>(await tenant.admin.get(`/api/persons/${admin.id}`));
    json(
      await tenant.admin.patch(`/api/persons/${admin.id}`, {
        version: fresh.version,
        archived: true,
      }),
    );
  });

  it('archiving a person, or revoking their last role, ends their sessions and calendar feed', async () => {
    const withFeed = async () => {
      const user = await aUserWith(env, tenant, 'reader');
      const { path } = json<{ path: string }>(await user.post('/api/calendar/token'));
      expect((await env.app.inject({ url: path })).statusCode).toBe(200);
      return { user, path };
    };
    const archived = await withFeed();
    const p = json<Person>(await tenant.admin.get(`/api/persons/${archived.user.me.personId}`));
    json(await tenant.admin.patch(`/api/persons/${p.id}`, { version: p.version, archived: true }));
    expect((await env.app.inject({ url: archived.path })).statusCode).toBe(404);
    expect((await archived.user.get('/api/auth/me')).statusCode).toBe(401);
    // Taken back from the archive, the old feed stays revoked.
    const back = json<Person>(await tenant.admin.get(`/api/persons/${p.id}`));
    json(
      await tenant.admin.patch(`/api/persons/${p.id}`, { version: back.version, archived: false }),
    );
    expect((await env.app.inject({ url: archived.path })).statusCode).toBe(404);

    const revoked = await withFeed();
    const grants = json<{ items: { id: string }[] }>(
      await tenant.admin.get(`/api/role-grants?personId=${revoked.user.me.personId}`),
    ).items;
    expect(grants).toHaveLength(1);
    const del = await tenant.admin.delete(`/api/role-grants/${grants[0]!.id}`);
    expect(del.statusCode).toBeLessThan(300);
    expect((await env.app.inject({ url: revoked.path })).statusCode).toBe(404);
    expect((await revoked.user.get('/api/auth/me')).statusCode).toBe(401);
    const events = json<{ items: { action: string; entityType: string }[] }>(
      await tenant.admin.get('/api/audit-trail?entityType=calendar_token'),
    );
    expect(events.items.filter((e) => e.action === 'revoke').length).toBeGreaterThanOrEqual(2);
  });

  it('lists and exports people', async () => {
    const list = json<{ items: Person[]; total: number }>(
      await tenant.admin.get(`/api/persons?q=admin`),
    );
    expect(list.total).toBeGreaterThanOrEqual(1);
    const csv = await tenant.admin.get('/api/persons?format=csv');
    expect(csv.body).toContain('Namn;E-post;Titel;Enhet;Kan logga in');
  });
});

describe('role grants', () => {
  it('a role granted on a unit holds for its subtree only', async () => {
    const hsn = await aUnit(tenant.admin, tenant.rootUnitId);
    const hsf = await aUnit(tenant.admin, hsn.id, { kind: 'administration' });
    const pv = await aUnit(tenant.admin, hsf.id, { kind: 'department' });
    const editor = await aUserWith(env, tenant, 'editor', hsf.id);
    expect(
      (await editor.patch(`/api/units/${pv.id}`, { version: pv.version, description: 'ok' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await editor.patch(`/api/units/${hsn.id}`, { version: hsn.version, description: 'nej' }))
        .statusCode,
    ).toBe(403);
  });

  it('the same grant twice is a conflict; revoking works; the last tenant administrator stays', async () => {
    const reader = await aUserWith(env, tenant, 'reader');
    const grants = json<{ items: { id: string; role: string; personId: string }[] }>(
      await tenant.admin.get(`/api/role-grants?personId=${reader.me.personId}`),
    );
    expect(grants.items).toHaveLength(1);
    expect(
      (
        await tenant.admin.post('/api/role-grants', {
          personId: reader.me.personId,
          role: 'reader',
          unitId: tenant.rootUnitId,
        })
      ).statusCode,
    ).toBe(409);
    expect((await tenant.admin.delete(`/api/role-grants/${grants.items[0]!.id}`)).statusCode).toBe(
      204,
    );
    // Their last role gone, their session has ended too.
    expect((await reader.get('/api/units')).statusCode).toBe(401);

    const t = await aTenant(env, 'Ensam');
    const adminGrant = json<{ items: { id: string }[] }>(
      await t.admin.get(`/api/role-grants?personId=${t.adminId}`),
    ).items[0]!;
    const last = await t.admin.delete(`/api/role-grants/${adminGrant.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json<{ detail: string }>().detail).toContain('sista administratören');
  });

  it('only administrators grant roles', async () => {
    const coordinator = await aUserWith(env, tenant, 'portfolio_coordinator');
    const res = await coordinator.post('/api/role-grants', {
      personId: coordinator.me.personId,
      role: 'administrator',
      unitId: tenant.rootUnitId,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('posts', () => {
  it('a post can be vacant and carries competence requirements', async () => {
    const unit = await aUnit(tenant.admin, tenant.rootUnitId);
    json(
      await tenant.admin.post('/api/posts', {
        unitId: unit.id,
        title: 'Informationssäkerhetssamordnare',
        competenceRequirements: 'ISO 27001',
      }),
    );
    const posts = json<{
      items: { title: string; isVacant: boolean; holderName: string | null }[];
    }>(await tenant.admin.get(`/api/units/${unit.id}/posts`));
    expect(posts.items).toEqual([
      expect.objectContaining({
        title: 'Informationssäkerhetssamordnare',
        isVacant: true,
        holderName: null,
      }),
    ]);
  });
});
