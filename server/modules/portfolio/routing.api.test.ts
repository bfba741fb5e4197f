import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aForum,
  aTenant,
  aUnit,
  json,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

/*
 * From the seeds (Region Dalarna, "Nästa steg i vår digitalisering" 2024-06-10): the units take
 * most start decisions on initiatives that touch their own work; one that touches several goes
 * to the Digitaliseringsrådet, which prepares for region management. Cross-unit means units
 * under more than one board: a förvaltning's own avdelningar are one board's work.
 */

let env: TestEnv;
let t: Tenant;
let rs: { id: string };
let hsn: { id: string };
let hsf: { id: string };
let primarvard: { id: string };
let psykiatri: { id: string };
let ktf: { id: string };

type I = {
  id: string;
  version: number;
  phase: string;
  crossUnit: boolean;
  flags: string[];
  documents: { title: string; expired: boolean; validTo: string | null }[];
};
type Problem = { detail: string; errors?: { path: string; message: string }[] };
const problem = (res: { json: <T>() => T }) => res.json<Problem>();

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  t = await aTenant(env, 'Routning');
  rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen', kind: 'regional_board' });
  hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
  hsf = await aUnit(t.admin, hsn.id, {
    name: 'Hälso- och sjukvårdsförvaltningen',
    kind: 'administration',
  });
  primarvard = await aUnit(t.admin, hsf.id, { name: 'Primärvården', kind: 'department' });
  psykiatri = await aUnit(t.admin, hsf.id, { name: 'Psykiatrin', kind: 'department' });
  const ktn = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
  ktf = await aUnit(t.admin, ktn.id, {
    name: 'Kollektivtrafikförvaltningen',
    kind: 'administration',
  });
  const council = await aForum(t.admin, rs.id, { name: 'Digitaliseringsrådet' });
  const s = json<{ version: number }>(await t.admin.get('/api/settings'));
  json(
    await t.admin.put('/api/settings', {
      version: s.version,
      councilForumId: council.id,
      portfolioDecidingBodyId: rs.id,
    }),
  );
}, 60_000);
afterAll(() => env.close());

const anInitiative = async (body: Record<string, unknown>) =>
  json<I>(await t.admin.post('/api/initiatives', { category: 'new_service', ...body }));
const move = (i: { id: string; version: number }, to: string, lang?: 'en') =>
  t.admin.post(`/api/initiatives/${i.id}/transition${lang ? '?lang=en' : ''}`, {
    version: i.version,
    to,
    reason: 'Enligt plan',
  });

describe('cross-unit: units under more than one board', () => {
  it('an administration’s own departments are not cross-unit: its board decides without the council', async () => {
    const i = await anInitiative({
      title: 'Gemensam schemaläggning',
      ownerUnitId: hsf.id,
      affectedUnitIds: [primarvard.id, psykiatri.id],
    });
    expect(i.crossUnit).toBe(false);
    const prepared = json<I>(await move(i, 'preparation'));
    const decision = await aDecision(t.admin, hsn.id, {
      title: 'Start av gemensam schemaläggning',
    });
    const withDecision = json<I>(
      await t.admin.patch(`/api/initiatives/${i.id}`, {
        version: prepared.version,
        decisionId: decision.id,
      }),
    );
    const decided = json<I>(await move(withDecision, 'decided'));
    expect(decided.phase).toBe('decided');
    expect(decided.flags).not.toContain('cross_unit_without_council');
  });

  it('one department’s initiative that touches its sister department is still not cross-unit', async () => {
    const i = await anInitiative({
      title: 'Digital remiss mellan primärvård och psykiatri',
      ownerUnitId: primarvard.id,
      affectedUnitIds: [psykiatri.id],
    });
    expect(i.crossUnit).toBe(false);
  });

  it('touching a unit under another board is cross-unit: the council prepares, the regional board decides', async () => {
    const i = await anInitiative({
      title: 'Biljett och vårdbesök i samma app',
      ownerUnitId: primarvard.id,
      affectedUnitIds: [ktf.id],
    });
    expect(i.crossUnit).toBe(true);
    const prepared = json<I>(await move(i, 'preparation'));
    const decision = await aDecision(t.admin, hsn.id);
    const withDecision = json<I>(
      await t.admin.patch(`/api/initiatives/${i.id}`, {
        version: prepared.version,
        decisionId: decision.id,
      }),
    );
    const refused = await move(withDecision, 'decided');
    expect(refused.statusCode).toBe(400);
    const p = problem(refused);
    expect(p.errors?.map((e) => e.message).join(' ')).toContain('digitaliseringsrådet');
    const counts = json<{ crossUnit: { figure: number; records: { id: string; href: string }[] } }>(
      await t.admin.get('/api/initiatives/evidence'),
    );
    expect(counts.crossUnit.records.map((r) => r.id)).toContain(i.id);
    expect(counts.crossUnit.records.find((r) => r.id === i.id)?.href).toBe(`/portfolj/${i.id}`);
    expect(counts.crossUnit.figure).toBe(counts.crossUnit.records.length);
  });
});

describe('phase refusals name the phases in words', () => {
  it('a move that is not a phase move says, in Swedish, where the initiative can go from here', async () => {
    const i = await anInitiative({ title: 'Chattbot', ownerUnitId: hsf.id });
    const res = await move(i, 'running');
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    const text = [p.detail, ...(p.errors ?? []).map((e) => e.message)].join(' ');
    expect(p.detail).toBe('Initiativet kan inte flyttas från Idé till Pågående.');
    expect(text).toContain('Beredning eller Avbruten');
    for (const code of ['idea', 'running', 'preparation', 'cancelled', 'in_operation'])
      expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    const en = problem(await move(i, 'closed', 'en'));
    expect(en.detail).toBe('The initiative cannot move from Idea to Closed.');
    expect(en.errors?.[0]?.message).toContain('Preparation or Cancelled');
  });
  it('the export says phases, categories and flags in words, never their codes', async () => {
    const csv = (await t.admin.get('/api/initiatives?format=csv&q=Chattbot')).body;
    expect(csv).toContain('Idé');
    expect(csv).toContain('Ny tjänst');
    expect(csv).toContain('Ägare saknas');
    expect(csv).not.toMatch(/\b(idea|new_service|no_owner)\b/);
  });
  it('from avbruten nothing moves on, and the refusal says so in words', async () => {
    const i = await anInitiative({ title: 'Avbruten idé', ownerUnitId: hsf.id });
    const cancelled = json<I>(await move(i, 'cancelled'));
    const p = problem(await move(cancelled, 'idea'));
    expect(p.errors?.[0]?.message).toBe('Ett initiativ som är Avbruten flyttas inte vidare.');
  });
});

describe('decisions that adopt, and steering documents', () => {
  it('the deciding decision must be a beslut with outcome bifall, on create and on update', async () => {
    const back = await aDecision(t.admin, hsn.id, {
      title: 'Ärendet återremitteras',
      outcome: 'referred_back',
    });
    const res = await t.admin.post('/api/initiatives', {
      title: 'Återremitterat',
      category: 'innovation',
      ownerUnitId: hsf.id,
      decisionId: back.id,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]).toMatchObject({ path: 'decisionId' });
    const i = await anInitiative({ title: 'Utan beslut', ownerUnitId: hsf.id });
    const upd = await t.admin.patch(`/api/initiatives/${i.id}`, {
      version: i.version,
      routingExceptionDecisionId: back.id,
    });
    expect(upd.statusCode).toBe(400);
    expect(problem(upd).errors?.[0]).toMatchObject({ path: 'routingExceptionDecisionId' });
    const ok = await aDecision(t.admin, hsn.id);
    expect(
      (await t.admin.patch(`/api/initiatives/${i.id}`, { version: i.version, decisionId: ok.id }))
        .statusCode,
    ).toBe(200);
  });

  it('an initiative links steering documents; one past its validity is shown and flagged', async () => {
    const doc = (title: string, validTo: string | null) =>
      t.admin.post('/api/documents', {
        title,
        type: 'strategi',
        state: 'adopted',
        ownerUnitId: hsn.id,
        adoptionLevel: 'board',
        adoptedOn: '2020-03-18',
        validTo,
      });
    const old = json<{ id: string }>(
      await doc('Strategi IT och digitalisering 2020–2023', '2023-12-31'),
    );
    const current = json<{ id: string }>(await doc('Digital agenda 2028', '2028-12-31'));
    const i = await anInitiative({
      title: 'Taligenkänning i vården',
      ownerUnitId: hsf.id,
      documentIds: [old.id, current.id],
    });
    expect(i.documents).toEqual([
      expect.objectContaining({
        title: 'Strategi IT och digitalisering 2020–2023',
        expired: true,
        validTo: '2023-12-31',
      }),
      expect.objectContaining({ title: 'Digital agenda 2028', expired: false }),
    ]);
    expect(i.flags).toContain('steering_document_expired');
    const listed = json<{ items: { id: string }[] }>(
      await t.admin.get('/api/initiatives?flag=steering_document_expired'),
    ).items.map((x) => x.id);
    expect(listed).toContain(i.id);
    const counts = json<{ expiredDocuments: { records: { id: string; detail: string }[] } }>(
      await t.admin.get('/api/initiatives/evidence'),
    );
    expect(counts.expiredDocuments.records.find((r) => r.id === i.id)?.detail).toBe(
      'Strategi IT och digitalisering 2020–2023',
    );
    const fresh = json<I>(
      await t.admin.patch(`/api/initiatives/${i.id}`, {
        version: i.version,
        documentIds: [current.id],
      }),
    );
    expect(fresh.flags).not.toContain('steering_document_expired');
    const other = await aTenant(env, 'Annan');
    const theirs = json<{ id: string }>(
      await other.admin.post('/api/documents', {
        title: 'Deras strategi',
        type: 'strategi',
        state: 'draft',
        ownerUnitId: other.rootUnitId,
      }),
    );
    expect(
      (
        await t.admin.patch(`/api/initiatives/${i.id}`, {
          version: fresh.version,
          documentIds: [theirs.id],
        })
      ).statusCode,
    ).toBe(404);
  });
});
