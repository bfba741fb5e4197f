import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenant, aUnit, json, testEnv, type TestEnv, type Tenant } from '../../test/helper.js';

/*
 * Steering documents as the seeds show them (issue 16): a strategy inherited from a predecessor
 * body, a document that does not say who adopted it, a decision sent back (återremiss), a
 * strategy past its validity, one that does not say how it is followed up, and one adding goals
 * of its own. Cases from ../shared/seeds (Värmland 2025, Västernorrland 2021); names invented.
 */

let env: TestEnv;
let tenant: Tenant;
let rf: { id: string };
let rs: { id: string };
let ls: { id: string };
let hsn: { id: string };
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  tenant = await aTenant(env);
  rf = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Regionfullmäktige',
    kind: 'assembly',
  });
  rs = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Regionstyrelsen',
    kind: 'regional_board',
  });
  hsn = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
  ls = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Landstingsstyrelsen',
    kind: 'regional_board',
    startsOn: '1999-01-01',
    endsOn: '2018-12-31',
  });
  expect(
    (
      await tenant.admin.post(`/api/units/${ls.id}/successors`, {
        successorId: rs.id,
        onDate: '2019-01-01',
      })
    ).statusCode,
  ).toBe(201);
}, 60_000);
afterAll(() => env.close());

type Doc = {
  id: string;
  version: number;
  state: string;
  flags: string[];
  adoptionLevel: string;
  validTo: string | null;
  adopter: {
    id: string;
    name: string;
    endsOn: string | null;
    successors: { id: string; name: string }[];
  } | null;
  goals: { id: string; title: string; withoutOverarching: boolean }[];
  decisionAdoptionLevel: string | null;
  followUpText: string | null;
  followUpsPerYear: number | null;
  followUpWhen: string | null;
};
type Problem = { detail: string; errors: { path: string; message: string }[] };
type Evidence = {
  figure: number;
  records: { id: string; title: string; href: string; detail?: string | null }[];
};

const followedUp = {
  followUpText: 'Följs upp mot effektmålen i delårsrapport och årsredovisning.',
  followUpsPerYear: 2,
};
const post = (over: Record<string, unknown>) =>
  tenant.admin.post('/api/documents', {
    title: 'Strategi',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: rs.id,
    ...over,
  });
const aDocument = async (over: Record<string, unknown>) => {
  const res = await post(over);
  expect(res.statusCode, res.body).toBe(201);
  return json<Doc>(res);
};
const aDecision = async (over: Record<string, unknown>) =>
  json<{ id: string }>(
    await tenant.admin.post('/api/decisions', {
      bodyUnitId: rs.id,
      level: 'board',
      outcome: 'approved',
      title: 'Beslut',
      ...over,
    }),
  );
const aGoal = async (over: Record<string, unknown>) =>
  json<{ id: string }>(
    await tenant.admin.post('/api/goals', {
      level: 'result',
      ownerUnitId: rs.id,
      title: 'Mål',
      validFrom: '2025-01-01',
      ...over,
    }),
  );

describe('adoption', () => {
  it('a document cannot be saved as adopted on a decision sent back (återremiss)', async () => {
    // "Regionstyrelsen beslutade att återremittera ärendet" (RS 2025-03-25 § 75, the AI policy).
    const sentBack = await aDecision({
      decidedOn: '2025-03-25',
      paragraph: '75',
      outcome: 'referred_back',
      title: 'Policy för användning av AI',
    });
    const res = await post({
      title: 'Policy för användning av AI',
      type: 'policy',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      adoptionDecisionId: sentBack.id,
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.errors[0]).toMatchObject({ path: 'adoptionDecisionId' });
    expect(problem.errors[0]!.message).toContain('Policy för användning av AI');
    // The outcome's word comes from the organisation's messages (see the report of issue 16: a
    // two-dot message key as a parameter is not yet translated by the platform).
    expect(problem.errors[0]!.message).toContain('Bara ett beslut med utfallet bifall');
    // In English too.
    const en = (
      await tenant.admin.inEnglish().post('/api/documents', {
        title: 'AI policy',
        type: 'policy',
        state: 'adopted',
        ownerUnitId: rs.id,
        adoptionDecisionId: sentBack.id,
      })
    ).json<Problem>();
    expect(en.errors[0]!.message).toContain('Only a decision with the outcome approved');

    // A draft may be registered; citing the decision sent back as its adoption is still refused
    // on an edit, and so is saving it as adopted later.
    const draft = await aDocument({
      title: 'Policy för användning av AI',
      type: 'policy',
      state: 'draft',
    });
    const edit = await tenant.admin.patch(`/api/documents/${draft.id}`, {
      version: draft.version,
      state: 'adopted',
      adoptionDecisionId: sentBack.id,
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json<Problem>().errors[0]).toMatchObject({ path: 'adoptionDecisionId' });
    const approved = await aDecision({
      decidedOn: '2025-06-17',
      paragraph: '140',
      title: 'Policy för användning av AI',
    });
    const ok = await tenant.admin.patch(`/api/documents/${draft.id}`, {
      version: draft.version,
      state: 'adopted',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      adoptionDecisionId: approved.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<Doc>(ok)).toMatchObject({ state: 'adopted', decisionAdoptionLevel: 'board' });
    expect(json<Doc>(ok).flags).not.toContain('level_differs_from_decision');
  });

  it('an information item is no adoption', async () => {
    const info = await aDecision({
      kind: 'information',
      outcome: null,
      title: 'Information om digital agenda',
    });
    const res = await post({ title: 'Digital agenda', adoptionDecisionId: info.id });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors[0]!.path).toBe('adoptionDecisionId');
  });

  it('a document that does not say who adopted it nor at what level is flagged, not called official', async () => {
    // "Av dokumentet framgår inte vem som tagit fram dokumentet och på vilken nivå det är beslutat."
    const agenda = await aDocument({ title: 'Digital agenda 2028', type: 'agenda', ...followedUp });
    expect(agenda.adoptionLevel).toBe('unknown');
    expect(agenda.flags).toContain('no_decision_level');
    expect(agenda.flags).not.toContain('not_political');
    // Later learned: "framtagen och beslutad på tjänstepersonsnivå".
    const known = json<Doc>(
      await tenant.admin.patch(`/api/documents/${agenda.id}`, {
        version: agenda.version,
        adoptionLevel: 'official',
      }),
    );
    expect(known.flags).toContain('not_political');
    expect(known.flags).not.toContain('no_decision_level');
  });

  it('a level that differs from the cited decision’s is flagged, and the decision’s level shown', async () => {
    const d = await aDecision({
      decidedOn: '2024-03-26',
      paragraph: '72',
      title: 'Digitaliseringsstrategi',
    });
    const doc = await aDocument({
      title: 'Digitaliseringsstrategi',
      adoptionLevel: 'assembly',
      adoptedByUnitId: rs.id,
      adoptionDecisionId: d.id,
      ...followedUp,
    });
    expect(doc.decisionAdoptionLevel).toBe('board');
    expect(doc.flags).toContain('level_differs_from_decision');
    // What the user sent is kept, not overwritten.
    expect(doc.adoptionLevel).toBe('assembly');
  });
});

describe('validity', () => {
  it('refuses a validity that ends before it starts, on create and on an edit of one date', async () => {
    const bad = await post({
      title: 'IT-strategi',
      validFrom: '2021-01-01',
      validTo: '2020-12-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors[0]!.path).toBe('validTo');
    expect(bad.json<Problem>().errors[0]!.message).toContain(
      'Giltighetstiden kan inte sluta före den börjar',
    );
    const doc = await aDocument({ title: 'IT-strategi', validFrom: '2021-01-01', ...followedUp });
    const edit = await tenant.admin.patch(`/api/documents/${doc.id}`, {
      version: doc.version,
      validTo: '2020-06-30',
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json<Problem>().errors[0]!.path).toBe('validTo');
  });

  it('flags a strategy past its validity with the date, on the document, in the list filter and in the export', async () => {
    const doc = await aDocument({
      title: 'IT-strategi 2016–2020',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      validFrom: '2016-06-01',
      validTo: '2020-12-31',
      ...followedUp,
    });
    expect(doc.flags).toContain('validity_passed');
    expect(doc.validTo).toBe('2020-12-31');
    const listed = json<{ items: { id: string }[] }>(
      await tenant.admin.get('/api/documents?flag=validity_passed'),
    );
    expect(listed.items.map((d) => d.id)).toContain(doc.id);
    const csv = (await tenant.admin.get('/api/documents?format=csv&flag=validity_passed')).body;
    expect(csv).toContain('Giltighetstid passerad 2020-12-31');
    expect(csv).not.toContain('validity_passed');
    const counts = json<{ items: { flag: string; evidence: Evidence }[] }>(
      await tenant.admin.get('/api/documents/flag-counts'),
    );
    const passed = counts.items.find((c) => c.flag === 'validity_passed')!;
    expect(passed.evidence.records.map((r) => r.id)).toContain(doc.id);
    expect(passed.evidence.figure).toBe(passed.evidence.records.length);
    expect(passed.evidence.records.find((r) => r.id === doc.id)).toMatchObject({
      href: `/styrdokument/${doc.id}`,
      detail: 'Giltighetstid passerad 2020-12-31',
    });
  });
});

describe('follow-up of strategies', () => {
  it('a strategy that does not say how and when it is followed up is flagged until it does', async () => {
    // "Respektive strategi bör ange hur/när den är tänkt att följas upp" (Västernorrland 2021).
    const doc = await aDocument({
      title: 'Strategi för e-hälsa',
      adoptionLevel: 'board',
      adoptedByUnitId: hsn.id,
    });
    expect(doc.flags).toContain('no_follow_up_spec');
    const how = json<Doc>(
      await tenant.admin.patch(`/api/documents/${doc.id}`, {
        version: doc.version,
        followUpText: 'Uppföljning av strategin sker mot nämndens mål.',
      }),
    );
    expect(how.flags).toContain('no_follow_up_spec');
    const when = json<Doc>(
      await tenant.admin.patch(`/api/documents/${doc.id}`, {
        version: how.version,
        followUpWhen: 'I samband med årsredovisningen',
      }),
    );
    expect(when.flags).not.toContain('no_follow_up_spec');
    expect(when).toMatchObject({
      followUpText: 'Uppföljning av strategin sker mot nämndens mål.',
      followUpWhen: 'I samband med årsredovisningen',
      followUpsPerYear: null,
    });
    const bad = await tenant.admin.patch(`/api/documents/${doc.id}`, {
      version: when.version,
      followUpsPerYear: 0,
    });
    expect(bad.statusCode).toBe(400);
  });
  it('a guideline need not say it', async () => {
    const doc = await aDocument({
      title: 'Riktlinje',
      type: 'riktlinje',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
    });
    expect(doc.flags).not.toContain('no_follow_up_spec');
  });
});

describe('goals of its own', () => {
  it('a strategy serving a goal with no overarching goal is flagged, naming the goal', async () => {
    // "Det bör således inte sättas nya/ytterligare mål i dessa strategier och planer."
    const impact = await aGoal({ level: 'impact', ownerUnitId: rf.id, title: 'En digital region' });
    const concrete = await aGoal({ title: 'Fler digitala vårdmöten', parentGoalIds: [impact.id] });
    const own = await aGoal({ title: 'Strategins eget mål' });
    const focus = await aGoal({ title: 'Fokusområde digitalisering', form: 'focus_area' });
    const fine = await aDocument({
      title: 'Strategi för digital vård',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      goalIds: [impact.id, concrete.id, focus.id],
      ...followedUp,
    });
    expect(fine.flags).toEqual([]);
    const flagged = await aDocument({
      title: 'Strategi med egna mål',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      goalIds: [impact.id, own.id],
      ...followedUp,
    });
    expect(flagged.flags).toEqual(['goals_without_overarching']);
    expect(flagged.goals.filter((g) => g.withoutOverarching).map((g) => g.id)).toEqual([own.id]);
    const evidence = json<{ items: { flag: string; evidence: Evidence }[] }>(
      await tenant.admin.get('/api/documents/flag-counts'),
    ).items.find((c) => c.flag === 'goals_without_overarching')!.evidence;
    expect(evidence.records.find((r) => r.id === flagged.id)?.detail).toContain(
      'Strategins eget mål',
    );
    // A guideline may serve what it likes.
    const rule = await aDocument({
      title: 'Rutin',
      type: 'rutin',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      goalIds: [own.id],
    });
    expect(rule.flags).not.toContain('goals_without_overarching');
  });
});

describe('politically adopted, current strategies per body', () => {
  it('counts each once under the body that holds it, a predecessor body’s for its successor', async () => {
    // "Strategi för digital utveckling, fastställd av landstingsstyrelsen 2018-05-22 § 123"
    const lsDecision = await aDecision({
      bodyUnitId: ls.id,
      decidedOn: '2018-05-22',
      paragraph: '123',
      title: 'Strategi för digital utveckling',
    });
    const inherited = await aDocument({
      title: 'Strategi för digital utveckling',
      adoptionLevel: 'board',
      adoptedByUnitId: ls.id,
      adoptionDecisionId: lsDecision.id,
      adoptedOn: '2018-05-22',
      validFrom: '2018-06-01',
      ...followedUp,
    });
    expect(inherited.adopter).toMatchObject({
      name: 'Landstingsstyrelsen',
      endsOn: '2018-12-31',
      successors: [{ id: rs.id, name: 'Regionstyrelsen' }],
    });
    const csv = (await tenant.admin.get('/api/documents?format=csv&q=digital%20utveckling')).body;
    expect(csv).toContain('Landstingsstyrelsen (föregångare till Regionstyrelsen)');
    const assembly = await aDocument({
      title: 'Digital agenda 2030',
      ownerUnitId: rf.id,
      adoptionLevel: 'assembly',
      adoptedByUnitId: rf.id,
      adoptedOn: '2024-04-16',
      ...followedUp,
    });
    // Not counted: adopted by officials, past validity, superseded, a draft, not yet in force.
    const official = await aDocument({
      title: 'Strategi för molntjänster',
      adoptionLevel: 'official',
      adoptedByUnitId: rs.id,
    });
    const expired = await aDocument({
      title: 'IT-strategi 2014',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      validTo: '2019-12-31',
    });
    const superseded = await aDocument({
      title: 'Gammal strategi',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      supersededById: inherited.id,
    });
    const draft = await aDocument({
      title: 'Ny digitaliseringsstrategi',
      state: 'draft',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
    });
    const future = await aDocument({
      title: 'Strategi 2027',
      adoptionLevel: 'board',
      adoptedByUnitId: rs.id,
      validFrom: '2027-01-01',
    });
    // The adopter is not recorded: the body of the decision cited holds it.
    const hsnDecision = await aDecision({
      bodyUnitId: hsn.id,
      decidedOn: '2025-02-20',
      paragraph: '12',
    });
    const byDecision = await aDocument({
      title: 'Strategi för e-tjänster',
      adoptionLevel: 'board',
      adoptionDecisionId: hsnDecision.id,
    });

    type Count = { bodyId: string | null; bodyName: string | null; evidence: Evidence };
    const counts = json<{ items: Count[] }>(
      await tenant.admin.get('/api/documents/strategy-counts'),
    ).items;
    const of = (id: string) => counts.find((c) => c.bodyId === id)!;
    const ids = (c: Count) => c.evidence.records.map((r) => r.id);
    expect(ids(of(rs.id))).toContain(inherited.id);
    expect(of(rs.id).bodyName).toBe('Regionstyrelsen');
    expect(of(rs.id).evidence.records.find((r) => r.id === inherited.id)?.detail).toContain(
      'antagen av föregångaren Landstingsstyrelsen',
    );
    expect(ids(of(rf.id))).toEqual([assembly.id]);
    expect(ids(of(hsn.id))).toContain(byDecision.id);
    // The predecessor itself is no longer a body in force and holds nothing.
    expect(counts.find((c) => c.bodyId === ls.id)).toBeUndefined();
    const all = counts.flatMap(ids);
    for (const left of [official, expired, superseded, draft, future])
      expect(all).not.toContain(left.id);
    expect(all.length).toBe(new Set(all).size); // each strategy once
    for (const c of counts) expect(c.evidence.figure).toBe(c.evidence.records.length);

    const one = json<{ items: Count[] }>(
      await tenant.admin.get(`/api/documents/strategy-counts?bodyId=${rs.id}`),
    ).items;
    expect(one.map((c) => c.bodyId)).toEqual([rs.id]);
    expect(one[0]!.evidence.figure).toBe(of(rs.id).evidence.figure);
  });
});
