import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenant, aUnit, aUserWith, json, testEnv, type TestEnv } from '../../test/helper.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
});
afterAll(() => env.close());

describe('roadmaps and the most important initiatives', () => {
  it('a roadmap version is a snapshot of the unit’s initiatives; the next version compares as added, removed, moved', async () => {
    const t = await aTenant(env, 'Färdplan');
    const hsn = await aUnit(t.admin, t.rootUnitId, { name: 'HSN' });
    const hsf = await aUnit(t.admin, hsn.id, { name: 'HSF', kind: 'administration' });
    const ktn = await aUnit(t.admin, t.rootUnitId, { name: 'KTN' });
    const mk = async (title: string, ownerUnitId: string, startOn: string) => json<{ id: string; version: number }>(await t.admin.post('/api/initiatives', { title, category: 'innovation', ownerUnitId, startOn }));
    const a = await mk('Vårdmöten', hsf.id, '2026-02-01');
    const b = await mk('Journalmodul', hsn.id, '2027-01-01');
    await mk('Biljettapp', ktn.id, '2026-05-01');
    const v1 = json<{ id: string; items: { title: string }[] }>(await t.admin.post('/api/roadmaps', { name: 'Färdplan HS 2026 v.0.1', unitId: hsn.id, fromYear: 2026, horizonYears: 3 }));
    expect(v1.items.map((i) => i.title).sort()).toEqual(['Journalmodul', 'Vårdmöten']);
    json(await t.admin.patch(`/api/initiatives/${b.id}`, { version: b.version, startOn: '2028-01-01' }));
    json(await t.admin.post(`/api/initiatives/${a.id}/transition`, { version: a.version, to: 'cancelled', reason: 'Ersatt' }));
    await mk('Egenmonitorering', hsf.id, '2026-09-01');
    const v2 = json<{ id: string }>(await t.admin.post('/api/roadmaps', { name: 'Färdplan HS 2026 v.0.2', unitId: hsn.id, fromYear: 2026, horizonYears: 3 }));
    const diff = json<{ added: { title: string }[]; removed: { title: string }[]; moved: { title: string; to: { startOn: string } }[] }>(await t.admin.get(`/api/roadmaps/${v2.id}/compare?with=${v1.id}`));
    expect(diff.added.map((x) => x.title)).toEqual(['Egenmonitorering']);
    expect(diff.removed.map((x) => x.title)).toEqual(['Vårdmöten']);
    expect(diff.moved).toEqual([expect.objectContaining({ title: 'Journalmodul', to: { startOn: '2028-01-01', endOn: null } })]);
    expect(json<{ items: unknown[] }>(await t.admin.get(`/api/roadmaps?unitId=${hsn.id}`)).items).toHaveLength(2);
    const region = json<{ items: unknown[] }>(await t.admin.post('/api/roadmaps', { name: 'Regionens färdplan 2026', fromYear: 2026, horizonYears: 5 }));
    expect(region.items).toHaveLength(3);
    const editor = await aUserWith(env, t, 'editor', ktn.id);
    expect((await editor.post('/api/roadmaps', { name: 'Nej', unitId: hsn.id, fromYear: 2026, horizonYears: 3 })).statusCode).toBe(403);
  });

  it('the top list is followed up at its cadence, with the gap between planned and held follow-ups', async () => {
    const t = await aTenant(env, 'Topp');
    const i = json<{ id: string }>(await t.admin.post('/api/initiatives', { title: 'E-tjänsteplattform', category: 'new_service' }));
    expect((await t.admin.put('/api/top', { initiativeIds: [i.id] })).statusCode).toBe(204);
    expect((await t.admin.put('/api/top', { initiativeIds: [] })).statusCode).toBe(400); // the list exists: give its version
    for (const heldOn of ['2025-02-10', '2025-05-20', '2025-11-12']) json(await t.admin.post('/api/top/follow-ups', { heldOn, forum: 'Regionledningen', entries: [{ initiativeId: i.id, status: heldOn.startsWith('2025-11') ? 'at_risk' : 'on_track', effectsReached: 30 }] }));
    const top = json<{ version: number; items: { latest: { status: string; heldOn: string } }[]; followUps: unknown[]; missed: string[] }>(await t.admin.get('/api/top'));
    expect(top.items[0]!.latest).toMatchObject({ status: 'at_risk', heldOn: '2025-11-12' });
    expect(top.followUps).toHaveLength(3);
    expect(top.missed).toEqual(['2025-Q3']);
    const reader = await aUserWith(env, t, 'reader');
    expect((await reader.put('/api/top', { version: top.version, initiativeIds: [] })).statusCode).toBe(403);
    expect((await reader.get('/api/top')).statusCode).toBe(200);
  });
});
