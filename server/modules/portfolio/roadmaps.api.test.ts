import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenant, aUnit, aUserWith, json, testEnv, type TestEnv } from '../../test/helper.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
});
afterAll(() => env.close());

describe('roadmaps and prioritisation rounds', () => {
  it('a roadmap version is a snapshot of the unit’s initiatives; the next version compares as added, removed, moved', async () => {
    const t = await aTenant(env, 'Färdplan');
    const hsn = await aUnit(t.admin, t.rootUnitId, { name: 'HSN' });
    const hsf = await aUnit(t.admin, hsn.id, { name: 'HSF', kind: 'administration' });
    const ktn = await aUnit(t.admin, t.rootUnitId, { name: 'KTN' });
    const mk = async (title: string, ownerUnitId: string, startOn: string) =>
      json<{ id: string; version: number }>(
        await t.admin.post('/api/initiatives', {
          title,
          category: 'innovation',
          ownerUnitId,
          startOn,
        }),
      );
    const a = await mk('Vårdmöten', hsf.id, '2026-02-01');
    const b = await mk('Journalmodul', hsn.id, '2027-01-01');
    await mk('Biljettapp', ktn.id, '2026-05-01');
    const v1 = json<{ id: string; items: { title: string }[] }>(
      await t.admin.post('/api/roadmaps', {
        name: 'Färdplan HS 2026 v.0.1',
        unitId: hsn.id,
        fromYear: 2026,
        horizonYears: 3,
      }),
    );
    expect(v1.items.map((i) => i.title).sort()).toEqual(['Journalmodul', 'Vårdmöten']);
    json(
      await t.admin.patch(`/api/initiatives/${b.id}`, {
        version: b.version,
        startOn: '2028-01-01',
      }),
    );
    json(
      await t.admin.post(`/api/initiatives/${a.id}/transition`, {
        version: a.version,
        to: 'cancelled',
        reason: 'Ersatt',
      }),
    );
    await mk('Egenmonitorering', hsf.id, '2026-09-01');
    const v2 = json<{ id: string }>(
      await t.admin.post('/api/roadmaps', {
        name: 'Färdplan HS 2026 v.0.2',
        unitId: hsn.id,
        fromYear: 2026,
        horizonYears: 3,
      }),
    );
    const diff = json<{
      added: { title: string }[];
      removed: { title: string }[];
      moved: { title: string; to: { startOn: string } }[];
    }>(await t.admin.get(`/api/roadmaps/${v2.id}/compare?with=${v1.id}`));
    expect(diff.added.map((x) => x.title)).toEqual(['Egenmonitorering']);
    expect(diff.removed.map((x) => x.title)).toEqual(['Vårdmöten']);
    expect(diff.moved).toEqual([
      expect.objectContaining({
        title: 'Journalmodul',
        to: { startOn: '2028-01-01', endOn: null },
      }),
    ]);
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/roadmaps?unitId=${hsn.id}`)).items,
    ).toHaveLength(2);
    const region = json<{ items: unknown[] }>(
      await t.admin.post('/api/roadmaps', {
        name: 'Regionens färdplan 2026',
        fromYear: 2026,
        horizonYears: 5,
      }),
    );
    expect(region.items).toHaveLength(3);
    const editor = await aUserWith(env, t, 'editor', ktn.id);
    expect(
      (
        await editor.post('/api/roadmaps', {
          name: 'Nej',
          unitId: hsn.id,
          fromYear: 2026,
          horizonYears: 3,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a prioritisation round keeps the ranking and the proposal; the forum decides otherwise and the decision is kept beside them', async () => {
    const t = await aTenant(env, 'Omgång');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'RS', kind: 'regional_board' });
    const mk = async (title: string, score: number, cost: number) =>
      json<{ id: string }>(
        await t.admin.post('/api/initiatives', {
          title,
          category: 'innovation',
          investment: [{ year: 2027, amount: cost }],
          scores: [{ criterion: 'core_benefit', score }],
        }),
      );
    const a = await mk('A', 5, 600);
    const b = await mk('B', 4, 500);
    const c = await mk('C', 4, 500);
    const round = json<{
      id: string;
      version: number;
      ranking: { id: string }[];
      proposedIds: string[];
    }>(
      await t.admin.post('/api/prioritisation-rounds', {
        name: 'Prioritering 2027',
        fromYear: 2027,
        toYear: 2027,
        budget: 1000,
        hours: 1000,
      }),
    );
    expect(round.ranking.map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(new Set(round.proposedIds)).toEqual(new Set([b.id, c.id]));
    const decision = json<{ id: string }>(
      await t.admin.post('/api/decisions', {
        bodyUnitId: board.id,
        level: 'board',
        title: 'Prioritering av initiativ 2027',
      }),
    );
    const stranger = json<{ id: string }>(
      await t.admin.post('/api/initiatives', { title: 'Sen', category: 'innovation' }),
    );
    const bad = await t.admin.patch(`/api/prioritisation-rounds/${round.id}`, {
      version: round.version,
      decidedIds: [a.id, stranger.id],
      decisionId: decision.id,
    });
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'decidedIds.1',
    ]);
    const decided = json<{ decidedIds: string[]; proposedIds: string[] }>(
      await t.admin.patch(`/api/prioritisation-rounds/${round.id}`, {
        version: round.version,
        decidedIds: [a.id],
        decisionId: decision.id,
      }),
    );
    expect(decided.decidedIds).toEqual([a.id]);
    expect(new Set(decided.proposedIds)).toEqual(new Set([b.id, c.id]));
  });

  it('benefit realisation: planned vs realised per benefit, per unit and for the region', async () => {
    const t = await aTenant(env, 'Nytta');
    const unit = await aUnit(t.admin, t.rootUnitId, { name: 'HSN' });
    const i = json<{ id: string }>(
      await t.admin.post('/api/initiatives', {
        title: 'E-tjänst',
        category: 'new_service',
        ownerUnitId: unit.id,
      }),
    );
    const b1 = json<{ id: string; version: number }>(
      await t.admin.post('/api/benefits', {
        initiativeId: i.id,
        kind: 'citizens',
        measure: 'Andel digitalt',
        baseline: 20,
        target: 60,
        targetDate: '2027-12-31',
      }),
    );
    json(
      await t.admin.post('/api/benefits', {
        initiativeId: i.id,
        kind: 'staff',
        measure: 'Tid per ärende',
        baseline: 40,
        target: 20,
        targetDate: '2026-01-31',
      }),
    );
    json(
      await t.admin.post(`/api/benefits/${b1.id}/measurements`, {
        version: b1.version,
        on: '2026-03-01',
        value: 40,
      }),
    );
    const r = json<{
      items: { measure: string; share: number | null; overdue: boolean }[];
      units: { unitName: string; benefits: number; measured: number; averageShare: number }[];
      region: { benefits: number; overdue: number };
    }>(await t.admin.get('/api/benefits/realisation'));
    expect(r.items.map((x) => [x.measure, x.share, x.overdue]).sort()).toEqual([
      ['Andel digitalt', 0.5, false],
      ['Tid per ärende', null, true],
    ]);
    expect(r.units).toEqual([
      expect.objectContaining({ unitName: 'HSN', benefits: 2, measured: 1, averageShare: 0.5 }),
    ]);
    expect(r.region).toMatchObject({ benefits: 2, overdue: 1 });
    const due = json<{ items: { kind: string; title: string; overdue: boolean }[] }>(
      await t.admin.get('/api/deadlines'),
    ).items;
    expect(
      due
        .filter((d) => d.kind === 'measurement')
        .map((d) => [d.title, d.overdue])
        .sort(),
    ).toEqual([['Tid per ärende (E-tjänst)', true]]); // measured, with no cadence: nothing more is due
  });
});
