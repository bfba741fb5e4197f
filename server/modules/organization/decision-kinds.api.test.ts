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
 * Decision kinds as the seeds record them: "Digitaliseringsrådet agerar rådgivande och bereder
 * ärenden till regionledningen … innehar inget beslutsmandat, men de rekommendationer som tas
 * fram ligger till grund för beslut" (Gotland); the regional director's verkställighetsbeslut
 * "Beslut och beredning för att digitalisering integreras i ordinarie ledning och styrning"
 * (2022-12-06, Dalarna), with no paragraph; dates known to the month; information to the boards
 * counted per subject.
 */

let env: TestEnv;
let tenant: Tenant;
let rs: { id: string };
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
  rs = await aUnit(tenant.admin, tenant.rootUnitId, {
    kind: 'regional_board',
    name: 'Regionstyrelsen',
    shortName: 'RS',
  });
});
afterAll(() => env.close());

type Problem = { errors: { path: string; message: string }[] };
type Decision = {
  id: string;
  version: number;
  kind: string;
  reference: string;
  decidedOn: string | null;
  datePrecision: string;
  dateText: string | null;
  subjects: string[];
  warnings: { path: string; message: string }[];
};

describe('what a forum may record under its mandate', () => {
  it('an advisory council is refused a beslut, with what it can record instead', async () => {
    const council = await aForum(tenant.admin, rs.id, {
      name: 'Digitaliseringsrådet',
      mandate: 'advises',
    });
    const refused = await tenant.admin.post('/api/decisions', {
      kind: 'decision',
      forumId: council.id,
      level: 'delegated',
      title: 'Gemensam e-tjänsteplattform',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors).toEqual([
      {
        path: 'kind',
        message:
          'Digitaliseringsrådet är rådgivande och kan inte fatta beslut. Registrera en rekommendation eller ett förslag, eller ett informationsärende.',
      },
    ]);
    const recommendation = json<Decision>(
      await tenant.admin.post('/api/decisions', {
        kind: 'recommendation',
        forumId: council.id,
        level: 'delegated',
        outcome: 'approved',
        title: 'Rekommendation: gemensam e-tjänsteplattform',
      }),
    );
    // Neither by changing the kind afterwards…
    const changed = await tenant.admin.patch(`/api/decisions/${recommendation.id}`, {
      version: recommendation.version,
      kind: 'decision',
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json<Problem>().errors[0]!.path).toBe('kind');
    // …nor by moving a beslut into the council.
    const elsewhere = await aDecision(tenant.admin, rs.id);
    const moved = await tenant.admin.patch(`/api/decisions/${elsewhere.id}`, {
      version: elsewhere.version,
      bodyUnitId: null,
      forumId: council.id,
    });
    expect(moved.statusCode).toBe(400);
    const held = json<{ items: { kind: string }[] }>(
      await tenant.admin.get(`/api/decisions?forumId=${council.id}`),
    );
    expect(held.items.map((d) => d.kind)).toEqual(['recommendation']);
  });

  it('a preparing officials’ forum says it prepares; a forum that decides records beslut', async () => {
    const tjb = await aForum(tenant.admin, rs.id, {
      name: 'Tjänstemannaberedningen',
      mandate: 'prepares',
    });
    const res = await tenant.admin.post('/api/decisions', {
      forumId: tjb.id,
      level: 'delegated',
      title: 'Prioritering',
    });
    expect(res.json<Problem>().errors[0]!.message).toContain(
      'Tjänstemannaberedningen är beredande',
    );
    const lg = await aForum(tenant.admin, rs.id, { name: 'Ledningsgruppen', mandate: 'decides' });
    expect(
      (
        await tenant.admin.post('/api/decisions', {
          forumId: lg.id,
          level: 'delegated',
          title: 'Beslut i ledningsgruppen',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('a forum holding beslut cannot become advisory until those are changed', async () => {
    const forum = await aForum(tenant.admin, rs.id, { name: 'Styrgruppen', mandate: 'decides' });
    const d = json<Decision>(
      await tenant.admin.post('/api/decisions', {
        forumId: forum.id,
        level: 'delegated',
        title: 'Beslut i styrgruppen',
      }),
    );
    const refused = await tenant.admin.patch(`/api/forums/${forum.id}`, {
      version: forum.version,
      mandate: 'advises',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors[0]).toEqual({
      path: 'mandate',
      message:
        'Styrgruppen har 1 registrerade beslut och kan därför inte bli rådgivande. Ändra de besluten till rekommendationer eller förslag först.',
    });
    json(
      await tenant.admin.patch(`/api/decisions/${d.id}`, {
        version: d.version,
        kind: 'recommendation',
      }),
    );
    expect(
      (
        await tenant.admin.patch(`/api/forums/${forum.id}`, {
          version: forum.version,
          mandate: 'advises',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('executive decisions', () => {
  it('the regional director’s verkställighetsbeslut needs no body, paragraph or case number', async () => {
    const res = await tenant.admin.post('/api/decisions', {
      kind: 'executive',
      decidedByTitle: 'Regiondirektör',
      decidedOn: '2022-12-06',
      title:
        'Beslut och beredning för att digitalisering integreras i ordinarie ledning och styrning',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<Decision & { level: string; decidedByTitle: string }>()).toMatchObject({
      kind: 'executive',
      level: 'official',
      decidedByTitle: 'Regiondirektör',
      reference: 'Regiondirektör 2022-12-06',
    });
    const noPost = await tenant.admin.post('/api/decisions', {
      kind: 'executive',
      bodyUnitId: rs.id,
      title: 'Utan befattning',
    });
    expect(noPost.statusCode).toBe(400);
    expect(noPost.json<Problem>().errors.map((e) => e.path)).toEqual(['decidedByTitle']);
    const boardLevel = await tenant.admin.post('/api/decisions', {
      kind: 'executive',
      decidedByTitle: 'Regiondirektör',
      level: 'board',
      title: 'Fel nivå',
    });
    expect(boardLevel.json<Problem>().errors.map((e) => e.path)).toEqual(['level']);
  });
});

describe('dates as the documents give them', () => {
  it('a month-precise date reads "augusti 2024", an unknown one "framgår ej", and both sort and filter', async () => {
    const month = json<Decision>(
      await tenant.admin.post('/api/decisions', {
        bodyUnitId: rs.id,
        level: 'board',
        title: 'Handlingsplan (augusti)',
        decidedOn: '2024-08-20',
        datePrecision: 'month',
        paragraph: '51',
      }),
    );
    expect(month).toMatchObject({
      decidedOn: '2024-08-01',
      datePrecision: 'month',
      dateText: 'augusti 2024',
      reference: 'RS augusti 2024 § 51',
    });
    const unknown = json<Decision>(
      await tenant.admin.post('/api/decisions', {
        bodyUnitId: rs.id,
        level: 'board',
        title: 'Riktlinje utan datum',
        datePrecision: 'unknown',
      }),
    );
    expect(unknown).toMatchObject({ decidedOn: null, dateText: 'framgår ej' });
    expect(unknown.reference).toBe('RS, datum framgår ej');
    const en = await env.app.inject({
      method: 'GET',
      url: `/api/decisions/${month.id}`,
      headers: { cookie: tenant.admin.cookie, 'accept-language': 'en' },
    });
    expect(en.json<Decision>().dateText).toBe('August 2024');
    const august = json<{ items: Decision[] }>(
      await tenant.admin.get('/api/decisions?from=2024-08-01&to=2024-08-31'),
    );
    expect(august.items.map((d) => d.id)).toContain(month.id);
    const refused = await tenant.admin.post('/api/decisions', {
      bodyUnitId: rs.id,
      level: 'board',
      title: 'Månad utan datum',
      datePrecision: 'month',
    });
    expect(refused.json<Problem>().errors.map((e) => e.path)).toEqual(['decidedOn']);
    // Marking the date unknown later clears it.
    const cleared = json<Decision>(
      await tenant.admin.patch(`/api/decisions/${month.id}`, {
        version: month.version,
        datePrecision: 'unknown',
      }),
    );
    expect(cleared).toMatchObject({ decidedOn: null, dateText: 'framgår ej' });
  });
});

describe('information items', () => {
  it('carry subject tags and links, and count how often each body was informed in a year', async () => {
    const hsn = await aUnit(tenant.admin, tenant.rootUnitId, {
      kind: 'board',
      name: 'Hälso- och sjukvårdsnämnden',
    });
    const info = (bodyUnitId: string, decidedOn: string, subjects: string[]) =>
      tenant.admin.post('/api/decisions', {
        kind: 'information',
        bodyUnitId,
        level: 'board',
        decidedOn,
        title: `Information om digitaliseringsläget ${decidedOn}`,
        subjects,
        links: [{ kind: 'document', label: 'Digitala färdplanen' }],
      });
    for (const day of ['2025-02-18', '2025-04-22', '2025-09-16'])
      json(await info(hsn.id, day, ['Digitalisering']));
    json(await info(rs.id, '2025-03-10', ['digitalisering', 'AI']));
    json(await info(rs.id, '2024-03-10', ['digitalisering']));
    json(await info(hsn.id, '2025-05-05', ['krisberedskap']));
    const tagged = json<{ items: Decision[] }>(
      await tenant.admin.get('/api/decisions?subject=DIGITALISERING&kind=information'),
    );
    expect(tagged.items).toHaveLength(5);
    expect(tagged.items.every((d) => d.subjects.includes('digitalisering'))).toBe(true);
    const counts = json<{
      items: { holderName: string; evidence: { figure: number; records: { href: string }[] } }[];
    }>(
      await tenant.admin.get('/api/decisions/information-counts?subject=digitalisering&year=2025'),
    );
    expect(counts.items.map((c) => [c.holderName, c.evidence.figure])).toEqual([
      ['Hälso- och sjukvårdsnämnden', 3],
      ['Regionstyrelsen', 1],
    ]);
    expect(counts.items[0]!.evidence.records[0]!.href).toMatch(/^\/beslut\//);
  });
});

describe('adoption', () => {
  it('a forum cannot be set up by a decision that was sent back (återremiss)', async () => {
    const referred = await aDecision(tenant.admin, rs.id, {
      outcome: 'referred_back',
      title: 'Inrättande av portföljråd',
    });
    const res = await tenant.admin.post('/api/forums', {
      parentUnitId: rs.id,
      name: 'Portföljrådet',
      kind: 'portfolio_council',
      lifecycle: 'under_establishment',
      establishedDecisionId: referred.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors[0]).toMatchObject({ path: 'establishedDecisionId' });
    expect(res.json<Problem>().errors[0]!.message).toContain('återremiss');
  });
});
