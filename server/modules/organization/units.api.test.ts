import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aTenant,
  aUnit,
  aUserWith,
  json,
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

type Unit = {
  id: string;
  version: number;
  path: string[];
  parentId: string | null;
  name: string;
  archivedAt: string | null;
  childCount: number;
};

describe('organisation units', () => {
  it('creates a unit under a parent, with its path from the root', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId, {
      name: 'Hälso- och sjukvårdsnämnden',
      shortName: 'HSN',
    });
    const adm = json<Unit>(
      await tenant.admin.post('/api/units', {
        parentId: board.id,
        kind: 'administration',
        name: 'Hälso- och sjukvårdsförvaltningen',
      }),
    );
    expect(adm.path).toEqual([tenant.rootUnitId, board.id, adm.id]);
    expect(json<Unit>(await tenant.admin.get(`/api/units/${board.id}`)).childCount).toBe(1);
  });

  it('refuses an end date before the start date, with a field error in Swedish', async () => {
    const res = await tenant.admin.post('/api/units', {
      parentId: tenant.rootUnitId,
      kind: 'board',
      name: 'X',
      startsOn: '2024-01-01',
      endsOn: '2023-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors).toContainEqual({
      path: 'endsOn',
      message: 'Slutdatum kan inte vara före startdatum.',
    });
  });

  it('a stale version is a 409 that says who changed it and when', async () => {
    const unit = await aUnit(tenant.admin, tenant.rootUnitId);
    json(
      await tenant.admin.patch(`/api/units/${unit.id}`, {
        version: unit.version,
        description: 'Första',
      }),
    );
    const stale = await tenant.admin.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      description: 'Andra',
    });
    expect(stale.statusCode).toBe(409);
    const detail = stale.json<{ detail: string }>().detail;
    expect(detail).toContain(tenant.admin.me.name);
    expect(detail).toContain('2026-03-15');
    expect(
      json<{ description: string }>(await tenant.admin.get(`/api/units/${unit.id}`)).description,
    ).toBe('Första');
  });

  it('moves a subtree in one step, keeps the old placement as history, and never creates a cycle', async () => {
    const a = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'A' });
    const b = await aUnit(tenant.admin, a.id, { name: 'B', kind: 'administration' });
    const c = await aUnit(tenant.admin, b.id, { name: 'C', kind: 'unit' });
    const target = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Mål' });

    const cycle = await tenant.admin.post(`/api/units/${a.id}/move`, {
      version: a.version,
      parentId: c.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('parentId');
    expect(
      (await tenant.admin.post(`/api/units/${a.id}/move`, { version: a.version, parentId: a.id }))
        .statusCode,
    ).toBe(400);

    const moved = json<Unit>(
      await tenant.admin.post(`/api/units/${b.id}/move`, {
        version: b.version,
        parentId: target.id,
      }),
    );
    expect(moved.path).toEqual([tenant.rootUnitId, target.id, b.id]);
    expect(json<Unit>(await tenant.admin.get(`/api/units/${c.id}`)).path).toEqual([
      tenant.rootUnitId,
      target.id,
      b.id,
      c.id,
    ]);
    const history = json<{ placements: { parentId: string; toAt: string | null }[] }>(
      await tenant.admin.get(`/api/units/${b.id}/history`),
    );
    expect(history.placements.map((p) => p.parentId)).toEqual([a.id, target.id]);
    expect(history.placements[0]!.toAt).not.toBeNull();
    expect(history.placements[1]!.toAt).toBeNull();
  });

  it('archives instead of deleting, but not while sub-units are active', async () => {
    const parent = await aUnit(tenant.admin, tenant.rootUnitId);
    const child = await aUnit(tenant.admin, parent.id, { kind: 'administration' });
    const refused = await tenant.admin.post(`/api/units/${parent.id}/archive`, {
      version: parent.version,
      archived: true,
    });
    expect(refused.statusCode).toBe(400);
    json(
      await tenant.admin.post(`/api/units/${child.id}/archive`, {
        version: child.version,
        archived: true,
      }),
    );
    const archived = json<Unit>(
      await tenant.admin.post(`/api/units/${parent.id}/archive`, {
        version: parent.version,
        archived: true,
      }),
    );
    expect(archived.archivedAt).not.toBeNull();
    const list = json<{ items: Unit[] }>(await tenant.admin.get('/api/units?limit=200'));
    expect(list.items.map((u) => u.id)).not.toContain(parent.id);
    const all = json<{ items: Unit[] }>(
      await tenant.admin.get('/api/units?limit=200&includeArchived=true'),
    );
    expect(all.items.map((u) => u.id)).toContain(parent.id);
    expect(
      (
        await tenant.admin.post('/api/units', {
          parentId: parent.id,
          kind: 'unit',
          name: 'Under arkiverad',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('records a successor, so a body that no longer exists points at what replaced it', async () => {
    const ls = await aUnit(tenant.admin, tenant.rootUnitId, {
      name: 'Landstingsstyrelsen',
      kind: 'regional_board',
      endsOn: '2018-12-31',
    });
    const rs = await aUnit(tenant.admin, tenant.rootUnitId, {
      name: 'Regionstyrelsen',
      kind: 'regional_board',
      startsOn: '2019-01-01',
    });
    const decision = await aDecision(tenant.admin, ls.id, { title: 'IT-strategi 2016' });
    json(
      await tenant.admin.post(`/api/units/${ls.id}/successors`, {
        successorId: rs.id,
        onDate: '2019-01-01',
      }),
    );
    const h = json<{ successions: { predecessorName: string; successorName: string }[] }>(
      await tenant.admin.get(`/api/units/${rs.id}/history`),
    );
    expect(h.successions).toEqual([
      expect.objectContaining({
        predecessorName: 'Landstingsstyrelsen',
        successorName: 'Regionstyrelsen',
      }),
    ]);
    expect(
      json<{ bodyName: string }>(await tenant.admin.get(`/api/decisions/${decision.id}`)).bodyName,
    ).toBe('Landstingsstyrelsen');
    expect(
      (await tenant.admin.post(`/api/units/${ls.id}/successors`, { successorId: ls.id }))
        .statusCode,
    ).toBe(400);
  });

  it('lists with search, filter, sort and paging, and exports the same query', async () => {
    const t = await aTenant(env, 'Lista');
    for (const name of ['Kollektivtrafiknämnden', 'Kulturnämnden', 'Regionala utvecklingsnämnden'])
      await aUnit(t.admin, t.rootUnitId, { name });
    const found = json<{ items: Unit[]; total: number }>(await t.admin.get('/api/units?q=trafik'));
    expect(found.items.map((u) => u.name)).toEqual(['Kollektivtrafiknämnden']);
    const sorted = json<{ items: Unit[]; total: number }>(
      await t.admin.get(`/api/units?parentId=${t.rootUnitId}&sort=-name&limit=2`),
    );
    expect(sorted.total).toBe(3);
    expect(sorted.items.map((u) => u.name)).toEqual([
      'Regionala utvecklingsnämnden',
      'Kulturnämnden',
    ]);
    const csv = await t.admin.get('/api/units?format=csv&kind=board');
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(4);
    const xlsx = await t.admin.get('/api/units?format=xlsx');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
  });

  it('the tree comes in one answer, parents before children', async () => {
    const tree = json<{ items: Unit[] }>(await tenant.admin.get('/api/units/tree'));
    const seen = new Set<string>();
    for (const u of tree.items) {
      if (u.parentId) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.id);
    }
  });
});

describe('scoped editing', () => {
  it('an editor edits within the subtree of their unit and nowhere else', async () => {
    const hsn = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'HSN' });
    const ktn = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'KTN' });
    const editor = await aUserWith(env, tenant, 'editor', hsn.id);
    const child = json<Unit>(
      await editor.post('/api/units', { parentId: hsn.id, kind: 'administration', name: 'HSF' }),
    );
    expect(
      json<Unit>(
        await editor.patch(`/api/units/${child.id}`, { version: child.version, name: 'HSF ny' }),
      ).name,
    ).toBe('HSF ny');
    expect(
      (await editor.post('/api/units', { parentId: ktn.id, kind: 'administration', name: 'KTF' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await editor.patch(`/api/units/${ktn.id}`, { version: ktn.version, name: 'Nej' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await editor.post(`/api/units/${child.id}/move`, { version: 2, parentId: ktn.id }))
        .statusCode,
    ).toBe(403);
    expect(
      (await editor.post('/api/units', { parentId: null, kind: 'board', name: 'Rot' })).statusCode,
    ).toBe(400);
  });

  it('a tenant has one root: even its administrator cannot create a second one', async () => {
    const t = await aTenant(env, 'En rot');
    const res = await t.admin.post('/api/units', { parentId: null, kind: 'board', name: 'Rot 2' });
    expect(res.statusCode).toBe(400);
    const problem = res.json<{ detail: string; errors: { path: string; message: string }[] }>();
    expect(problem.detail).toContain('redan en enhet högst upp');
    expect(problem.errors[0]).toMatchObject({ path: 'parentId' });
    const roots = json<{ items: { parentId: string | null }[] }>(
      await t.admin.get('/api/units?limit=200'),
    ).items.filter((u) => u.parentId === null);
    expect(roots).toHaveLength(1);
    const unit = await aUnit(t.admin, t.rootUnitId, { name: 'Flyttas' });
    const move = await t.admin.post(`/api/units/${unit.id}/move`, {
      version: unit.version,
      parentId: null,
    });
    expect(move.statusCode).toBe(400);
    expect(move.json<{ detail: string }>().detail).toContain('högst upp i trädet');
  });

  it('a reader reads everything and changes nothing', async () => {
    const reader = await aUserWith(env, tenant, 'reader');
    expect((await reader.get('/api/units')).statusCode).toBe(200);
    const res = await reader.post('/api/units', {
      parentId: tenant.rootUnitId,
      kind: 'board',
      name: 'Nej',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ detail: string }>().detail).toBe('Du har inte behörighet att göra detta.');
  });

  it('a person with no role is denied by default', async () => {
    const nobody = await aUserWith(env, tenant, null);
    expect((await nobody.get('/api/units')).statusCode).toBe(403);
    expect((await nobody.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('tenants are isolated', () => {
  it('one tenant never sees or changes another tenant’s units', async () => {
    const other = await aTenant(env, 'Grannregion');
    const mine = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Min nämnd' });
    expect((await other.admin.get(`/api/units/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await other.admin.patch(`/api/units/${mine.id}`, { version: mine.version, name: 'Kapad' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await other.admin.post('/api/units', {
          parentId: mine.id,
          kind: 'unit',
          name: 'Inträngare',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await other.admin.post(`/api/units/${mine.id}/move`, {
          version: 1,
          parentId: other.rootUnitId,
        })
      ).statusCode,
    ).toBe(404);
    const list = json<{ items: Unit[] }>(await other.admin.get('/api/units?limit=200&q=Min'));
    expect(list.items).toHaveLength(0);
    const decisions = json<{ total: number }>(await other.admin.get('/api/decisions'));
    expect(decisions.total).toBe(0);
    expect(
      json<{ items: unknown[] }>(await other.admin.get(`/api/audit-trail?entityId=${mine.id}`))
        .items,
    ).toHaveLength(0);
  });
});
