import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aForum,
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
let board: { id: string };
let otherBoard: { id: string };
let admin: { id: string };
let anna: { id: string };
let bo: { id: string };
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  tenant = await aTenant(env);
  board = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Regionstyrelsen',
    kind: 'regional_board',
  });
  otherBoard = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Hälso- och sjukvårdsnämnden',
    kind: 'board',
  });
  anna = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: 'Anna Områdesägare',
      email: `anna-${tenant.tag}@test.example`,
    }),
  );
  bo = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: 'Bo Tjänsteansvarig',
      email: `bo-${tenant.tag}@test.example`,
    }),
  );
  admin = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: 'Regiondirektören',
      email: `rd-${tenant.tag}@test.example`,
    }),
  );
});
afterAll(() => env.close());

type Node = {
  id: string;
  version: number;
  kind: string;
  flags: string[];
  effectiveOwningUnit: { id: string } | null;
  systemIds: string[];
  escalation: { role: string; name: string | null }[];
  children: { id: string }[];
};
type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };
const area = (name = 'Vård och hälsa', over: Record<string, unknown> = {}) =>
  tenant.admin.post('/api/service-nodes', {
    kind: 'coordination_area',
    name,
    owningUnitId: board.id,
    ...over,
  });

describe('the service tree', () => {
  it('coordination area → service area → service; the service area takes the board; wrong levels are refused in Swedish', async () => {
    const ca = json<Node>(await area());
    const sa = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service_area',
        parentId: ca.id,
        name: 'Vårdens stöd',
      }),
    );
    expect(sa.effectiveOwningUnit?.id).toBe(board.id);
    const bad = await tenant.admin.post('/api/service-nodes', {
      kind: 'service',
      parentId: ca.id,
      name: 'Fel nivå',
      owningUnitId: board.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors).toEqual([
      { path: 'parentId', message: 'En digital tjänst ska ligga under ett tjänsteområde.' },
    ]);
    const noBoard = await tenant.admin.post('/api/service-nodes', {
      kind: 'service',
      parentId: sa.id,
      name: 'Utan ägare',
    });
    expect(noBoard.json<Problem>().errors?.[0]?.path).toBe('owningUnitId');
    const admin = await aUnit(tenant.admin, tenant.rootUnitId, {
      kind: 'administration',
      name: 'Förvaltning X',
    });
    const notBoard = await tenant.admin.post('/api/service-nodes', {
      kind: 'service',
      parentId: sa.id,
      name: 'Förvaltningsägd',
      owningUnitId: admin.id,
    });
    expect(notBoard.json<Problem>().errors?.[0]?.message).toContain('nämnd');
    const ok = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service',
        parentId: sa.id,
        name: 'Vårdjournal',
        owningUnitId: otherBoard.id,
      }),
    );
    expect(ok.flags).toEqual(['no_responsible']);
    expect(
      json<Node>(await tenant.admin.get(`/api/service-nodes/${sa.id}`)).children.map((c) => c.id),
    ).toEqual([ok.id]);
    const archive = await tenant.admin.patch(`/api/service-nodes/${sa.id}`, {
      version: sa.version,
      archived: true,
    });
    expect(archive.statusCode).toBe(400);
    expect(archive.json<Problem>().detail).toContain('1 aktiva');
  });

  it('appointing the responsible person and who appointed them clears the flags; a stale version is a 409', async () => {
    const ca = json<Node>(await area('Ekonomi'));
    const first = json<Node>(
      await tenant.admin.patch(`/api/service-nodes/${ca.id}`, {
        version: ca.version,
        responsiblePersonId: anna.id,
      }),
    );
    expect(first.flags).toEqual(['not_appointed']);
    const second = json<Node>(
      await tenant.admin.patch(`/api/service-nodes/${ca.id}`, {
        version: first.version,
        responsibleAppointedById: admin.id,
        responsibleAppointedOn: '2026-02-01',
      }),
    );
    expect(second.flags).toEqual([]);
    const stale = await tenant.admin.patch(`/api/service-nodes/${ca.id}`, {
      version: first.version,
      description: 'x',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('a local duplicate needs the owner’s recorded approval; a duplicate of a mandatory service stays flagged', async () => {
    const ca = json<Node>(await area('Gemensamt'));
    const sa = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service_area',
        parentId: ca.id,
        name: 'Kommunikation',
      }),
    );
    const shared = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service',
        parentId: sa.id,
        name: 'E-post',
        owningUnitId: board.id,
        responsiblePersonId: bo.id,
        responsibleAppointedById: anna.id,
      }),
    );
    const local = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service',
        parentId: sa.id,
        name: 'Lokal e-post',
        owningUnitId: otherBoard.id,
        duplicateOfId: shared.id,
        responsiblePersonId: bo.id,
        responsibleAppointedById: anna.id,
      }),
    );
    expect(local.flags).toEqual(['duplicate_unapproved']);
    const approved = json<Node>(
      await tenant.admin.patch(`/api/service-nodes/${local.id}`, {
        version: local.version,
        duplicateApprovedById: bo.id,
        duplicateApprovedOn: '2026-03-01',
      }),
    );
    expect(approved.flags).toEqual([]);
    json(
      await tenant.admin.patch(`/api/service-nodes/${shared.id}`, {
        version: shared.version,
        mandatory: true,
      }),
    );
    expect(json<Node>(await tenant.admin.get(`/api/service-nodes/${local.id}`)).flags).toEqual([
      'duplicate_of_mandatory',
    ]);
    const half = await tenant.admin.patch(`/api/service-nodes/${local.id}`, {
      version: approved.version,
      duplicateApprovedOn: null,
    });
    expect(half.json<Problem>().errors?.[0]?.message).toBe(
      'Ett godkännande behöver både vem som godkände och datum.',
    );
  });

  it('every system shows its escalation path: its people, the service chain, the council, the regional director', async () => {
    const council = await aForum(tenant.admin, board.id, { name: 'Digitaliseringsrådet' });
    const settings = json<{ version: number }>(await tenant.admin.get('/api/settings'));
    expect(
      (
        await tenant.admin.put('/api/settings', {
          version: settings.version,
          councilForumId: council.id,
          regionalDirectorPersonId: admin.id,
        })
      ).statusCode,
    ).toBe(200);
    const foreign = await tenant.admin.put('/api/settings', {
      version: settings.version + 1,
      regionalDirectorPersonId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(400);
    const ca = json<Node>(await area('Digital vård', { responsiblePersonId: anna.id }));
    const sa = json<Node>(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service_area',
        parentId: ca.id,
        name: 'Vårdmöten',
      }),
    );
    const system = json<{ id: string }>(
      await tenant.admin.post('/api/systems', {
        name: 'Videoplattformen',
        category: 'core',
        lifecycle: 'operating',
        managerPersonId: bo.id,
        ownerExternalName: 'Leverantören AB',
      }),
    );
    json(
      await tenant.admin.post('/api/service-nodes', {
        kind: 'service',
        parentId: sa.id,
        name: 'Digitala vårdmöten',
        owningUnitId: otherBoard.id,
        responsiblePersonId: bo.id,
        systemIds: [system.id],
      }),
    );
    const context = json<{
      services: { name: string; chain: string[] }[];
      escalation: { role: string; name: string | null }[];
    }>(await tenant.admin.get(`/api/systems/${system.id}/context`));
    expect(context.services).toEqual([
      {
        id: expect.any(String) as string,
        name: 'Digitala vårdmöten',
        chain: ['Digital vård', 'Vårdmöten'],
      },
    ]);
    expect(context.escalation.map((s) => `${s.role}=${s.name ?? '∅'}`)).toEqual([
      'system_manager=Bo Tjänsteansvarig',
      'system_owner=Leverantören AB',
      'service_manager=Bo Tjänsteansvarig',
      'service_area_owner=∅',
      'coordination_area_owner=Anna Områdesägare',
      'council=Digitaliseringsrådet',
      'regional_director=Regiondirektören',
    ]);
  });

  it('an editor of another board can read the tree but not change it', async () => {
    const ca = json<Node>(await area('Skyddat'));
    const outsider = await aUserWith(env, tenant, 'editor', otherBoard.id);
    expect((await outsider.get(`/api/service-nodes/${ca.id}`)).statusCode).toBe(200);
    expect(
      (
        await outsider.patch(`/api/service-nodes/${ca.id}`, {
          version: ca.version,
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await outsider.post('/api/service-nodes', {
          kind: 'service_area',
          parentId: ca.id,
          name: 'Smyg',
        })
      ).statusCode,
    ).toBe(403);
    const insider = await aUserWith(env, tenant, 'editor', board.id);
    expect(
      (
        await insider.post('/api/service-nodes', {
          kind: 'service_area',
          parentId: ca.id,
          name: 'Tillåtet',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('management objects, plans and integrations', () => {
  it('a system belongs to one management object; plans are one per year; adoption needs a date', async () => {
    const s1 = json<{ id: string }>(
      await tenant.admin.post('/api/systems', {
        name: 'Ekonomisystemet',
        category: 'support',
        lifecycle: 'operating',
        ownerUnitId: board.id,
      }),
    );
    const o1 = json<{ id: string; version: number; systems: { name: string }[] }>(
      await tenant.admin.post('/api/management-objects', {
        name: 'Ekonomiobjektet',
        owningUnitId: board.id,
        ownerPersonId: anna.id,
        systemIds: [s1.id],
      }),
    );
    expect(o1.systems.map((s) => s.name)).toEqual(['Ekonomisystemet']);
    const clash = await tenant.admin.post('/api/management-objects', {
      name: 'Annat objekt',
      systemIds: [s1.id],
    });
    expect(clash.json<Problem>().errors?.[0]?.message).toBe(
      'Systemet "Ekonomisystemet" ingår redan i förvaltningsobjektet "Ekonomiobjektet".',
    );
    const plan = json<{ id: string; version: number; activitiesCost: number }>(
      await tenant.admin.post(`/api/management-objects/${o1.id}/plans`, {
        year: 2026,
        budget: 2_000_000,
        activities: [
          { title: 'Uppgradering', quarter: 2, cost: 300_000 },
          { title: 'Utbildning', cost: 50_000 },
        ],
      }),
    );
    expect(plan.activitiesCost).toBe(350_000);
    expect(
      (await tenant.admin.post(`/api/management-objects/${o1.id}/plans`, { year: 2026 }))
        .statusCode,
    ).toBe(400);
    const adopt = await tenant.admin.patch(`/api/management-plans/${plan.id}`, {
      version: plan.version,
      status: 'adopted',
    });
    expect(adopt.json<Problem>().errors?.[0]).toEqual({
      path: 'adoptedOn',
      message: 'En fastställd plan behöver ett datum för fastställandet.',
    });
    expect(
      (
        await tenant.admin.patch(`/api/management-plans/${plan.id}`, {
          version: plan.version,
          status: 'adopted',
          adoptedOn: '2026-01-20',
        })
      ).statusCode,
    ).toBe(200);
    const gaps = json<{ objects: { name: string }[] }>(
      await tenant.admin.get('/api/ownership-gaps'),
    );
    expect(gaps.objects.map((o) => o.name)).toContain('Ekonomiobjektet'); // no manager yet
  });

  it('integrations show from both ends; a system cannot integrate with itself; removal is audited', async () => {
    const a = json<{ id: string }>(
      await tenant.admin.post('/api/systems', {
        name: 'Journal A',
        category: 'core',
        lifecycle: 'operating',
      }),
    );
    const b = json<{ id: string }>(
      await tenant.admin.post('/api/systems', {
        name: 'Lab B',
        category: 'core',
        lifecycle: 'operating',
      }),
    );
    const self = await tenant.admin.post('/api/integrations', {
      fromSystemId: a.id,
      toSystemId: a.id,
      method: 'api',
    });
    expect(self.json<Problem>().errors?.[0]?.message).toBe(
      'Ett system kan inte integreras med sig självt.',
    );
    const i = json<{ id: string }>(
      await tenant.admin.post('/api/integrations', {
        fromSystemId: b.id,
        toSystemId: a.id,
        method: 'message',
        description: 'Labbsvar',
      }),
    );
    expect(
      (
        await tenant.admin.post('/api/integrations', {
          fromSystemId: b.id,
          toSystemId: a.id,
          method: 'message',
        })
      ).statusCode,
    ).toBe(409);
    const fromA = json<{ items: { fromSystem: { name: string }; toSystem: { name: string } }[] }>(
      await tenant.admin.get(`/api/systems/${a.id}/integrations`),
    );
    expect(fromA.items.map((x) => `${x.fromSystem.name}→${x.toSystem.name}`)).toEqual([
      'Lab B→Journal A',
    ]);
    expect((await tenant.admin.delete(`/api/integrations/${i.id}`)).statusCode).toBe(204);
    expect(
      json<{ items: unknown[] }>(await tenant.admin.get(`/api/systems/${b.id}/integrations`)).items,
    ).toEqual([]);
    const trail = json<{ items: { action: string }[] }>(
      await tenant.admin.get(`/api/audit-trail?entityId=${i.id}`),
    );
    expect(trail.items.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('the overview', () => {
  it('counts by category and owner, maps capability overlaps between units, and lays contracts on a timeline', async () => {
    const t = await aTenant(env, 'Region Översikt');
    const u1 = await aUnit(t.admin, t.rootUnitId, { name: 'Nämnd Ett' });
    const u2 = await aUnit(t.admin, t.rootUnitId, { name: 'Nämnd Två' });
    const mk = async (
      name: string,
      ownerUnitId: string,
      capabilities: string[],
      lifecycle = 'operating',
    ) =>
      json<{ id: string }>(
        await t.admin.post('/api/systems', {
          name,
          category: 'core',
          lifecycle,
          ownerUnitId,
          capabilities,
          costLicence: 100,
        }),
      );
    const x = await mk('Boka 1', u1.id, ['tidbokning']);
    await mk('Boka 2', u2.id, ['tidbokning']);
    await mk('Boka 3', u2.id, ['tidbokning', 'arkiv']);
    const old = await mk('Gammalt', u1.id, ['arkiv'], 'phased_out');
    json(
      await t.admin.post('/api/contracts', {
        systemId: x.id,
        contractRef: 'K-1',
        endsOn: '2026-09-30',
      }),
    );
    json(
      await t.admin.post('/api/contracts', {
        systemId: x.id,
        contractRef: 'K-2',
        endsOn: '2025-12-31',
      }),
    );
    json(
      await t.admin.post('/api/contracts', {
        systemId: old.id,
        contractRef: 'K-3',
        endsOn: '2025-06-30',
      }),
    );
    const o = json<{
      total: number;
      byCategory: { key: string; count: number; cost: number }[];
      byOwner: { name: string; count: number }[];
      flagCounts: Record<string, number>;
      capabilityMap: {
        capabilities: string[];
        units: { name: string }[];
        cells: { capability: number; unit: number; systems: string[] }[];
      };
      contracts: { contractRef: string; status: string }[];
    }>(await t.admin.get('/api/systems/overview'));
    expect(o.total).toBe(4);
    expect(o.byCategory).toEqual([{ key: 'core', count: 4, cost: 400 }]);
    expect(o.byOwner.map((b) => `${b.name}:${b.count}`)).toEqual(['Nämnd Ett:2', 'Nämnd Två:2']);
    expect(o.flagCounts.no_owner).toBe(3);
    expect(o.capabilityMap.capabilities).toEqual(['tidbokning']);
    expect(
      o.capabilityMap.cells
        .map((c) => `${o.capabilityMap.units[c.unit]!.name}:${c.systems.join('+')}`)
        .sort(),
    ).toEqual(['Nämnd Ett:Boka 1', 'Nämnd Två:Boka 2+Boka 3']);
    // The phased-out system's ended contract is history; the running system's ended and ending ones are shown.
    expect(o.contracts.map((c) => `${c.contractRef}:${c.status}`)).toEqual([
      'K-2:expired',
      'K-1:ending',
    ]);
  });
});
