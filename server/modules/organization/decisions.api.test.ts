import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aTenant,
  aUnit,
  json,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

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

type Decision = {
  id: string;
  version: number;
  title: string;
  reference: string;
  outcome: string | null;
};

describe('decisions', () => {
  it('gives the reference auditors quote: body, date, paragraph and case number', async () => {
    const d = await aDecision(tenant.admin, rs.id, {
      decidedOn: '2024-03-26',
      paragraph: '72',
      caseNumber: 'RS 2022/1850',
    });
    expect(d.reference).toBe('RS 2024-03-26 § 72 (RS 2022/1850)');
    const official = await aDecision(tenant.admin, rs.id, {
      level: 'official',
      decidedOn: '2024-05-02',
      paragraph: null,
      caseNumber: null,
    });
    expect(official.reference).toBe('RS 2024-05-02');
  });

  it('Swedish full-text search finds parts of compound words', async () => {
    const t = await aTenant(env, 'Sök');
    const body = await aUnit(t.admin, t.rootUnitId, {
      kind: 'regional_board',
      name: 'Regionstyrelsen',
    });
    await aDecision(t.admin, body.id, { title: 'Antagande av Digitaliseringsstrategi 2030' });
    await aDecision(t.admin, body.id, {
      title: 'Riktlinjer för informationssäkerhet',
      body: 'Klassning av information enligt KRT.',
    });
    await aDecision(t.admin, body.id, { title: 'Budget 2026' });
    const titles = async (q: string) =>
      json<{ items: Decision[] }>(
        await t.admin.get(`/api/decisions?q=${encodeURIComponent(q)}`),
      ).items.map((d) => d.title);
    expect(await titles('strategi')).toEqual(['Antagande av Digitaliseringsstrategi 2030']);
    expect(await titles('riktlinje')).toEqual(['Riktlinjer för informationssäkerhet']);
    expect(await titles('klassningen')).toEqual(['Riktlinjer för informationssäkerhet']);
    expect(await titles('100%_')).toEqual([]);
  });

  it('saves a case number outside the region’s format, with a warning in words, never the pattern', async () => {
    const t = await aTenant(env, 'Format');
    const settings = json<{ version: number }>(await t.admin.get('/api/settings'));
    const pattern = '[A-ZÅÄÖ]{2,5} \\d{4}/\\d{1,5}';
    json(
      await t.admin.put('/api/settings', {
        version: settings.version,
        caseNumberLabel: 'ärendenummer',
        caseNumberPattern: pattern,
        caseNumberExample: 'RS 2022/1850',
        caseNumberDescription: 'organets förkortning, år, snedstreck och löpnummer',
      }),
    );
    const body = await aUnit(t.admin, t.rootUnitId);
    const saved = await t.admin.post('/api/decisions', {
      bodyUnitId: body.id,
      level: 'board',
      title: 'X',
      caseNumber: '2024-1850',
    });
    expect(saved.statusCode).toBe(201);
    const warning = saved.json<{ warnings: { path: string; message: string }[] }>().warnings[0]!;
    expect(warning.path).toBe('caseNumber');
    expect(warning.message).toContain('RS 2022/1850');
    expect(warning.message).toContain('Ärendenummer "2024-1850"');
    expect(warning.message).not.toContain('\\d');
    const id = saved.json<{ id: string }>().id;
    expect(
      json<{ warnings: unknown[] }>(await t.admin.get(`/api/decisions/${id}`)).warnings,
    ).toHaveLength(1);
    const fine = json<{ warnings: unknown[] }>(
      await t.admin.post('/api/decisions', {
        bodyUnitId: body.id,
        level: 'board',
        title: 'X',
        caseNumber: 'RS 2024/1850',
      }),
    );
    expect(fine.warnings).toEqual([]);
    const wrongExample = await t.admin.put('/api/settings', {
      version: json<{ version: number }>(await t.admin.get('/api/settings')).version,
      caseNumberExample: 'RS-2022-1850',
    });
    expect(wrongExample.statusCode).toBe(400);
  });

  it('follows a proposal chain from the working committee to the assembly', async () => {
    const au = await aDecision(tenant.admin, rs.id, { level: 'committee', title: 'AU föreslår' });
    const styrelse = await aDecision(tenant.admin, rs.id, {
      title: 'RS föreslår',
      proposedByDecisionId: au.id,
    });
    const rf = await aDecision(tenant.admin, tenant.rootUnitId, {
      level: 'assembly',
      title: 'RF antar',
      proposedByDecisionId: styrelse.id,
    });
    const chain = json<{ items: Decision[] }>(
      await tenant.admin.get(`/api/decisions/${styrelse.id}/chain`),
    );
    expect(chain.items.map((d) => d.id)).toEqual([au.id, styrelse.id, rf.id]);
    expect(
      (
        await tenant.admin.patch(`/api/decisions/${au.id}`, {
          version: au.version,
          proposedByDecisionId: au.id,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('records outcomes (bifall, avslag, återremiss, bordläggning) and information items without outcome', async () => {
    const referred = await aDecision(tenant.admin, rs.id, { outcome: 'referred_back' });
    expect(json<Decision>(await tenant.admin.get(`/api/decisions/${referred.id}`)).outcome).toBe(
      'referred_back',
    );
    const info = await tenant.admin.post('/api/decisions', {
      kind: 'information',
      bodyUnitId: rs.id,
      level: 'board',
      title: 'Information om digitaliseringsläget',
    });
    expect(info.statusCode).toBe(201);
    const wrong = await tenant.admin.post('/api/decisions', {
      kind: 'information',
      bodyUnitId: rs.id,
      level: 'board',
      title: 'Info',
      outcome: 'approved',
    });
    expect(wrong.statusCode).toBe(400);
    const infos = json<{ items: { kind: string }[] }>(
      await tenant.admin.get(`/api/decisions?kind=information&bodyUnitId=${rs.id}`),
    );
    expect(infos.items.every((d) => d.kind === 'information')).toBe(true);
  });

  it('needs a deciding body or forum', async () => {
    const res = await tenant.admin.post('/api/decisions', {
      level: 'board',
      title: 'Ingen',
      decidedByTitle: 'Regiondirektör',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors[0]).toEqual({
      path: 'bodyUnitId',
      message: 'Ange vilket organ eller forum som fattade beslutet.',
    });
  });

  it('filters by date range and exports to Excel', async () => {
    await aDecision(tenant.admin, rs.id, { decidedOn: '2020-01-01', title: 'Gammalt' });
    const range = json<{ items: Decision[] }>(
      await tenant.admin.get('/api/decisions?from=2019-12-31&to=2020-01-02'),
    );
    expect(range.items.map((d) => d.title)).toEqual(['Gammalt']);
    const xlsx = await tenant.admin.get('/api/decisions?format=xlsx&from=2019-12-31&to=2020-01-02');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Referens');
    expect(ws.rowCount).toBe(2);
  });
});
