import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aTenant,
  aUnit,
  json,
  testEnv,
  type Client,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

/**
 * Goals and indicators as the seeds describe them (Region Värmland's audit, 2025; Region
 * Västernorrland's reply, 2021): focus areas and strategic plans beside the goals, indicators
 * that measure something other than digitalisation, judged indicators, impact goals measured
 * through result goals, draft assessments. The board names and texts are the seeds'.
 */
let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await testEnv(); // the clock says 2026-03-15
  tenant = await aTenant(env, 'Målregion');
});
afterAll(() => env.close());

type Evidence = {
  figure: number;
  records: { entity: string; id: string; title: string; href: string; detail?: string | null }[];
};
type Goal = {
  id: string;
  version: number;
  form: string;
  flags: string[];
  measuredThroughGoalIds: string[];
  documents: { id: string; title: string; validTo: string | null; expired: boolean }[];
};
type Indicator = {
  id: string;
  version: number;
  flags: string[];
  measuresDigitalisation: boolean;
};
type Problem = { detail: string; errors: { path: string; message: string }[] };

const aGoal = async (c: Client, ownerUnitId: string, over: Record<string, unknown> = {}) =>
  json<Goal>(
    await c.post('/api/goals', {
      level: 'result',
      ownerUnitId,
      title: `Mål ${Math.random().toString(36).slice(2, 7)}`,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      tags: ['digitalisering'],
      ...over,
    }),
  );
const quantitative = {
  kind: 'quantitative',
  unit: 'st',
  direction: 'higher',
  baseline: 10,
  targets: [{ year: 2025, value: 20 }],
  dataSource: 'system',
};
const anIndicator = async (c: Client, goalId: string, over: Record<string, unknown> = {}) =>
  json<Indicator>(
    await c.post('/api/indicators', { goalId, name: 'Indikator', ...quantitative, ...over }),
  );
const counts = async (c: Client, year: number) =>
  json<{
    bodies: ({ bodyName: string } & Record<string, Evidence>)[];
    gaps: Record<string, Evidence>;
  }>(await c.get(`/api/goal-counts?year=${year}`));

describe('focus areas and strategic plans are their own kind', () => {
  it('Kollektivtrafiknämnden: digitalisation as a focus area is shown with the goals but never counted or flagged as one', async () => {
    const t = await aTenant(env, 'Värmland fokus');
    const ktn = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
    const kbn = await aUnit(t.admin, t.rootUnitId, { name: 'Kultur- och bildningsnämnden' });
    const goal = await aGoal(t.admin, ktn.id, {
      title: 'Resenärerna är nöjda',
      tags: ['kollektivtrafik'],
    });
    await anIndicator(t.admin, goal.id, { name: 'Nöjd kund-index', unit: 'index' });
    const focus = await aGoal(t.admin, ktn.id, {
      form: 'focus_area',
      title: 'Fokusområde digitalisering',
    });
    const plan = await aGoal(t.admin, kbn.id, {
      form: 'strategic_plan',
      title: 'Kulturplan med digitaliseringsaktiviteter',
    });
    // Neither carries an indicator, yet neither is flagged for it.
    expect(focus.flags).toEqual([]);
    expect(plan.flags).toEqual([]);

    const c = await counts(t.admin, 2025);
    const byName = new Map(c.bodies.map((b) => [b.bodyName, b]));
    const k = byName.get('Kollektivtrafiknämnden')!;
    expect(k.goals!.records.map((r) => r.title)).toEqual(['Resenärerna är nöjda']);
    expect(k.digitalisationGoals!.figure).toBe(0);
    expect(k.focusAreas!.records).toEqual([
      {
        entity: 'goal',
        id: focus.id,
        title: 'Fokusområde digitalisering',
        href: `/mal/${focus.id}`,
        detail: null,
      },
    ]);
    expect(byName.get('Kultur- och bildningsnämnden')!.goals!.figure).toBe(0);
    expect(byName.get('Kultur- och bildningsnämnden')!.strategicPlans!.figure).toBe(1);
    expect(c.gaps.goalsWithoutIndicator!.records.map((r) => r.id)).not.toContain(focus.id);

    // The follow-up keeps the auditors' "Delvis": only a focus area or plan, no goal.
    const table = json<{
      rows: { unitName: string; status: string; goals: { title: string; flags: string[] }[] }[];
    }>(await t.admin.get('/api/follow-up?year=2025'));
    const rows = new Map(table.rows.map((r) => [r.unitName, r]));
    expect(rows.get('Kollektivtrafiknämnden')!.status).toBe('focus_area_only');
    expect(rows.get('Kultur- och bildningsnämnden')!.status).toBe('focus_area_only');
    expect(rows.get('Kollektivtrafiknämnden')!.goals.map((g) => g.title)).toEqual([
      'Resenärerna är nöjda',
      'Fokusområde digitalisering',
    ]);

    // The goal list groups a board's focus areas after its goals.
    const list = json<{ items: { title: string }[] }>(
      await t.admin.get(`/api/goals?ownerUnitId=${ktn.id}&year=2025`),
    );
    expect(list.items.map((g) => g.title)).toEqual([
      'Resenärerna är nöjda',
      'Fokusområde digitalisering',
    ]);
  });
});

describe('an indicator measures digitalisation, apart from its goal’s tag', () => {
  it('Hälso- och sjukvårdsnämnden: a digitalisation goal followed by telephone availability on 1177 has no digitalisation indicator', async () => {
    const t = await aTenant(env, 'Värmland telefon');
    const hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
    const rs = await aUnit(t.admin, t.rootUnitId, {
      name: 'Regionstyrelsen',
      kind: 'regional_board',
    });
    const hsnGoal = await aGoal(t.admin, hsn.id, { title: 'Tillgänglig vård på lika villkor' });
    const phone = await anIndicator(t.admin, hsnGoal.id, {
      name: 'Telefontillgänglighet på 1177',
      unit: '%',
      dataSource: 'statistics',
    });
    expect(phone.measuresDigitalisation).toBe(false);
    const rsGoal = await aGoal(t.admin, rs.id, {
      title: 'Innovation och digitalisering med kvalitet och nytta',
    });
    await anIndicator(t.admin, rsGoal.id, {
      name: 'Antal slutförda digitaliseringsåtgärder',
      measuresDigitalisation: true,
      dataSource: null,
      dataSourceText: 'Digitaliseringsportföljen',
    });

    const c = await counts(t.admin, 2025);
    const byName = new Map(c.bodies.map((b) => [b.bodyName, b]));
    expect(byName.get('Hälso- och sjukvårdsnämnden')!.digitalisationGoals!.figure).toBe(1);
    expect(byName.get('Hälso- och sjukvårdsnämnden')!.withDigitalisationIndicator!.figure).toBe(0);
    expect(byName.get('Regionstyrelsen')!.withDigitalisationIndicator!.records).toEqual([
      {
        entity: 'goal',
        id: rsGoal.id,
        title: 'Innovation och digitalisering med kvalitet och nytta',
        href: `/mal/${rsGoal.id}`,
        detail: 'Antal slutförda digitaliseringsåtgärder',
      },
    ]);

    // Marking the indicator as measuring digitalisation is an audited edit that changes the count.
    const marked = json<Indicator>(
      await t.admin.patch(`/api/indicators/${phone.id}`, {
        version: phone.version,
        measuresDigitalisation: true,
      }),
    );
    expect(marked.measuresDigitalisation).toBe(true);
    expect(
      (await counts(t.admin, 2025)).bodies.find(
        (b) => b.bodyName === 'Hälso- och sjukvårdsnämnden',
      )!.withDigitalisationIndicator!.figure,
    ).toBe(1);
  });
});

describe('quantitative indicators name their unit and data source', () => {
  it('refuses a quantitative indicator without a unit or a data source, in Swedish, on create and on update', async () => {
    const hsn = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Enhetsnämnden' });
    const g = await aGoal(tenant.admin, hsn.id);
    const noUnit = await tenant.admin.post('/api/indicators', {
      goalId: g.id,
      name: 'Antal slutförda digitaliseringsåtgärder',
      ...quantitative,
      unit: null,
      dataSource: null,
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json<Problem>().errors).toEqual([
      {
        path: 'unit',
        message: 'En kvantitativ indikator behöver en enhet, t.ex. %, st eller minuter.',
      },
      {
        path: 'dataSource',
        message: 'En kvantitativ indikator behöver en datakälla: välj en eller beskriv källan.',
      },
    ]);
    const en = await tenant.admin.inEnglish().post('/api/indicators', {
      goalId: g.id,
      name: 'X',
      ...quantitative,
      unit: '  ',
    });
    expect(en.json<Problem>().errors[0]!.message).toContain('needs a unit');

    // A data source described in words is enough.
    const ok = await anIndicator(tenant.admin, g.id, {
      dataSource: null,
      dataSourceText: 'Digitaliseringsportföljen',
    });
    expect(ok.flags).toEqual([]);
    const cleared = await tenant.admin.patch(`/api/indicators/${ok.id}`, {
      version: ok.version,
      dataSourceText: null,
    });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json<Problem>().errors[0]!.path).toBe('dataSource');

    // A judged indicator needs neither.
    const judged = await anIndicator(tenant.admin, g.id, {
      kind: 'qualitative',
      name: 'Uppföljning av handlingsplan för digital infrastruktur',
      unit: null,
      dataSource: null,
      baseline: null,
      targets: [],
      scale: [
        { level: 1, label: 'Ej påbörjad' },
        { level: 2, label: 'Pågår' },
        { level: 3, label: 'Genomförd' },
      ],
    });
    expect(judged.flags).toEqual([]);
  });

  it('a quantitative outcome must be a number; a judged one a level on its scale', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Utfallsnämnden' });
    const g = await aGoal(tenant.admin, board.id);
    const q = await anIndicator(tenant.admin, g.id);
    const empty = await tenant.admin.post('/api/outcomes', {
      indicatorId: q.id,
      periodKey: '2025-Å',
      value: null,
      comment: 'Siffran kommer senare',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Problem>().errors).toEqual([
      { path: 'value', message: 'Ange utfallet som ett tal.' },
    ]);
    const judged = await anIndicator(tenant.admin, g.id, {
      kind: 'qualitative',
      name: 'Uppföljning av satsningen Digital Well Arena',
      unit: null,
      dataSource: 'judgement',
      baseline: null,
      targets: [],
      scale: [
        { level: 1, label: 'Ej påbörjad' },
        { level: 2, label: 'Pågår' },
        { level: 3, label: 'Genomförd' },
      ],
    });
    const noLevel = await tenant.admin.post('/api/outcomes', {
      indicatorId: judged.id,
      periodKey: '2025-Å',
      value: null,
    });
    expect(noLevel.json<Problem>().errors[0]!.message).toContain('nivå på bedömningsskalan');
    json(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: judged.id,
        periodKey: '2025-Å',
        value: 2,
        comment: 'Har hittat sin roll',
      }),
    );
    // The outcome shows the level's label, not just the number.
    const outs = json<{
      items: { indicatorId: string; value: number; levelLabel: string | null }[];
    }>(await tenant.admin.get(`/api/goals/${g.id}/outcomes`)).items;
    expect(outs.find((o) => o.indicatorId === judged.id)).toMatchObject({
      value: 2,
      levelLabel: 'Pågår',
    });
  });
});

describe('judged indicators and impact goals', () => {
  it('a judged indicator without a target is not flagged; a quantitative one is', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId, {
      name: 'Regionala utvecklingsnämnden',
    });
    const g = await aGoal(tenant.admin, board.id, {
      title: 'Skapa förutsättningar för en väl utbyggd digital infrastruktur',
    });
    const judged = await anIndicator(tenant.admin, g.id, {
      kind: 'qualitative',
      name: 'Uppföljning av handlingsplan för digital infrastruktur',
      unit: null,
      dataSource: 'judgement',
      baseline: null,
      targets: [],
      scale: [{ level: 1, label: 'Följd' }],
    });
    expect(judged.flags).toEqual([]);
    const quant = await anIndicator(tenant.admin, g.id, { baseline: null, targets: [] });
    expect(quant.flags).toEqual(['no_baseline', 'no_target']);
  });

  it('an impact goal measured through its result goals is not flagged for lacking an indicator', async () => {
    const t = await aTenant(env, 'Effektmål');
    const hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
    const impact = await aGoal(t.admin, t.rootUnitId, {
      level: 'impact',
      title: 'God, jämlik och jämställd hälsa',
      validFrom: '2023-01-01',
      validTo: '2026-12-31',
    });
    expect(impact.flags).toEqual(['no_indicator']);
    const result = await aGoal(t.admin, hsn.id, {
      title: 'Fler digitala vårdmöten',
      parentGoalIds: [impact.id],
    });
    expect(json<Goal>(await t.admin.get(`/api/goals/${impact.id}`)).flags).toEqual([
      'no_indicator',
    ]);
    expect(
      (await counts(t.admin, 2025)).gaps.goalsWithoutIndicator!.records.map((r) => r.title),
    ).toEqual(['Fler digitala vårdmöten', 'God, jämlik och jämställd hälsa']);
    await anIndicator(t.admin, result.id, { name: 'Antal digitala vårdmöten', unit: 'st' });
    const measured = json<Goal>(await t.admin.get(`/api/goals/${impact.id}`));
    expect(measured.flags).toEqual([]);
    expect(measured.measuredThroughGoalIds).toEqual([result.id]);
    expect((await counts(t.admin, 2025)).gaps.goalsWithoutIndicator!.figure).toBe(0);
  });
});

describe('assessments as drafts', () => {
  it('a draft is saved without a comment and is not counted; the final one needs its justification', async () => {
    const t = await aTenant(env, 'Utkast');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen' });
    const g = await aGoal(t.admin, board.id, { title: 'Digitalisering med kvalitet och nytta' });
    await anIndicator(t.admin, g.id);
    const draft = json<{ id: string; version: number }>(
      await t.admin.post('/api/assessments', {
        goalId: g.id,
        periodKey: '2025-Å',
        assessment: 'met',
        status: 'draft',
      }),
    );
    const listed = json<{ items: { status: string; justification: string | null }[] }>(
      await t.admin.get(`/api/goals/${g.id}/assessments`),
    ).items;
    expect(listed).toMatchObject([{ status: 'draft', justification: null }]);

    type Cell = {
      periodKey: string;
      assessment: string | null;
      draft: string | null;
      overdue: boolean;
    };
    const cell = async () =>
      json<{ rows: { unitName: string; goals: { cells: Cell[] }[] }[] }>(
        await t.admin.get('/api/follow-up?year=2025'),
      )
        .rows.find((r) => r.unitName === 'Regionstyrelsen')!
        .goals[0]!.cells.find((c) => c.periodKey === '2025-Å')!;
    expect(await cell()).toMatchObject({ assessment: null, draft: 'met', overdue: true });
    const csv = await t.admin.get('/api/follow-up?year=2025&format=csv');
    expect(csv.body).toContain('Försenad · Utkast: Uppnått');
    expect((await counts(t.admin, 2025)).gaps.draftAssessments!.records).toMatchObject([
      { entity: 'assessment', id: draft.id, detail: '2025-Å' },
    ]);

    const noComment = await t.admin.post('/api/assessments', {
      goalId: g.id,
      periodKey: '2025-Å',
      assessment: 'met',
      status: 'final',
      version: draft.version,
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json<Problem>().errors).toEqual([
      {
        path: 'justification',
        message:
          'En slutlig bedömning behöver en motivering. Spara som utkast om motiveringen inte är klar.',
      },
    ]);
    json(
      await t.admin.post('/api/assessments', {
        goalId: g.id,
        periodKey: '2025-Å',
        assessment: 'met',
        status: 'final',
        justification: 'För helåret 2024 är bedömningen att målet uppnås.',
        version: draft.version,
      }),
    );
    expect(await cell()).toMatchObject({ assessment: 'met', draft: null, overdue: false });
    expect((await counts(t.admin, 2025)).gaps.draftAssessments!.figure).toBe(0);
  });
});

describe('a goal’s adoption and its documents', () => {
  it('a goal cannot cite a decision sent back (återremiss) as its adoption, on create or update', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Antagandenämnden' });
    const sentBack = await aDecision(tenant.admin, board.id, {
      title: 'Svar på planeringsdirektiv 2025',
      outcome: 'referred_back',
    });
    const refused = await tenant.admin.post('/api/goals', {
      level: 'result',
      ownerUnitId: board.id,
      title: 'Tillgänglig vård',
      validFrom: '2025-01-01',
      adoptedByDecisionId: sentBack.id,
    });
    expect(refused.statusCode).toBe(400);
    const problem = refused.json<Problem>();
    expect(problem.errors[0]!.path).toBe('adoptedByDecisionId');
    expect(problem.errors[0]!.message).toContain('Svar på planeringsdirektiv 2025');
    const adopted = await aDecision(tenant.admin, board.id, { outcome: 'approved' });
    const g = await aGoal(tenant.admin, board.id, { adoptedByDecisionId: adopted.id });
    expect(
      (
        await tenant.admin.patch(`/api/goals/${g.id}`, {
          version: g.version,
          adoptedByDecisionId: sentBack.id,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('shows the documents serving a goal, and flags the goal when one is past its validity', async () => {
    const board = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Dokumentnämnden' });
    const g = await aGoal(tenant.admin, board.id, { title: 'Digitala tjänster utvecklas' });
    await anIndicator(tenant.admin, g.id);
    const doc = json<{ id: string }>(
      await tenant.admin.post('/api/documents', {
        title: 'Digitaliseringsstrategi 2020–2025',
        type: 'strategi',
        state: 'adopted',
        ownerUnitId: board.id,
        adoptionLevel: 'board',
        adoptedOn: '2020-02-01',
        validFrom: '2020-03-01',
        validTo: '2025-12-31',
        goalIds: [g.id],
      }),
    );
    const goal = json<Goal>(await tenant.admin.get(`/api/goals/${g.id}`));
    expect(goal.flags).toEqual(['document_expired']);
    expect(goal.documents).toMatchObject([
      {
        id: doc.id,
        title: 'Digitaliseringsstrategi 2020–2025',
        validTo: '2025-12-31',
        expired: true,
      },
    ]);
    const listed = json<{ items: Goal[] }>(
      await tenant.admin.get(`/api/goals?ownerUnitId=${board.id}`),
    ).items;
    expect(listed[0]!.flags).toEqual(['document_expired']);
    expect(
      (await counts(tenant.admin, 2025)).gaps.goalsWithExpiredDocument!.records.find(
        (r) => r.id === g.id,
      )?.detail,
    ).toBe('Digitaliseringsstrategi 2020–2025 (2025-12-31)');
  });
});

describe('the follow-up lists only the bodies that existed in the year', () => {
  it('a board set up later or wound up earlier is not listed; one that ended during the year is', async () => {
    const t = await aTenant(env, 'Organ över tid');
    await aUnit(t.admin, t.rootUnitId, { name: 'Landstingsstyrelsen', endsOn: '2018-12-31' });
    await aUnit(t.admin, t.rootUnitId, { name: 'Ny nämnd', startsOn: '2026-01-01' });
    await aUnit(t.admin, t.rootUnitId, { name: 'Avvecklad nämnd', endsOn: '2025-06-30' });
    await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
    const names = async (year: number) =>
      json<{ rows: { unitName: string }[] }>(
        await t.admin.get(`/api/follow-up?year=${year}`),
      ).rows.map((r) => r.unitName);
    // The assembly (the tenant's root, Regionfullmäktige) has no dates: it is always listed.
    expect(await names(2025)).toEqual([
      'Avvecklad nämnd',
      'Hälso- och sjukvårdsnämnden',
      'Regionfullmäktige',
    ]);
    expect(await names(2026)).toEqual([
      'Hälso- och sjukvårdsnämnden',
      'Ny nämnd',
      'Regionfullmäktige',
    ]);
    // With no start recorded, a body is taken to have existed before.
    expect(await names(2018)).toEqual([
      'Avvecklad nämnd',
      'Hälso- och sjukvårdsnämnden',
      'Landstingsstyrelsen',
      'Regionfullmäktige',
    ]);
    expect((await counts(t.admin, 2025)).bodies.map((b) => b.bodyName)).toEqual([
      'Avvecklad nämnd',
      'Hälso- och sjukvårdsnämnden',
      'Regionfullmäktige',
    ]);
  });
});

describe('indicators saved before this issue', () => {
  it('stay readable, flagged, and are completed by their next edit; the backfill marks only digital ones of digitalisation goals', async () => {
    const { readFileSync } = await import('node:fs');
    const { sql } = await import('drizzle-orm');
    const { indicators } = await import('./tables.js');
    const t = await aTenant(env, 'Gamla indikatorer');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen' });
    const digital = await aGoal(t.admin, board.id, { title: 'Digitalisering med kvalitet' });
    const other = await aGoal(t.admin, board.id, { title: 'Ekonomi i balans', tags: ['ekonomi'] });
    // Rows as the earlier code saved them: no unit, no source, nothing said about digitalisation.
    const legacy = (goalId: string, name: string) =>
      env.db
        .insert(indicators)
        .values({ tenantId: t.tenantId, goalId, name, kind: 'quantitative', targets: [] })
        .returning();
    const [old] = await legacy(digital.id, 'Antal slutförda digitaliseringsåtgärder');
    const [phone] = await legacy(digital.id, 'Väntetid i telefon');
    const [cost] = await legacy(other.id, 'Andel digitala fakturor');

    // The migration's hand-written backfill, as the integrator carries it.
    const migration = readFileSync(
      new URL('../../db/migrations/0018_goals_issue16.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.split('-- hand-written (issue 16, goals)')[1]!;
    await env.db.execute(sql.raw(backfill));
    const read = async (goalId: string) =>
      json<{ items: (Indicator & { name: string })[] }>(
        await t.admin.get(`/api/goals/${goalId}/indicators`),
      ).items;
    const mine = await read(digital.id);
    expect(mine.map((i) => [i.name, i.measuresDigitalisation])).toEqual([
      ['Antal slutförda digitaliseringsåtgärder', true],
      ['Väntetid i telefon', false],
    ]);
    expect((await read(other.id))[0]!.measuresDigitalisation).toBe(false);
    expect(mine[0]!.flags).toEqual(['no_baseline', 'no_target', 'no_unit', 'no_data_source']);
    expect((await counts(t.admin, 2025)).gaps.indicatorsWithoutUnit!.records).toMatchObject([
      { id: cost!.id, detail: 'Ekonomi i balans' },
      { id: old!.id, detail: 'Digitalisering med kvalitet' },
      { id: phone!.id },
    ]);

    // No outcome until the indicator names its unit and source.
    const value = await t.admin.post('/api/outcomes', {
      indicatorId: old!.id,
      periodKey: '2025-Å',
      value: 12,
    });
    expect(value.json<Problem>().errors[0]!.message).toContain('saknar enhet eller datakälla');
    // An edit that leaves it incomplete is refused; one that completes it is saved.
    const rename = await t.admin.patch(`/api/indicators/${old!.id}`, {
      version: old!.version,
      name: 'Slutförda digitaliseringsåtgärder',
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json<Problem>().errors.map((e) => e.path)).toEqual(['unit', 'dataSource']);
    const fixed = json<Indicator>(
      await t.admin.patch(`/api/indicators/${old!.id}`, {
        version: old!.version,
        unit: 'st',
        dataSourceText: 'Digitaliseringsportföljen',
      }),
    );
    expect(fixed.flags).toEqual(['no_baseline', 'no_target']);
  });
});
