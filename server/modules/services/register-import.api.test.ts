import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  testEnv,
  upload,
  type Client,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';
import { messyRegister, type MessyFacts } from '../../test/messy-register.js';
import { foldKey } from '../../../domain/services/register-values.js';

/*
 * Issue 14: a region's own register, as it is. The messy register generator (server/test/
 * messy-register.ts) builds 1 000 rows with every kind of mess at known rates and says exactly
 * what it wrote; the import's check must find the same figures, and the partial import must keep
 * each unread value on its system, where fixing it makes the count fall.
 */

let env: TestEnv;
let tenant: Tenant;
const units = [
  { name: 'Hälso- och sjukvårdsförvaltningen', shortName: 'HSF' },
  { name: 'Regionservice', shortName: 'RS' },
  { name: 'Kultur- och bildningsförvaltningen', shortName: 'KBF' },
  { name: 'Kollektivtrafikförvaltningen', shortName: null },
  { name: 'Regionledningsförvaltningen', shortName: 'RLF' },
];
const boards = [
  { name: 'Hälso- och sjukvårdsnämnden', shortName: 'HSN' },
  { name: 'Regionstyrelsen', shortName: 'RS-styrelsen' },
];
const peopleNames = ['Anna Berg', 'Per Ek', 'Karl Lund', 'Eva Marie Söder'];
let people: { name: string; email: string; id: string }[] = [];
let file: Buffer;
let facts: MessyFacts;

type Result = {
  rows: number;
  skipped: { blank: number; summary: number; heading: number };
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  notImported: number;
  withProblems: number;
  blocking: number;
  recorded: number;
  saved: boolean;
  sheet: string;
  headingRow: number;
  columns: { heading: string; field: string | null; how: string | null; samples: string[] }[];
  units: { text: string; unitId: string | null; unitName: string | null; how: string | null }[];
  people: { text: string; reading: string; personId: string | null; how: string | null }[];
  duplicates: { key: string; rows: { row: number; name: string }[]; choice: string }[];
  figures: {
    owners: MessyFacts['owners'];
    personalDataWithoutDpa: number;
    contractsEnding: number;
    costTotal: number;
    approximateCosts: number;
    byCategory: Record<string, number>;
    byLifecycle: Record<string, number>;
    unreadCells: number;
    unknownCells: number;
  };
  problems: { row: number; field: string; heading: string; value: string; message: string }[];
  preview: { row: number; name: string; action: string }[];
};
const check = (c: Client, f: Buffer, q = 'dryRun=true&mode=partial', choices?: object) =>
  upload(c, `/api/systems/import?${q}`, f, {
    ...(choices ? { fields: { choices: JSON.stringify(choices) } } : {}),
  });

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  tenant = await aTenant(env);
  const made: Record<string, string> = {};
  for (const b of boards)
    made[b.name] = (
      await aUnit(tenant.admin, tenant.rootUnitId, {
        name: b.name,
        shortName: b.shortName,
        kind: 'board',
      })
    ).id;
  for (const [i, u] of units.entries())
    made[u.name] = (
      await aUnit(tenant.admin, made[boards[i % boards.length]!.name]!, {
        name: u.name,
        shortName: u.shortName,
        kind: 'administration',
      })
    ).id;
  people = [];
  for (const name of peopleNames) {
    const ascii = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    const email = `${ascii.replace(/\s+/g, '.')}.${tenant.tag}@test.example`;
    const p = json<{ id: string }>(await tenant.admin.post('/api/persons', { name, email }));
    people.push({ name, email, id: p.id });
  }
  ({ file, facts } = await messyRegister({ units, boards, people, today: '2026-03-15' }));
}, 120_000);
afterAll(() => env.close());

describe('a messy register of 1 000 rows, checked', () => {
  let r: Result;
  beforeAll(async () => {
    r = json<Result>(await check(tenant.admin, file));
  }, 120_000);

  it('finds the table under the title rows, skips blank and summary rows, and merges duplicates', () => {
    expect(r.headingRow).toBeGreaterThan(1);
    expect(r.rows).toBe(facts.rows);
    expect(r.skipped.summary).toBe(facts.summaryRows);
    expect(r.skipped.blank).toBe(facts.blankRows);
    expect(r.merged).toBe(facts.duplicateRows);
    expect(r.created).toBe(facts.systems);
    expect(r.duplicates.length).toBe(facts.duplicateRows);
    expect(r.preview.map((p) => p.name)).not.toContain('Summa');
  });

  it('reads every column the register has, the hidden one too', () => {
    const fields = r.columns.map((c) => c.field);
    for (const f of [
      'name',
      'administration',
      'board',
      'owner',
      'manager',
      'category',
      'lifecycle',
      'costTotal',
      'personalData',
      'dpa',
      'levels',
      'contractRef',
      'contractEndsOn',
      'noticeMonths',
      'hosting',
      'comment',
    ])
      expect(fields).toContain(f);
  });

  it('gives the figures the file was built with', () => {
    const nonZero = (o: Record<string, number>) =>
      Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
    const { owners, personalDataWithoutDpa, contractsEnding, costTotal, approximateCosts } = facts;
    expect({
      ...r.figures,
      byCategory: nonZero(r.figures.byCategory),
      byLifecycle: nonZero(r.figures.byLifecycle),
    }).toEqual({
      owners,
      personalDataWithoutDpa,
      contractsEnding,
      costTotal,
      approximateCosts,
      byCategory: nonZero(facts.byCategory),
      byLifecycle: nonZero(facts.byLifecycle),
      unreadCells: facts.unreadCells,
      unknownCells: facts.unknownCells,
    });
  });

  it('maps every administration as written (case, short name, misspelling) to its unit', () => {
    for (const [text, unit] of Object.entries({ ...facts.unitTexts, ...facts.boardTexts })) {
      const found = r.units.find((u) => foldKey(u.text) === foldKey(text));
      expect(found?.unitName, text).toBe(unit);
    }
  });

  it('matches the people the region has and lists the new ones to add', () => {
    const newOnes = r.people.filter((p) => p.reading === 'name' && !p.personId).map((p) => p.text);
    expect(new Set(newOnes)).toEqual(new Set(facts.newPeople));
    for (const p of people)
      expect(r.people.find((x) => x.text === p.name || x.text === p.email)?.personId).toBe(p.id);
  });

  it('never saves in mode=all while a value cannot be read, and says so for every row', async () => {
    const res = await check(tenant.admin, file, 'mode=all');
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body) as { detail: string };
    expect(body.detail).toContain(String(r.blocking));
    expect(json<{ total: number }>(await tenant.admin.get('/api/systems')).total).toBe(0);
  });
});

describe('a messy register imported partially', () => {
  let r: Result;
  let problemTotal: number;
  beforeAll(async () => {
    const res = await check(tenant.admin, file, 'mode=partial');
    r = json<Result>(res);
    problemTotal = json<{ total: number }>(await tenant.admin.get('/api/systems/problems')).total;
  }, 300_000);

  it('saves every system, with each unread value kept as a to-do on its system', async () => {
    expect(r.saved).toBe(true);
    expect(r.created).toBe(facts.systems);
    expect(json<{ total: number }>(await tenant.admin.get('/api/systems')).total).toBe(
      facts.systems,
    );
    const flagged = json<{ total: number }>(
      await tenant.admin.get('/api/systems?flag=import_problems'),
    );
    expect(flagged.total).toBe(r.withProblems);
    expect(problemTotal).toBe(r.recorded);
    expect(r.recorded).toBeGreaterThan(facts.unreadCells); // unread cells, and unknown people and units
  });

  it('stores no placeholder as an owner, and no default for a category it could not read', async () => {
    type S = { category: string | null; ownerPersonName: string | null; ownerRole: string | null };
    const items: S[] = [];
    for (let offset = 0; offset < facts.systems; offset += 200)
      items.push(
        ...json<{ items: S[] }>(await tenant.admin.get(`/api/systems?limit=200&offset=${offset}`))
          .items,
      );
    expect(items).toHaveLength(facts.systems);
    const placeholders = ['vakant', 'saknas', '?', 'tbd', 'ej utsedd'];
    for (const s of items) {
      expect(placeholders).not.toContain((s.ownerPersonName ?? '').toLowerCase());
      expect(placeholders).not.toContain((s.ownerRole ?? '').toLowerCase());
    }
    expect(items.filter((s) => s.ownerRole).length).toBe(facts.owners.role);
    const unknownCategory = items.filter((s) => s.category === null).length;
    expect(unknownCategory).toBe(
      facts.byCategory.blank + facts.byCategory.unread + facts.byCategory.unknown,
    );
  });

  it('fixing a value on the system page fixes its problem, and the count falls', async () => {
    const list = json<{ items: { id: string; systemId: string; field: string }[] }>(
      await tenant.admin.get('/api/systems/problems?field=category'),
    );
    const p = list.items[0]!;
    const sys = json<{ version: number; openProblems: number }>(
      await tenant.admin.get(`/api/systems/${p.systemId}`),
    );
    const fixed = json<{ openProblems: number; flags: string[] }>(
      await tenant.admin.patch(`/api/systems/${p.systemId}`, {
        version: sys.version,
        category: 'support',
      }),
    );
    expect(fixed.openProblems).toBe(sys.openProblems - 1);
    expect(json<{ total: number }>(await tenant.admin.get('/api/systems/problems')).total).toBe(
      problemTotal - 1,
    );
    const history = json<{ items: { field: string; resolution: string | null }[] }>(
      await tenant.admin.get(`/api/systems/${p.systemId}/problems?all=true`),
    );
    expect(history.items.find((x) => x.field === 'category')?.resolution).toBe('fixed');
  });

  it('a person dismisses a problem; a stale version is a 409; a dismissed one cannot be again', async () => {
    const list = json<{ items: { id: string; systemId: string; version: number }[] }>(
      await tenant.admin.get('/api/systems/problems?limit=1'),
    );
    const p = list.items[0]!;
    const url = `/api/systems/${p.systemId}/problems/${p.id}/dismiss`;
    expect((await tenant.admin.post(url, { version: p.version + 5 })).statusCode).toBe(409);
    expect(
      json<{ resolution: string }>(await tenant.admin.post(url, { version: p.version })).resolution,
    ).toBe('dismissed');
    expect((await tenant.admin.post(url, { version: p.version + 1 })).statusCode).toBe(400);
    const reader = await aUserWith(env, tenant, 'reader');
    const other = json<{ items: { id: string; systemId: string; version: number }[] }>(
      await tenant.admin.get('/api/systems/problems?limit=1'),
    ).items[0]!;
    expect(
      (
        await reader.post(`/api/systems/${other.systemId}/problems/${other.id}/dismiss`, {
          version: other.version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('importing the same file again creates nothing and records no problem twice', async () => {
    const before = json<{ total: number }>(await tenant.admin.get('/api/systems/problems')).total;
    const again = json<Result>(await check(tenant.admin, file, 'mode=partial'));
    expect(again.created).toBe(0);
    expect(json<{ total: number }>(await tenant.admin.get('/api/systems')).total).toBe(
      facts.systems,
    );
    expect(json<{ total: number }>(await tenant.admin.get('/api/systems/problems')).total).toBe(
      before,
    );
  }, 300_000);

  it('its own export imports back all-or-nothing with no change and no new to-do', async () => {
    const exported = await tenant.admin.get('/api/systems?format=xlsx');
    const back = json<Result>(
      await check(tenant.admin, exported.rawPayload, 'dryRun=true&mode=all'),
    );
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: facts.systems, recorded: 0 });
    expect(back.blocking).toBe(0);
  }, 120_000);

  it('lists the complete problem list as an Excel file with the original rows', async () => {
    const res = await upload(tenant.admin, '/api/systems/import/problems.xlsx?mode=partial', file);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Rad');
    expect(ws.rowCount).toBeGreaterThan(200);
    const page = json<{ total: number; items: unknown[] }>(
      await tenant.admin.get('/api/systems/problems?limit=50&offset=50'),
    );
    expect(page.items).toHaveLength(50);
  });
});

describe('choices a region makes once', () => {
  let t: Tenant;
  let hsf: { id: string };
  let rs: { id: string };
  const book = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Förteckning');
    ws.addRow(['Systemförteckning 2026']);
    ws.addRow([]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  beforeAll(async () => {
    t = await aTenant(env, 'Val');
    hsf = await aUnit(t.admin, t.rootUnitId, {
      name: 'Hälso- och sjukvårdsförvaltningen',
      kind: 'administration',
    });
    rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionservice', kind: 'administration' });
  });

  it('adds the owners the user chose to add, maps an unknown administration and remembers both', async () => {
    const file = await book([
      ['Sysnamn', 'Förvaltning', 'Systemägare', 'Kategori', 'Status'],
      ['Vårdplan', 'Sjukvården', 'Sandström, Maja', 'Kritiskt', 'Aktiv'],
      ['Hyrbil', 'Regionservice', 'Maja Sandström', 'Stöd', 'Produktion'],
    ]);
    const first = json<Result>(await check(t.admin, file));
    expect(first.columns.find((c) => c.heading === 'Sysnamn')?.field).toBeNull();
    const choices = {
      columns: { Sysnamn: 'name' },
      units: { Sjukvården: hsf.id },
      people: { 'Maja Sandström': { name: 'Maja Sandström', email: `maja-${t.tag}@test.example` } },
    };
    const checked = json<Result>(await check(t.admin, file, undefined, choices));
    expect(checked.created).toBe(2);
    expect(checked.units.find((u) => u.text === 'Sjukvården')?.unitId).toBe(hsf.id);
    const saved = json<Result>(await check(t.admin, file, 'mode=all', choices));
    expect(saved.saved).toBe(true);
    const systems = json<{
      items: { name: string; ownerUnitId: string; ownerPersonName: string; category: string }[];
    }>(await t.admin.get('/api/systems'));
    expect(systems.items).toEqual([
      expect.objectContaining({
        name: 'Hyrbil',
        ownerUnitId: rs.id,
        ownerPersonName: 'Maja Sandström',
        category: 'support',
      }),
      expect.objectContaining({
        name: 'Vårdplan',
        ownerUnitId: hsf.id,
        ownerPersonName: 'Maja Sandström',
        category: 'core',
      }),
    ]);
    const persons = json<{ total: number }>(await t.admin.get('/api/persons?q=Sandström'));
    expect(persons.total).toBe(1);
    // Next time the same file is read with the choices it was given, without being told again.
    const again = json<Result>(await check(t.admin, file));
    expect(again.columns.find((c) => c.heading === 'Sysnamn')).toMatchObject({
      field: 'name',
      how: 'remembered',
    });
    expect(again.units.find((u) => u.text === 'Sjukvården')).toMatchObject({
      unitId: hsf.id,
      how: 'remembered',
    });
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('merges the same system in two administrations into one with both as users, or keeps both if told', async () => {
    const file = await book([
      ['Namn', 'Förvaltning', 'Alias', 'Kategori', 'Status'],
      ['Cosmos', 'Hälso- och sjukvårdsförvaltningen', 'CS', 'Kritiskt', 'I drift'],
      ['COSMOS ', 'Regionservice', 'Cosmos journal', 'Kritiskt', 'I drift'],
    ]);
    const merged = json<Result>(await check(t.admin, file));
    expect(merged.duplicates).toHaveLength(1);
    expect(merged).toMatchObject({ created: 1, merged: 1 });
    const both = json<Result>(
      await check(t.admin, file, undefined, {
        duplicates: { [merged.duplicates[0]!.key]: 'both' },
      }),
    );
    expect(both).toMatchObject({ created: 2, merged: 0 });
    json(await check(t.admin, file, 'mode=partial'));
    const cosmos = json<{
      items: { aliases: string[]; ownerUnitId: string; userUnitIds: string[] }[];
    }>(await t.admin.get('/api/systems?q=cosmos'));
    expect(cosmos.items).toHaveLength(1);
    expect(cosmos.items[0]!.ownerUnitId).toBe(hsf.id);
    expect(new Set(cosmos.items[0]!.userUnitIds)).toEqual(new Set([hsf.id, rs.id]));
    expect(new Set(cosmos.items[0]!.aliases)).toEqual(new Set(['CS', 'Cosmos journal']));
    // A near duplicate of a registered system is that system, not a new one.
    const near = json<Result>(
      await check(
        t.admin,
        await book([
          ['Namn', 'Leverantör'],
          ['cosmos', 'Cambio'],
        ]),
      ),
    );
    expect(near).toMatchObject({ created: 0, updated: 1 });
  });

  it('keeps a contract from the register: number, Swedish end date, notice, or open-ended', async () => {
    const file = await book([
      ['Namn', 'Avtalsnummer', 'Avtalets slutdatum', 'Uppsägningstid', 'Förlängningsoption'],
      ['Avtalat', 'AVT-17', 'mars 2027', '6 mån', '1+1 år'],
      ['Löpande', '', 'tillsvidare', '3 månader', ''],
    ]);
    json(await check(t.admin, file, 'mode=all'));
    const contractsOf = async (name: string) => {
      const s = json<{ items: { id: string }[] }>(await t.admin.get(`/api/systems?q=${name}`))
        .items[0]!;
      return json<{ items: Record<string, unknown>[] }>(
        await t.admin.get(`/api/systems/${s.id}/contracts`),
      ).items;
    };
    expect(await contractsOf('Avtalat')).toEqual([
      expect.objectContaining({
        contractRef: 'AVT-17',
        endsOn: '2027-03-31',
        noticeMonths: 6,
        extensionOptions: '1+1 år',
      }),
    ]);
    expect(await contractsOf('Löpande')).toEqual([
      expect.objectContaining({ contractRef: null, endsOn: null, noticeMonths: 3 }),
    ]);
    expect(json<Result>(await check(t.admin, file))).toMatchObject({ updated: 0, unchanged: 2 });
  });

  it('a later file that reads an unread value fixes its to-do; a file without the column fixes nothing', async () => {
    const unread = await book([
      ['Namn', 'Kategori', 'Status'],
      ['Oklar', '?', 'hmm'],
    ]);
    json(await check(t.admin, unread, 'mode=partial'));
    const s = json<{ items: { id: string; openProblems: number }[] }>(
      await t.admin.get('/api/systems?q=Oklar'),
    ).items[0]!;
    expect(s.openProblems).toBe(2);
    json(
      await check(
        t.admin,
        await book([
          ['Namn', 'Leverantör'],
          ['Oklar', 'X AB'],
        ]),
        'mode=all',
      ),
    );
    expect(json<{ openProblems: number }>(await t.admin.get(`/api/systems/${s.id}`))).toMatchObject(
      {
        openProblems: 2,
      },
    );
    json(
      await check(
        t.admin,
        await book([
          ['Namn', 'Kategori'],
          ['Oklar', 'Stöd'],
        ]),
        'mode=all',
      ),
    );
    const after = json<{ items: { field: string; resolution: string | null }[] }>(
      await t.admin.get(`/api/systems/${s.id}/problems?all=true`),
    );
    expect(after.items.map((p) => [p.field, p.resolution]).sort()).toEqual([
      ['category', 'fixed'],
      ['lifecycle', null],
    ]);
  });

  it('reads amounts under a heading in thousands as thousands, unless the cell names its unit', async () => {
    const file = await book([
      ['Namn', 'Licenskostnad (tkr)', 'Driftkostnad'],
      ['Tusental', '450', 'ca 1,2 mkr'],
      ['Egen enhet', '1,5 mkr', '12 500'],
    ]);
    json(await check(t.admin, file, 'mode=all'));
    const costs = json<{
      items: { name: string; costLicence: number; costOperation: number; approximate: string[] }[];
    }>(await t.admin.get('/api/systems?q=e'));
    const of = (name: string) => costs.items.find((x) => x.name === name)!;
    expect(of('Tusental')).toMatchObject({
      costLicence: 450_000,
      costOperation: 1_200_000,
      approximate: ['costOperation'],
    });
    expect(of('Egen enhet')).toMatchObject({ costLicence: 1_500_000, costOperation: 12_500 });
  });

  it('notes (a total that is not its parts, merged rows that differ) never stop all-or-nothing', async () => {
    json(
      await t.admin.post('/api/persons', {
        name: 'Kalle Berggren',
        email: `kb-${t.tag}@test.example`,
      }),
    );
    const file = await book([
      [
        'Namn',
        'Licenskostnad (tkr)',
        'Total årskostnad',
        'Kommentar',
        'Leverantör',
        'Avtalets slutdatum',
        'Systemägare',
        'K/R/T',
      ],
      [
        'Kassasystem',
        '4500',
        'ca 12 mkr',
        'från ekonomi',
        'Lev AB',
        '2027-01-31',
        'Kalle Bergren',
        '3/3/2',
      ],
      ['KASSASYSTEM', '', '', 'dubblett', '', '', '', ''],
      ['Utan kostnad', '', '', '', '', '', '', ''],
    ]);
    const checked = json<Result>(await check(t.admin, file));
    expect(checked.blocking).toBe(1); // only the owner no one is called
    const conflict = checked.problems.find((p) => p.row === 5)!;
    expect(conflict).toMatchObject({ field: 'comment', heading: 'Kommentar' });
    expect(conflict.message).toBe(
      'Kommentar: rad 5 anger "dubblett", som skiljer sig från rad 4 (raderna slogs ihop).',
    );
    const total = checked.problems.find((p) => p.field === 'costTotal')!;
    expect(total.message).toMatch(/\(4\s500\s000\)/);
    const kalle = checked.people.find((p) => p.text === 'Kalle Bergren') as unknown as {
      suggestions: { name: string }[];
    };
    expect(kalle.suggestions.map((x) => x.name)).toEqual(['Kalle Berggren']);
    json(await check(t.admin, file, 'mode=all', { people: { 'Kalle Bergren': '' } }));
    type S = { id: string; costTotal: number | null; costLicence: number | null } & Record<
      string,
      unknown
    >;
    const one = async (name: string) =>
      json<{ items: S[] }>(await t.admin.get(`/api/systems?q=${encodeURIComponent(name)}`))
        .items[0]!;
    const kassa = await one('Kassasystem');
    expect(kassa).toMatchObject({
      costLicence: 4_500_000,
      costTotal: 12_000_000,
      classifiedOn: null, // the file gives no date: unknown, not the import day
      confidentiality: 3,
    });
    expect((await one('Utan kostnad')).costTotal).toBeNull();
    const contracts = json<{ items: { supplierName: string | null }[] }>(
      await t.admin.get(`/api/systems/${kassa.id}/contracts`),
    );
    expect(contracts.items).toEqual([expect.objectContaining({ supplierName: 'Lev AB' })]);
  });

  it('a remembered column choice never switches off a column whose own heading names the field', async () => {
    const first = await book([
      ['Namn', 'Kommentar'],
      ['Minne', 'Journal för tandvården'],
    ]);
    json(await check(t.admin, first, 'mode=all', { columns: { Kommentar: 'description' } }));
    const next = await book([
      ['Namn', 'Beskrivning', 'Kommentar'],
      ['Minne', 'Journal för tandvården', 'byts 2027'],
    ]);
    const r = json<Result>(await check(t.admin, next));
    expect(r.columns.map((c) => [c.heading, c.field, c.how])).toEqual([
      ['Namn', 'name', 'heading'],
      ['Beskrivning', 'description', 'heading'],
      ['Kommentar', 'comment', 'heading'],
    ]);
  });

  it('an editor of one administration imports its rows and not another’s', async () => {
    const editor = await aUserWith(env, t, 'editor', rs.id);
    const file = await book([
      ['Namn', 'Förvaltning'],
      ['Egen', 'Regionservice'],
      ['Annans', 'Hälso- och sjukvårdsförvaltningen'],
    ]);
    const res = json<Result>(await check(editor, file, 'mode=partial'));
    expect(res).toMatchObject({ created: 1, notImported: 1 });
    expect(res.problems.find((p) => p.row === 5)?.message).toContain(
      'Hälso- och sjukvårdsförvaltningen',
    );
    expect((await check(editor, file, 'mode=all')).statusCode).toBe(400);
  });
});
