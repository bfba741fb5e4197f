import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
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
let t: Tenant;
let rs: { id: string };
let hsn: { id: string };
let ktn: { id: string };
let council: { id: string };
let owner: { id: string };

type I = {
  id: string;
  version: number;
  phase: string;
  flags: string[];
  crossUnit: boolean;
  score: number;
};
type Problem = { detail: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  t = await aTenant(env);
  rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen', kind: 'regional_board' });
  hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
  ktn = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
  council = await aForum(t.admin, rs.id, { name: 'Digitaliseringsrådet' });
  owner = json<{ id: string }>(
    await t.admin.post('/api/persons', {
      name: 'Ida Initiativägare',
      email: `ida-${t.tag}@test.example`,
    }),
  );
  const s = json<{ version: number }>(await t.admin.get('/api/settings'));
  json(
    await t.admin.put('/api/settings', {
      version: s.version,
      councilForumId: council.id,
      portfolioDecidingBodyId: rs.id,
    }),
  );
});
afterAll(() => env.close());

const move = (i: { id: string; version: number }, to: string, reason = 'Enligt plan') =>
  t.admin.post(`/api/initiatives/${i.id}/transition`, { version: i.version, to, reason });

describe('the life of an initiative', () => {
  it('idea → prepared by the council → decided by the regional board → running → closed with a benefits plan → measured after closure', async () => {
    let i = json<I>(
      await t.admin.post('/api/initiatives', {
        title: 'Gemensam e-tjänsteplattform',
        category: 'new_service',
        ownerUnitId: hsn.id,
        ownerPersonId: owner.id,
        affectedUnitIds: [ktn.id],
        investment: [{ year: 2026, amount: 2_000_000 }],
        scores: [{ criterion: 'core_benefit', score: 4 }],
      }),
    );
    expect(i).toMatchObject({ phase: 'idea', crossUnit: true, score: 12 });
    i = json<I>(await move(i, 'preparation'));
    const hsnDecision = await aDecision(t.admin, hsn.id, { title: 'HSN beslutar om plattformen' });
    i = json<I>(
      await t.admin.patch(`/api/initiatives/${i.id}`, {
        version: i.version,
        decisionId: hsnDecision.id,
      }),
    );
    const refused = await move(i, 'decided');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.map((e) => e.message)).toEqual([
      'Initiativet berör flera enheter och ska ha beretts av digitaliseringsrådet.',
      'Beslutet är inte fattat på rätt nivå: initiativ som berör flera enheter beslutas av det organ regionen har bestämt.',
    ]);
    const rsDecision = await aDecision(t.admin, rs.id, {
      title: 'RS beslutar om e-tjänsteplattformen',
    });
    i = json<I>(
      await t.admin.patch(`/api/initiatives/${i.id}`, {
        version: i.version,
        decisionId: rsDecision.id,
        preparedByForumId: council.id,
      }),
    );
    i = json<I>(await move(i, 'decided', 'Beslutad i RS'));
    i = json<I>(await move(i, 'running'));
    const noPlan = await move(i, 'closed');
    expect(noPlan.json<Problem>().errors?.[0]?.message).toContain('effekthemtagning');
    const benefit = json<{ id: string; version: number; overdue: boolean }>(
      await t.admin.post('/api/benefits', {
        initiativeId: i.id,
        kind: 'citizens',
        measure: 'Ärenden via e-tjänst',
        unit: '%',
        baseline: 20,
        target: 60,
        targetDate: '2026-03-01',
        ownerPersonId: owner.id,
        cadenceMonths: 6,
      }),
    );
    expect(benefit.overdue).toBe(true);
    i = json<I>(await move(i, 'closed', 'Levererad'));
    i = json<I>(await move(i, 'in_operation', 'Överlämnad till förvaltning'));
    expect(i.flags).toEqual(['benefit_overdue']);
    const measured = json<{ overdue: boolean; latest: number; nextDue: string }>(
      await t.admin.post(`/api/benefits/${benefit.id}/measurements`, {
        version: benefit.version,
        on: '2026-03-10',
        value: 48,
      }),
    );
    expect(measured).toMatchObject({ overdue: false, latest: 48, nextDue: '2026-09-10' });
    expect(json<I>(await t.admin.get(`/api/initiatives/${i.id}`)).flags).toEqual([]);
    const moves = json<{
      items: { fromPhase: string; toPhase: string; reason: string; byName: string }[];
    }>(await t.admin.get(`/api/initiatives/${i.id}/transitions`)).items;
    expect(moves.map((m) => `${m.fromPhase}→${m.toPhase}`)).toEqual([
      'idea→preparation',
      'preparation→decided',
      'decided→running',
      'running→closed',
      'closed→in_operation',
    ]);
    expect(moves[1]).toMatchObject({
      reason: 'Beslutad i RS',
      byName: expect.any(String) as string,
    });
  });

  it('answers with the names of the units, forum and people it refers to, beside their ids', async () => {
    const i = json<{
      affectedUnits: { id: string; name: string }[];
      payerUnit: { id: string; name: string } | null;
      costSplit: { unitId: string; unitName: string; percent: number }[];
      preparedByForum: { id: string; name: string } | null;
      id: string;
    }>(
      await t.admin.post('/api/initiatives', {
        title: 'Namn i svaret',
        category: 'new_service',
        ownerUnitId: hsn.id,
        affectedUnitIds: [ktn.id],
        payerUnitId: hsn.id,
        costSplit: [
          { unitId: hsn.id, percent: 60 },
          { unitId: ktn.id, percent: 40 },
        ],
        preparedByForumId: council.id,
      }),
    );
    const units = json<{ items: { id: string; name: string }[] }>(
      await t.admin.get('/api/units?limit=200'),
    ).items;
    const nameOf = (id: string) => units.find((u) => u.id === id)!.name;
    expect(i.affectedUnits).toEqual([{ id: ktn.id, name: nameOf(ktn.id) }]);
    expect(i.payerUnit).toEqual({ id: hsn.id, name: nameOf(hsn.id) });
    expect(i.costSplit.map((x) => x.unitName)).toEqual([nameOf(hsn.id), nameOf(ktn.id)]);
    expect(i.preparedByForum?.id).toBe(council.id);
    expect(i.preparedByForum?.name).toBeTruthy();
    const b = json<{ ownerPersonName: string | null }>(
      await t.admin.post('/api/benefits', {
        initiativeId: i.id,
        kind: 'citizens',
        measure: 'Väntetid',
        ownerPersonId: owner.id,
      }),
    );
    expect(b.ownerPersonName).toBeTruthy();
    const listed = json<{ items: { ownerPersonName: string | null }[] }>(
      await t.admin.get(`/api/initiatives/${i.id}/benefits`),
    );
    expect(listed.items[0]!.ownerPersonName).toBe(b.ownerPersonName);
  });

  it('refuses a move the model does not allow, a move without a reason, and a stale version', async () => {
    const i = json<I>(
      await t.admin.post('/api/initiatives', {
        title: 'Ny app',
        category: 'innovation',
        ownerUnitId: hsn.id,
      }),
    );
    expect((await move(i, 'closed')).json<Problem>().errors?.[0]?.message).toContain('Idé');
    expect(
      (
        await t.admin.post(`/api/initiatives/${i.id}/transition`, {
          version: i.version,
          to: 'preparation',
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    json(await move(i, 'preparation'));
    expect((await move(i, 'cancelled')).statusCode).toBe(409);
    const moves = json<{ items: { to: string; failures: string[] }[] }>(
      await t.admin.get(`/api/initiatives/${i.id}/moves`),
    ).items;
    expect(moves.find((m) => m.to === 'decided')?.failures).toEqual(['needs_decision']);
  });

  it('flags, search in Swedish, silent units, and an editor limited to their own units', async () => {
    const started = json<I>(
      await t.admin.post('/api/initiatives', {
        title: 'Digitala vårdmöten i primärvården',
        category: 'new_service',
        ownerUnitId: ktn.id,
      }),
    );
    expect(started.flags).toEqual(['no_owner']);
    const found = json<{ items: { title: string }[] }>(
      await t.admin.get('/api/initiatives?q=vårdmöten'),
    );
    expect(found.items.map((x) => x.title)).toContain('Digitala vårdmöten i primärvården');
    const silent = json<{ items: { id: string }[] }>(
      await t.admin.get('/api/initiatives/silent-units'),
    ).items.map((u) => u.id);
    expect(silent).toContain(rs.id);
    expect(silent).not.toContain(hsn.id);
    const editor = await aUserWith(env, t, 'editor', ktn.id);
    expect(
      (
        await editor.post('/api/initiatives', {
          title: 'Egen',
          category: 'innovation',
          ownerUnitId: ktn.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await editor.post('/api/initiatives', {
          title: 'Annans',
          category: 'innovation',
          ownerUnitId: hsn.id,
        })
      ).statusCode,
    ).toBe(403);
    const split = await t.admin.post('/api/initiatives', {
      title: 'Delad kostnad',
      category: 'infrastructure',
      costSplit: [
        { unitId: hsn.id, percent: 60 },
        { unitId: ktn.id, percent: 30 },
      ],
    });
    expect(split.json<Problem>().errors?.[0]?.path).toBe('costSplit');
    const xlsx = await t.admin.get('/api/initiatives?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('proposes the best set within budget and IT hours', async () => {
    const u = await aTenant(env, 'Prio');
    const mk = async (title: string, score: number, cost: number, hours: number) =>
      json<{ id: string }>(
        await u.admin.post('/api/initiatives', {
          title,
          category: 'innovation',
          investment: [{ year: 2027, amount: cost }],
          resourceNeed: [{ competence: 'Utvecklare', quarter: '2027-Q1', hours }],
          scores: [{ criterion: 'core_benefit', score }],
        }),
      );
    const a = await mk('A', 5, 600, 100);
    const b = await mk('B', 4, 500, 100);
    const c = await mk('C', 4, 500, 100);
    const p = json<{
      candidates: { id: string; score: number }[];
      selection: { ids: string[]; score: number; cost: number };
    }>(
      await u.admin.get(
        '/api/initiatives/proposal?budget=1000&hours=500&fromYear=2027&toYear=2027',
      ),
    );
    expect(p.candidates[0]!.id).toBe(a.id); // ranked by score…
    expect(new Set(p.selection.ids)).toEqual(new Set([b.id, c.id])); // …but B and C together beat A alone within the budget
    expect(p.selection).toMatchObject({ score: 24, cost: 1000 });
    expect(
      (await u.admin.get('/api/initiatives/proposal?budget=-1&hours=1&fromYear=2027&toYear=2027'))
        .statusCode,
    ).toBe(400);
    // Many identical candidates (a copied list) are answered at once, and exactly.
    for (let i = 0; i < 30; i++) await mk(`Likadan ${i}`, 3, 100, 10);
    const many = json<{ selection: { ids: string[]; exact: boolean; cost: number } }>(
      await u.admin.get(
        '/api/initiatives/proposal?budget=2050&hours=5000&fromYear=2027&toYear=2027',
      ),
    );
    expect(many.selection.exact).toBe(true);
    expect(many.selection.cost).toBeLessThanOrEqual(2050);
  });
});
