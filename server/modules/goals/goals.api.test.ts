import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aTenant,
  aUnit,
  aUserWith,
  json,
  testEnv,
  type Client,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

let env: TestEnv;
let tenant: Tenant;
let hsn: { id: string };
beforeAll(async () => {
  env = await testEnv(); // the clock says 2026-03-15
  tenant = await aTenant(env);
  hsn = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Hälso- och sjukvårdsnämnden',
    kind: 'board',
  });
});
afterAll(() => env.close());

type Goal = {
  id: string;
  version: number;
  flags: string[];
  indicatorCount: number;
  parentGoalIds: string[];
  adoptedByReference: string | null;
};
type Indicator = { id: string; version: number; flags: string[] };

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
const anIndicator = async (c: Client, goalId: string, over: Record<string, unknown> = {}) =>
  json<Indicator>(
    await c.post('/api/indicators', {
      goalId,
      name: 'Andel e-tjänster',
      kind: 'quantitative',
      unit: '%',
      direction: 'higher',
      baseline: 40,
      baselineOn: '2024-12-31',
      targets: [{ year: 2025, value: 60 }],
      dataSource: 'statistics',
      ...over,
    }),
  );

describe('the goal chain', () => {
  it('links a board’s result goal to the assembly’s impact goal and to the decision that adopted it', async () => {
    const impact = await aGoal(tenant.admin, tenant.rootUnitId, {
      level: 'impact',
      validFrom: '2023-01-01',
      validTo: '2026-12-31',
    });
    const decision = await aDecision(tenant.admin, hsn.id, {
      decidedOn: '2024-11-20',
      paragraph: '88',
      caseNumber: 'HSN 2024/12',
    });
    const result = await aGoal(tenant.admin, hsn.id, {
      parentGoalIds: [impact.id],
      adoptedByDecisionId: decision.id,
    });
    expect(result.parentGoalIds).toEqual([impact.id]);
    expect(result.adoptedByReference).toContain('2024-11-20 § 88');
    expect(result.flags).toEqual(['no_indicator']);
  });

  it('keeps succession between years so a renamed goal keeps its trend', async () => {
    const g2024 = await aGoal(tenant.admin, hsn.id, {
      title: 'Fler digitala vårdmöten',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    const g2025 = await aGoal(tenant.admin, hsn.id, {
      title: 'Digitala vårdmöten som förstahandsval',
      succeedsGoalId: g2024.id,
    });
    const lineage = json<{ items: { id: string }[] }>(
      await tenant.admin.get(`/api/goals/${g2025.id}/lineage`),
    );
    expect(lineage.items.map((g) => g.id)).toEqual([g2024.id, g2025.id]);
  });

  it('refuses a validity that ends before it starts, and a goal that is its own parent', async () => {
    const bad = await tenant.admin.post('/api/goals', {
      level: 'result',
      ownerUnitId: hsn.id,
      title: 'X',
      validFrom: '2025-01-01',
      validTo: '2024-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('validTo');
    const g = await aGoal(tenant.admin, hsn.id);
    expect(
      (
        await tenant.admin.patch(`/api/goals/${g.id}`, {
          version: g.version,
          parentGoalIds: [g.id],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('an editor sets goals for their own board only; a coordinator anywhere; a reader nowhere', async () => {
    const ktn = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'KTN' });
    const editor = await aUserWith(env, tenant, 'editor', hsn.id);
    expect(
      (
        await editor.post('/api/goals', {
          level: 'result',
          ownerUnitId: hsn.id,
          title: 'Eget',
          validFrom: '2025-01-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await editor.post('/api/goals', {
          level: 'result',
          ownerUnitId: ktn.id,
          title: 'Annans',
          validFrom: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const coordinator = await aUserWith(env, tenant, 'portfolio_coordinator');
    expect(
      (
        await coordinator.post('/api/goals', {
          level: 'result',
          ownerUnitId: ktn.id,
          title: 'Samordnat',
          validFrom: '2025-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const reader = await aUserWith(env, tenant, 'reader');
    expect(
      (
        await reader.post('/api/goals', {
          level: 'result',
          ownerUnitId: hsn.id,
          title: 'Nej',
          validFrom: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('indicators, outcomes and assessments', () => {
  it('flags an indicator without baseline or target, and clears the goal’s flag once it has one', async () => {
    const g = await aGoal(tenant.admin, hsn.id);
    const ind = await anIndicator(tenant.admin, g.id, { baseline: null, targets: [] });
    expect(ind.flags).toEqual(['no_baseline', 'no_target']);
    expect(json<Goal>(await tenant.admin.get(`/api/goals/${g.id}`)).flags).toEqual([]);
    expect(
      (
        await tenant.admin.post('/api/indicators', {
          goalId: g.id,
          name: 'X',
          kind: 'quantitative',
          targets: [
            { year: 2025, value: 1 },
            { year: 2025, value: 2 },
          ],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('suggests an assessment from outcomes against targets; a person confirms or overrides with a reason', async () => {
    const g = await aGoal(tenant.admin, hsn.id);
    const a = await anIndicator(tenant.admin, g.id);
    const b = await anIndicator(tenant.admin, g.id, {
      name: 'Väntetid',
      direction: 'lower',
      baseline: 30,
      targets: [{ year: 2025, value: 20 }],
      unit: 'dagar',
    });
    json(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: a.id,
        periodKey: '2025-Å',
        value: 62,
        comment: 'Enligt statistik',
      }),
    );
    json(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: b.id,
        periodKey: '2025-Å',
        value: 26,
      }),
    );
    const suggestion = json<{ assessment: string }>(
      await tenant.admin.get(`/api/goals/${g.id}/suggestion?periodKey=2025-%C3%85`),
    );
    expect(suggestion.assessment).toBe('partly');
    const noReason = await tenant.admin.post('/api/assessments', {
      goalId: g.id,
      periodKey: '2025-Å',
      assessment: 'met',
      justification: 'Vi bedömer att målet är nått.',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('overrideReason');
    const ok = json<{ suggested: string }>(
      await tenant.admin.post('/api/assessments', {
        goalId: g.id,
        periodKey: '2025-Å',
        assessment: 'met',
        justification: 'Målet är nått i sak.',
        overrideReason: 'Väntetiden mättes före omläggningen.',
        indicatorIds: [a.id, b.id],
      }),
    );
    expect(ok.suggested).toBe('partly');
    const list = json<{
      items: { assessment: string; overrideReason: string; updatedByName: string }[];
    }>(await tenant.admin.get(`/api/goals/${g.id}/assessments`));
    expect(list.items[0]).toMatchObject({
      assessment: 'met',
      overrideReason: 'Väntetiden mättes före omläggningen.',
      updatedByName: tenant.admin.me.name,
    });
  });

  it('a second entry of the same outcome needs the version it read', async () => {
    const g = await aGoal(tenant.admin, hsn.id);
    const a = await anIndicator(tenant.admin, g.id);
    const first = json<{ id: string; version: number }>(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: a.id,
        periodKey: '2025-D',
        value: 50,
      }),
    );
    const blind = await tenant.admin.post('/api/outcomes', {
      indicatorId: a.id,
      periodKey: '2025-D',
      value: 55,
    });
    expect(blind.statusCode).toBe(409);
    const changed = json<{ version: number }>(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: a.id,
        periodKey: '2025-D',
        value: 55,
        version: first.version,
      }),
    );
    expect(changed.version).toBe(2);
    expect(
      (
        await tenant.admin.post('/api/outcomes', {
          indicatorId: a.id,
          periodKey: '2025-5',
          value: 1,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('a judged indicator takes only levels on its scale', async () => {
    const g = await aGoal(tenant.admin, hsn.id);
    const q = await anIndicator(tenant.admin, g.id, {
      kind: 'qualitative',
      name: 'Uppföljning av handlingsplanen',
      direction: null,
      baseline: null,
      unit: null,
      targets: [{ year: 2025, value: 3 }],
      scale: [
        { level: 1, label: 'Inte påbörjad' },
        { level: 2, label: 'Påbörjad' },
        { level: 3, label: 'Genomförd' },
      ],
    });
    expect(
      (
        await tenant.admin.post('/api/outcomes', {
          indicatorId: q.id,
          periodKey: '2025-Å',
          value: 7,
        })
      ).statusCode,
    ).toBe(400);
    json(
      await tenant.admin.post('/api/outcomes', {
        indicatorId: q.id,
        periodKey: '2025-Å',
        value: 2,
        comment: 'Två av tre åtgärder klara',
      }),
    );
    expect(
      json<{ assessment: string }>(
        await tenant.admin.get(`/api/goals/${g.id}/suggestion?periodKey=2025-%C3%85`),
      ).assessment,
    ).toBe('partly');
  });
});

describe('the follow-up table', () => {
  it('shows per board whether digitalisation goals exist, their assessments, and what is overdue; and exports it', async () => {
    const t = await aTenant(env, 'Uppföljning');
    const withGoal = await aUnit(t.admin, t.rootUnitId, { name: 'A-nämnden' });
    const focusOnly = await aUnit(t.admin, t.rootUnitId, { name: 'B-nämnden' });
    await aUnit(t.admin, t.rootUnitId, { name: 'C-nämnden' });
    const g = await aGoal(t.admin, withGoal.id, { title: 'Digitalt först' });
    await anIndicator(t.admin, g.id);
    await aGoal(t.admin, focusOnly.id, { form: 'focus_area', title: 'Fokusområde digitalisering' });
    json(
      await t.admin.post('/api/assessments', {
        goalId: g.id,
        periodKey: '2025-D',
        assessment: 'partly',
        justification: 'Halvvägs.',
      }),
    );
    type Table = {
      periods: string[];
      rows: {
        unitName: string;
        status: string;
        goals: {
          title: string;
          cells: { periodKey: string; assessment: string | null; overdue: boolean }[];
        }[];
      }[];
    };
    const table = json<Table>(await t.admin.get('/api/follow-up?year=2025'));
    expect(table.periods).toEqual(['2025-D', '2025-Å']);
    const byName = new Map(table.rows.map((r) => [r.unitName, r]));
    expect(byName.get('A-nämnden')!.status).toBe('goal');
    expect(byName.get('B-nämnden')!.status).toBe('focus_area_only');
    expect(byName.get('C-nämnden')!.status).toBe('nothing');
    expect(byName.get('A-nämnden')!.goals[0]!.cells).toEqual([
      {
        periodKey: '2025-D',
        assessment: 'partly',
        draft: null,
        overdue: false,
        missingOutcomes: 1,
      },
      { periodKey: '2025-Å', assessment: null, draft: null, overdue: true, missingOutcomes: 1 },
    ]);
    const xlsx = await t.admin.get('/api/follow-up?year=2025&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Nämnd/styrelse',
      'Digitaliseringsmål',
      'Mål',
      'Indikatorer',
      'Delårsrapport 2025',
      'Årsredovisning 2025',
    ]);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) =>
      (ws.getRow(i + 2).values as unknown[]).slice(1),
    );
    expect(rows).toContainEqual([
      'A-nämnden',
      'Mål finns',
      'Digitalt först',
      1,
      'Delvis uppnått',
      'Försenad',
    ]);
  });
});

/** The text a PDF shows: its streams inflated, and the strings PDFKit writes as hex glyph codes (WinAnsi) decoded. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { inflateSync } = await import('node:zlib');
  const raw = pdf.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    // PDFKit ends a stream with "\nendstream", so a compressed stream whose last byte is "\r" loses it
    // to the pattern above: try both, or a page's text goes missing about once in 256 reports.
    let content: string | null = null;
    for (const data of [m[1]!, `${m[1]!}\r`]) {
      try {
        content = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
        break;
      } catch {
        // not this one
      }
    }
    if (content === null) continue;
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      text +=
        [...tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)]
          .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
          .join('') + '\n';
    }
  }
  return text;
}

describe('follow-up periods are a region setting', () => {
  it('a region that follows up by tertial gets tertial columns; a bad kind is refused', async () => {
    const t = await aTenant(env, 'Tertial');
    const settings = json<{ version: number; followUpPeriods: string[] }>(
      await t.admin.get('/api/settings'),
    );
    expect(settings.followUpPeriods).toEqual(['interim', 'annual']);
    expect(
      (
        await t.admin.put('/api/settings', {
          version: settings.version,
          followUpPeriods: ['weekly'],
        })
      ).statusCode,
    ).toBe(400);
    json(
      await t.admin.put('/api/settings', {
        version: settings.version,
        followUpPeriods: ['tertial', 'annual'],
        documentMaxAgeYears: 6,
      }),
    );
    const table = json<{ periods: string[] }>(await t.admin.get('/api/follow-up?year=2025'));
    expect(table.periods).toEqual(['2025-T1', '2025-T2', '2025-T3', '2025-Å']);
    expect(
      json<{ documentMaxAgeYears: number }>(await t.admin.get('/api/settings')).documentMaxAgeYears,
    ).toBe(6);
  });
});

describe('the follow-up report', () => {
  it('is a PDF with the board’s goals, assessments and indicators for the period', async () => {
    const t = await aTenant(env, 'Rapport');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
    const g = await aGoal(t.admin, board.id, { title: 'Resenärerna köper biljetten digitalt' });
    const i = await anIndicator(t.admin, g.id, { name: 'Andel biljetter i appen' });
    json(
      await t.admin.post('/api/outcomes', { indicatorId: i.id, periodKey: '2025-D', value: 52 }),
    );
    json(
      await t.admin.post('/api/outcomes', { indicatorId: i.id, periodKey: '2025-Å', value: 61 }),
    );
    json(
      await t.admin.post('/api/assessments', {
        goalId: g.id,
        periodKey: '2025-Å',
        assessment: 'met',
        justification: 'Målvärdet överträffades.',
      }),
    );
    const res = await t.admin.get(
      `/api/reports/follow-up.pdf?ownerUnitId=${board.id}&periodKey=2025-%C3%85`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      'uppfoljning-Kollektivtrafiknamnden-2025-A.pdf',
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    for (const s of [
      'Uppföljning av digitaliseringsmål',
      'Kollektivtrafiknämnden',
      'Årsredovisning 2025',
      'Resenärerna köper biljetten digitalt',
      'Bedömning: Uppnått',
      'Målvärdet överträffades.',
      'Andel biljetter i appen',
    ])
      expect(text).toContain(s);
    const en = await t.admin
      .inEnglish()
      .get(`/api/reports/follow-up.pdf?ownerUnitId=${board.id}&periodKey=2025-%C3%85`);
    // Status and type first, so that a failure here says what came back instead of an empty text.
    expect([en.statusCode, en.headers['content-type']], en.body.slice(0, 300)).toEqual([
      200,
      'application/pdf',
    ]);
    expect(await pdfText(en.rawPayload), `${en.rawPayload.length} bytes`).toContain(
      'Assessment: Met',
    );
    expect(
      (await t.admin.get(`/api/reports/follow-up.pdf?ownerUnitId=${board.id}&periodKey=2025-X`))
        .statusCode,
    ).toBe(400);
  });
});

describe('importing a period’s outcomes from Excel', () => {
  const upload = (c: Client, buf: Buffer, dryRun = false) => {
    const boundary = 'xlsxb';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="utfall.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return env.app.inject({
      method: 'POST',
      url: `/api/outcomes/import?dryRun=${dryRun}`,
      headers: {
        cookie: c.cookie,
        'x-csrf-token': c.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
  };

  it('fills the template, checks every row first, saves all or nothing, and a repeat changes nothing', async () => {
    const t = await aTenant(env, 'Import');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'Importnämnden' });
    const g = await aGoal(t.admin, board.id, { title: 'Importmål' });
    const a = await anIndicator(t.admin, g.id, { name: 'A-indikator' });
    const b = await anIndicator(t.admin, g.id, { name: 'B-indikator' });
    const tpl = await t.admin.get(
      `/api/outcomes/template.xlsx?periodKey=2025-%C3%85&ownerUnitId=${board.id}`,
    );
    expect(tpl.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Indikator-id',
      'Nämnd',
      'Mål',
      'Indikator',
      'Enhet',
      'Period',
      'Värde',
      'Kommentar',
    ]);
    expect(ws.rowCount).toBe(3);
    const rowOf = (id: string) => [2, 3].find((r) => ws.getRow(r).getCell(1).value === id)!;

    // One bad value: the whole file is refused, per row, and nothing is saved.
    ws.getRow(rowOf(a.id)).getCell(7).value = 61;
    ws.getRow(rowOf(b.id)).getCell(7).value = 'sextio';
    const bad = await upload(t.admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(400);
    const problem = bad.json<{ detail: string; errors: { path: string; message: string }[] }>();
    expect(problem.detail).toContain('Inget har sparats');
    expect(problem.errors).toEqual([
      {
        path: `rad ${rowOf(b.id)}`,
        message: `Rad ${rowOf(b.id)}: värdet "sextio" är inte ett tal.`,
      },
    ]);
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/goals/${g.id}/outcomes`)).items,
    ).toHaveLength(0);

    ws.getRow(rowOf(b.id)).getCell(7).value = '58,5';
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    expect(json(await upload(t.admin, good, true))).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      saved: false,
    });
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/goals/${g.id}/outcomes`)).items,
    ).toHaveLength(0);
    expect(json(await upload(t.admin, good))).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      saved: true,
    });
    const saved = json<{ items: { indicatorId: string; value: number }[] }>(
      await t.admin.get(`/api/goals/${g.id}/outcomes`),
    ).items;
    expect(saved.find((o) => o.indicatorId === b.id)!.value).toBe(58.5);
    expect(json(await upload(t.admin, good))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const events = json<{ items: { action: string }[] }>(
      await t.admin.get('/api/audit-trail?entityType=outcome'),
    );
    expect(events.items.filter((e) => e.action === 'import')).toHaveLength(2);

    // A reader may not import at all; an editor of another board gets a row-level refusal, never a partial import.
    expect((await upload(await aUserWith(env, t, 'reader'), good)).statusCode).toBe(403);
    const otherBoard = await aUnit(t.admin, t.rootUnitId, { name: 'Annan nämnd' });
    const refused = await upload(await aUserWith(env, t, 'editor', otherBoard.id), good);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain(
      'du får inte registrera utfall',
    );
    expect((await upload(t.admin, Buffer.from('inte excel'))).statusCode).toBe(400);
  });

  it('the import refuses what the outcome form refuses, in the form’s words, and its save is audited', async () => {
    const t = await aTenant(env, 'Importregler');
    const board = await aUnit(t.admin, t.rootUnitId, { name: 'Regelnämnden' });
    const g = await aGoal(t.admin, board.id, { title: 'Regelmål' });
    const ind = await anIndicator(t.admin, g.id, { name: 'Regelindikator' });
    const tooLong = 'k'.repeat(4001);

    // The form (the outcome route) refuses a comment longer than 4 000 characters.
    const form = await t.admin.post('/api/outcomes', {
      indicatorId: ind.id,
      periodKey: '2025-Å',
      value: 61,
      comment: tooLong,
    });
    expect(form.statusCode).toBe(400);
    const formErrors = form.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(formErrors).toHaveLength(1);
    expect(formErrors[0]!.path).toBe('comment');
    const formMessage = formErrors[0]!.message;
    expect(formMessage).toMatch(/4\s?000/);

    // The import refuses the same value with the same message, on its row, and saves nothing.
    const tpl = await t.admin.get(
      `/api/outcomes/template.xlsx?periodKey=2025-%C3%85&ownerUnitId=${board.id}`,
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe(ind.id);
    ws.getRow(2).getCell(7).value = 61;
    ws.getRow(2).getCell(8).value = tooLong;
    const refused = await upload(t.admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    const problem = refused.json<{ detail: string; errors: { path: string; message: string }[] }>();
    expect(problem.detail).toContain('Inget har sparats');
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0]!.path).toBe('rad 2.comment');
    expect(problem.errors[0]!.message).toContain(formMessage);
    expect(problem.errors[0]!.message).toContain('Rad 2, Kommentar');
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/goals/${g.id}/outcomes`)).items,
    ).toHaveLength(0);

    // A good row is saved through the form's service, with its audit event, then changed with one.
    ws.getRow(2).getCell(8).value = 'Enligt årsredovisningen';
    expect((await upload(t.admin, Buffer.from(await wb.xlsx.writeBuffer()))).statusCode).toBe(200);
    ws.getRow(2).getCell(7).value = 62;
    expect(json(await upload(t.admin, Buffer.from(await wb.xlsx.writeBuffer())))).toMatchObject({
      created: 0,
      updated: 1,
      saved: true,
    });
    const [outcome] = json<{ items: { id: string; value: number; version: number }[] }>(
      await t.admin.get(`/api/goals/${g.id}/outcomes`),
    ).items;
    expect(outcome).toMatchObject({ value: 62, version: 2 });
    const events = json<{
      items: { entityId: string; action: string; before: unknown; after: unknown }[];
    }>(await t.admin.get(`/api/audit-trail?entityType=outcome&entityId=${outcome!.id}`)).items;
    expect(events.map((e) => e.action)).toEqual(['import', 'import']);
    const [update, create] = events;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({
      indicatorId: ind.id,
      periodKey: '2025-Å',
      value: 61,
      comment: 'Enligt årsredovisningen',
      version: 1,
    });
    expect(update!.before).toMatchObject({ value: 61, version: 1 });
    expect(update!.after).toMatchObject({
      value: 62,
      comment: 'Enligt årsredovisningen',
      version: 2,
    });
  });
});
