import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesWithoutStatus, topListFollowUps } from './index.js';
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

/*
 * From the seeds (Region Dalarna, 2025): "Regionstyrelsen 2024-01-23 – Digital agenda 2028 +
 * ”10 viktigaste digitaliseringsinitiativ”"; "Enligt Digital agenda 2028 ska de viktigaste
 * digitaliseringsinitiativen följas upp av regionledningen fyra gånger per år. Vi har tagit del
 * av uppföljning … per april och per november 2024 … förväntade effekter för respektive
 * initiativ samt en bedömning av hur väl regionen når dessa effekter … status framgår för
 * majoriteten av initiativen, det vill säga huruvida de är pågående, pausade eller avslutade."
 */

let env: TestEnv;
let t: Tenant;
let rs: { id: string };
let taligenkanning: { id: string; version: number };
let biljett: { id: string; version: number };
let ekonomi: { id: string; version: number };

type Entry = {
  initiativeId: string;
  title: string;
  expectedEffects: string | null;
  benefits: { id: string; measure: string }[];
  latest: { status: string | null; effects: string | null; heldOn: string } | null;
};
type TopList = {
  id: string;
  version: number;
  name: string;
  year: number;
  decision: { title: string; level: string; decidedOn: string; paragraph: string } | null;
  planned: number;
  cadenceSource: string;
  held: { figure: number; records: { id: string; title: string; href: string }[] };
  due: number;
  behind: boolean;
  entries: Entry[];
  followUps: { heldOn: string; entries: { initiativeId: string; status: string | null }[] }[];
};
type Problem = { detail: string; errors?: { path: string; message: string }[] };
const problem = (res: { json: <T>() => T }) => res.json<Problem>();

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  t = await aTenant(env, 'Topplistor');
  rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen', kind: 'regional_board' });
  const mk = async (title: string) =>
    json<{ id: string; version: number }>(
      await t.admin.post('/api/initiatives', {
        title,
        category: 'new_service',
        ownerUnitId: rs.id,
      }),
    );
  taligenkanning = await mk('Taligenkänning i vården');
  biljett = await mk('Nytt biljett- och betalsystem för kollektivtrafiken');
  ekonomi = await mk('Framtidens ekonomisystem');
}, 60_000);
afterAll(() => env.close());

const theList = async (over: Record<string, unknown> = {}) => {
  const decision = await aDecision(t.admin, rs.id, {
    title: 'Digital agenda 2028 och 10 viktigaste digitaliseringsinitiativ',
    decidedOn: '2024-01-23',
    paragraph: '12',
  });
  return json<TopList>(
    await t.admin.post('/api/top-lists', {
      name: '10 viktigaste digitaliseringsinitiativ',
      year: 2024,
      decisionId: decision.id,
      entries: [
        { initiativeId: taligenkanning.id, expectedEffects: 'Mindre tid till dokumentation' },
        { initiativeId: biljett.id, expectedEffects: 'Fler resenärer betalar digitalt' },
        { initiativeId: ekonomi.id },
      ],
      ...over,
    }),
  );
};
const followUp = (list: { id: string }, body: Record<string, unknown>) =>
  t.admin.post(`/api/top-lists/${list.id}/follow-ups`, body);

describe('top lists: several, named, per year, adopted by a decision', () => {
  it('a list keeps its name, year, the adopting decision with its level, and each entry’s expected effects', async () => {
    const list = await theList();
    expect(list).toMatchObject({
      name: '10 viktigaste digitaliseringsinitiativ',
      year: 2024,
      decision: { level: 'board', decidedOn: '2024-01-23', paragraph: '12' },
    });
    expect(list.entries.map((e) => [e.title, e.expectedEffects])).toEqual([
      ['Taligenkänning i vården', 'Mindre tid till dokumentation'],
      ['Nytt biljett- och betalsystem för kollektivtrafiken', 'Fler resenärer betalar digitalt'],
      ['Framtidens ekonomisystem', null],
    ]);
    // Another list the same year, and the same name another year, are lists of their own.
    json(await t.admin.post('/api/top-lists', { name: 'Topplista kollektivtrafik', year: 2024 }));
    json(
      await t.admin.post('/api/top-lists', {
        name: '10 viktigaste digitaliseringsinitiativ',
        year: 2025,
      }),
    );
    const dup = await t.admin.post('/api/top-lists', {
      name: '10 VIKTIGASTE digitaliseringsinitiativ',
      year: 2024,
    });
    expect(dup.statusCode).toBe(400);
    expect(problem(dup).errors?.[0]).toEqual({
      path: 'name',
      message:
        'Det finns redan en lista med namnet ”10 VIKTIGASTE digitaliseringsinitiativ” för 2024.',
    });
    const of2024 = json<{ items: TopList[] }>(await t.admin.get('/api/top-lists?year=2024')).items;
    expect(of2024.map((l) => l.name).sort()).toEqual([
      '10 viktigaste digitaliseringsinitiativ',
      'Topplista kollektivtrafik',
    ]);
  });

  it('the list’s decision must adopt: not återremiss or avslag, not a recommendation', async () => {
    const back = await aDecision(t.admin, rs.id, { outcome: 'rejected', title: 'Avslag' });
    const res = await t.admin.post('/api/top-lists', {
      name: 'Avslagen lista',
      year: 2026,
      decisionId: back.id,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]?.path).toBe('decisionId');
    const list = json<TopList>(
      await t.admin.post('/api/top-lists', { name: 'Lista utan beslut', year: 2026 }),
    );
    const upd = await t.admin.patch(`/api/top-lists/${list.id}`, {
      version: list.version,
      decisionId: back.id,
    });
    expect(upd.statusCode).toBe(400);
  });

  it('edits name the version they read; archiving keeps the list apart', async () => {
    const list = json<TopList>(
      await t.admin.post('/api/top-lists', { name: 'Utkast', year: 2026 }),
    );
    const renamed = json<TopList>(
      await t.admin.patch(`/api/top-lists/${list.id}`, {
        version: list.version,
        name: 'De viktigaste 2026',
        entries: [{ initiativeId: ekonomi.id, expectedEffects: 'Snabbare bokslut' }],
      }),
    );
    expect(renamed.entries.map((e) => e.expectedEffects)).toEqual(['Snabbare bokslut']);
    expect(
      (await t.admin.patch(`/api/top-lists/${list.id}`, { version: list.version, name: 'Gammal' }))
        .statusCode,
    ).toBe(409);
    json(
      await t.admin.patch(`/api/top-lists/${list.id}`, {
        version: renamed.version,
        archived: true,
      }),
    );
    const live = json<{ items: TopList[] }>(await t.admin.get('/api/top-lists?year=2026')).items;
    expect(live.map((l) => l.id)).not.toContain(list.id);
    const archived = json<{ items: TopList[] }>(
      await t.admin.get('/api/top-lists?year=2026&archived=true'),
    ).items;
    expect(archived.map((l) => l.id)).toEqual([list.id]);
  });

  it('an entry links the initiative’s own expected benefits, never another’s', async () => {
    const benefit = json<{ id: string }>(
      await t.admin.post('/api/benefits', {
        initiativeId: taligenkanning.id,
        kind: 'staff',
        measure: 'Minuter dokumentation per besök',
      }),
    );
    const good = json<TopList>(
      await t.admin.post('/api/top-lists', {
        name: 'Med effekter',
        year: 2026,
        entries: [{ initiativeId: taligenkanning.id, benefitIds: [benefit.id] }],
      }),
    );
    expect(good.entries[0]!.benefits).toEqual([
      { id: benefit.id, measure: 'Minuter dokumentation per besök' },
    ]);
    const bad = await t.admin.post('/api/top-lists', {
      name: 'Fel effekt',
      year: 2026,
      entries: [{ initiativeId: biljett.id, benefitIds: [benefit.id] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0]?.path).toBe('entries.0.benefitIds.0');
  });
});

describe('follow-ups: status per entry, effects reached, and the planned cadence', () => {
  it('an entry left without status shows status saknas, even when an earlier follow-up had one', async () => {
    const list = await theList({ name: 'Uppföljd lista' });
    json(
      await followUp(list, {
        heldOn: '2024-04-16',
        forum: 'Regionledningen',
        entries: [
          { initiativeId: taligenkanning.id, status: 'ongoing', effects: 'partly' },
          { initiativeId: biljett.id, status: 'paused', effects: 'not_started' },
          { initiativeId: ekonomi.id, status: 'ongoing' },
        ],
      }),
    );
    const after = json<{ list: TopList }>(
      await followUp(list, {
        heldOn: '2024-11-12',
        forum: 'Regionledningen',
        entries: [
          {
            initiativeId: taligenkanning.id,
            status: 'closed',
            effects: 'fully',
            effectsReached: 100,
          },
          // The November follow-up gave no status for these two: the majority, not all.
          { initiativeId: biljett.id, comment: 'Upphandlingen överprövad.' },
        ],
      }),
    ).list;
    expect(after.entries.map((e) => [e.title, e.latest?.status, e.latest?.heldOn])).toEqual([
      ['Taligenkänning i vården', 'closed', '2024-11-12'],
      ['Nytt biljett- och betalsystem för kollektivtrafiken', null, '2024-11-12'],
      ['Framtidens ekonomisystem', null, '2024-11-12'],
    ]);
    expect(after.followUps[0]!.entries.map((e) => e.status)).toEqual([
      'ongoing',
      'paused',
      'ongoing',
    ]);
    const read = json<TopList>(await t.admin.get(`/api/top-lists/${list.id}`));
    expect(read.entries[1]!.latest?.status).toBeNull();
  });

  it('fyra gånger per år, held in april and november: 2 av 4 uppföljningar genomförda 2024, behind', async () => {
    const list = await theList({ name: 'Kadens' });
    for (const heldOn of ['2024-04-16', '2024-11-12', '2025-02-04'])
      json(await followUp(list, { heldOn, entries: [] }));
    const read = json<TopList>(await t.admin.get(`/api/top-lists/${list.id}`));
    expect(read).toMatchObject({ planned: 4, cadenceSource: 'setting', due: 4, behind: true });
    expect(read.held.figure).toBe(2);
    expect(read.held.records.map((r) => r.title)).toEqual([
      'Uppföljning 2024-04-16',
      'Uppföljning 2024-11-12',
    ]);
    expect(read.held.records[0]!.href).toBe(`/portfolj/viktigaste?lista=${list.id}`);
  });

  it('the cadence: the list’s own, else its steering document’s, else the region’s setting', async () => {
    const s = json<{ version: number; topFollowUpsPerYear: number }>(
      await t.admin.get('/api/settings'),
    );
    expect(s.topFollowUpsPerYear).toBe(4);
    json(await t.admin.put('/api/settings', { version: s.version, topFollowUpsPerYear: 2 }));
    const agenda = json<{ id: string }>(
      await t.admin.post('/api/documents', {
        title: 'Digital agenda 2028',
        type: 'strategi',
        state: 'adopted',
        ownerUnitId: rs.id,
      }),
    );
    // The document's own form sets how often it is followed up (the documents context's field);
    // written here directly so this test does not depend on that form.
    await env.db.execute(
      sql`UPDATE steering_documents SET follow_ups_per_year = 4 WHERE id = ${agenda.id}`,
    );
    const plain = json<TopList>(
      await t.admin.post('/api/top-lists', { name: 'Enligt inställning', year: 2026 }),
    );
    expect([plain.planned, plain.cadenceSource]).toEqual([2, 'setting']);
    const byDocument = json<TopList>(
      await t.admin.post('/api/top-lists', {
        name: 'Enligt agendan',
        year: 2026,
        cadenceDocumentId: agenda.id,
      }),
    );
    expect([byDocument.planned, byDocument.cadenceSource]).toEqual([4, 'document']);
    const own = json<TopList>(
      await t.admin.post('/api/top-lists', {
        name: 'Egen kadens',
        year: 2026,
        cadenceDocumentId: agenda.id,
        followUpsPerYear: 6,
      }),
    );
    expect([own.planned, own.cadenceSource]).toEqual([6, 'list']);
  });

  it('a follow-up covers the list’s own initiatives, with the statuses the model knows, never a day ahead', async () => {
    const list = json<TopList>(
      await t.admin.post('/api/top-lists', {
        name: 'Kort lista',
        year: 2026,
        entries: [{ initiativeId: ekonomi.id }],
      }),
    );
    const notOnList = await followUp(list, {
      heldOn: '2026-02-01',
      entries: [{ initiativeId: biljett.id, status: 'ongoing' }],
    });
    expect(notOnList.statusCode).toBe(400);
    expect(problem(notOnList).errors?.[0]).toMatchObject({ path: 'entries.0.initiativeId' });
    expect(
      (
        await followUp(list, {
          heldOn: '2026-02-01',
          entries: [{ initiativeId: ekonomi.id, status: 'on_track' }],
        })
      ).statusCode,
    ).toBe(400);
    const ahead = await followUp(list, { heldOn: '2026-04-01', entries: [] });
    expect(ahead.statusCode).toBe(400);
    expect(problem(ahead).errors?.[0]?.message).toBe(
      'En uppföljning kan inte registreras som hållen ett datum framåt.',
    );
    const reader = await aUserWith(env, t, 'reader');
    expect((await reader.get(`/api/top-lists/${list.id}`)).statusCode).toBe(200);
    expect(
      (
        await reader.post(`/api/top-lists/${list.id}/follow-ups`, {
          heldOn: '2026-02-01',
          entries: [],
        })
      ).statusCode,
    ).toBe(403);
    expect((await reader.post('/api/top-lists', { name: 'Läsarens', year: 2026 })).statusCode).toBe(
      403,
    );
  });

  it('the published reads: per list of a year its held follow-ups, and the entries without status, with their records', async () => {
    const list = await theList({ name: 'Läsfrågor', year: 2025, followUpsPerYear: 4 });
    json(
      await followUp(list, {
        heldOn: '2025-04-10',
        entries: [
          { initiativeId: taligenkanning.id, status: 'ongoing' },
          { initiativeId: biljett.id, status: 'paused' },
        ],
      }),
    );
    json(
      await followUp(list, {
        heldOn: '2025-10-10',
        entries: [{ initiativeId: taligenkanning.id, status: 'ongoing' }],
      }),
    );
    const ctx = {
      tenantId: t.tenantId,
      lang: 'sv' as const,
      now: new Date('2026-03-15T12:00:00Z'),
      actor: {
        personId: t.adminId,
        name: 'Admin',
        grants: [{ role: 'reader' as const, unitId: t.rootUnitId, unitPath: [t.rootUnitId] }],
      },
    };
    const held = (await topListFollowUps(env.db, ctx, { year: 2025 })).find(
      (l) => l.listId === list.id,
    );
    expect(held).toMatchObject({ name: 'Läsfrågor', planned: 4, due: 4, behind: true });
    expect(held?.held.figure).toBe(2);
    const missing = (await entriesWithoutStatus(env.db, ctx, { year: 2025 })).find(
      (l) => l.listId === list.id,
    );
    expect(missing?.heldOn).toBe('2025-10-10');
    expect(missing?.evidence.records.map((r) => r.title)).toEqual([
      'Nytt biljett- och betalsystem för kollektivtrafiken',
      'Framtidens ekonomisystem',
    ]);
    expect(missing?.evidence.figure).toBe(2);
  });
});
