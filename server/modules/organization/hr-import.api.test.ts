import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { aTenant, aUserWith, json, testEnv, type Client, type TestEnv } from '../../test/helper.js';

// An HR export as regions have them: a title above the headings, a sum at the bottom, Swedish
// words for kinds, parents listed after their children, first and last names in two columns,
// CSV with semicolons in Windows-1252. Units are found by code, people by e-mail.
let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

const upload = (c: Client, data: Buffer, dryRun: boolean, filename = 'hr.xlsx') => {
  const b = 'hrimp';
  const type = filename.endsWith('.csv')
    ? 'text/csv'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return env.app.inject({
    method: 'POST',
    url: `/api/organisation/import?dryRun=${dryRun}`,
    payload,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': `multipart/form-data; boundary=${b}`,
    },
  });
};

async function workbook(sheets: Record<string, (string | number)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Result = {
  saved: boolean;
  units: {
    created: number;
    updated: number;
    unchanged: number;
    preview: { row: number; code: string; action: string }[];
    missing: { code: string; name: string }[];
  } | null;
  people: {
    created: number;
    updated: number;
    unchanged: number;
    missing: { email: string }[];
  } | null;
};
type UnitItem = {
  id: string;
  name: string;
  code: string | null;
  parentId: string | null;
  kind: string;
};

const unitSheet = [
  ['Organisationsregister 2026-11-30', '', '', ''],
  ['', '', '', ''],
  ['Kostnadsställe', 'Benämning', 'Överordnad', 'Nivå'],
  ['1100', 'Vårdcentralen Norr', '1010', 'enhet'],
  ['1010', 'Primärvårdsavdelningen', '1000', 'Avdelning'],
  ['1000', 'Hälso- och sjukvårdsförvaltningen', '0100', 'förvaltning'],
  ['0100', 'Hälso- och sjukvårdsnämnden', '', 'Nämnd'],
  ['0200', 'Regionstyrelsen', '', 'regionstyrelse'],
  ['Summa', '', '', '5'],
];
const peopleSheet = [
  ['Förnamn', 'Efternamn', 'E-post', 'Kostnadsställe', 'Befattning'],
  ['Åsa', 'Öberg', 'Asa.Oberg@region.example', '1100', 'Verksamhetschef'],
  ['Per', 'Lind', 'per.lind@region.example', 'Regionstyrelsen', 'Regiondirektör'],
  ['Totalt', '2', '', '', ''],
];

describe('importing the organisation and its people from an HR export', () => {
  it('previews, then creates the tree in its order and the people in their units; the same file again changes nothing', async () => {
    const t = await aTenant(env, 'HR');
    const file = await workbook({ Enheter: unitSheet, Personer: peopleSheet });
    const preview = json<Result>(await upload(t.admin, file, true));
    expect(preview).toMatchObject({
      saved: false,
      units: { created: 5, updated: 0 },
      people: { created: 2 },
    });
    // Parents come before children, whatever the file's order.
    expect(preview.units!.preview.map((p) => p.code)).toEqual([
      '0100',
      '1000',
      '1010',
      '1100',
      '0200',
    ]);
    expect(json<{ total: number }>(await t.admin.get('/api/units?limit=1')).total).toBe(1);

    expect(json<Result>(await upload(t.admin, file, false))).toMatchObject({ saved: true });
    const units = json<{ items: UnitItem[] }>(await t.admin.get('/api/units?limit=200')).items;
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('1100')).toMatchObject({ name: 'Vårdcentralen Norr', kind: 'unit' });
    expect(byCode.get('1100')!.parentId).toBe(byCode.get('1010')!.id);
    expect(byCode.get('0100')).toMatchObject({ kind: 'board', parentId: t.rootUnitId });
    expect(byCode.get('0200')).toMatchObject({ kind: 'regional_board' });
    expect(units.some((u) => /summa/i.test(u.name))).toBe(false);

    const people = json<{
      items: { name: string; email: string; unitId: string; title: string }[];
    }>(await t.admin.get('/api/persons?limit=200')).items;
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Åsa Öberg',
          email: 'asa.oberg@region.example',
          unitId: byCode.get('1100')!.id,
          title: 'Verksamhetschef',
        }),
        // A unit named instead of coded is found when only one unit has the name.
        expect.objectContaining({ name: 'Per Lind', unitId: byCode.get('0200')!.id }),
      ]),
    );
    const again = json<Result>(await upload(t.admin, file, false));
    expect(again.units).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(again.people).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const events = json<{ items: { action: string }[]; total: number }>(
      await t.admin.get(`/api/audit-trail?entityId=${byCode.get('1100')!.id}`),
    );
    expect(events.items.map((e) => e.action)).toEqual(['create']);
  });

  it('a later file moves and renames by code, and lists what it no longer has without archiving it', async () => {
    const t = await aTenant(env, 'HR senare');
    await upload(t.admin, await workbook({ Enheter: unitSheet }), false);
    const later = await workbook({
      Enheter: [
        ['Enhetskod', 'Namn', 'Överordnad kod', 'Typ'],
        ['0100', 'Hälso- och sjukvårdsnämnden', '', 'nämnd'],
        ['1000', 'Hälso- och sjukvårdsförvaltningen', '0100', 'förvaltning'],
        ['1010', 'Avdelningen för nära vård', '1000', 'avdelning'],
        // The health centre now sits directly under the administration.
        ['1100', 'Vårdcentralen Norr', '1000', 'enhet'],
      ],
    });
    const res = json<Result>(await upload(t.admin, later, false));
    expect(res.units).toMatchObject({ created: 0, updated: 2, unchanged: 2 });
    expect(res.units!.missing).toEqual([
      expect.objectContaining({ code: '0200', name: 'Regionstyrelsen' }),
    ]);
    const units = json<{ items: UnitItem[] }>(await t.admin.get('/api/units?limit=200')).items;
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('1010')!.name).toBe('Avdelningen för nära vård');
    expect(byCode.get('1100')!.parentId).toBe(byCode.get('1000')!.id);
    expect(byCode.get('0200')).toBeDefined(); // listed, not archived
  });

  it('reads a semicolon CSV in Windows-1252, as Excel saves it in Sweden', async () => {
    const t = await aTenant(env, 'HR csv');
    const csv = [
      'Enhetskod;Namn;Överordnad kod;Typ',
      '10;Kulturnämnden;;nämnd',
      '11;"Kultur; bibliotek och arkiv";10;förvaltning',
    ].join('\r\n');
    const latin1 = Buffer.from(csv, 'latin1');
    const res = json<Result>(await upload(t.admin, latin1, false, 'enheter.csv'));
    expect(res.units).toMatchObject({ created: 2 });
    const names = json<{ items: UnitItem[] }>(await t.admin.get('/api/units?limit=200')).items.map(
      (u) => u.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Kulturnämnden', 'Kultur; bibliotek och arkiv']));
  });

  it('refuses a file with a message per wrong row, in Swedish, and saves nothing', async () => {
    const t = await aTenant(env, 'HR fel');
    const file = await workbook({
      Enheter: [
        ['Enhetskod', 'Namn', 'Överordnad kod', 'Typ'],
        ['A', 'Enhet A', 'B', 'enhet'],
        ['B', 'Enhet B', 'A', 'enhet'],
        ['C', 'Enhet C', 'ZZZ', 'enhet'],
        ['D', 'Enhet D', '', 'byrå'],
        ['D', 'Enhet D igen', '', 'enhet'],
        ['E', 'x'.repeat(250), '', 'enhet'],
        ['', 'Utan kod', '', 'enhet'],
      ],
      Personer: [
        ['Namn', 'E-post', 'Enhet'],
        ['Kim', 'kim@region.example', 'Finns inte'],
        ['Kim igen', 'KIM@region.example', 'A'],
      ],
    });
    const res = await upload(t.admin, file, true);
    expect(res.statusCode).toBe(400);
    const messages = res.json<{ errors: { message: string }[] }>().errors.map((e) => e.message);
    const expected = [
      /Rad 2: .*slinga \(A → B\)|Rad 3: .*slinga/,
      /Rad 4: den överordnade enhetskoden ZZZ finns varken i filen eller i Styrbord/,
      /Rad 5: typen "byrå" är okänd/,
      /Rad 6: enhetskoden D finns redan på rad 5/,
      /Rad 7, Namn: Högst 200 tecken/,
      /Rad 8: enhetskod saknas \(Utan kod\)/,
      /Rad 2: enheten "Finns inte" finns varken i filen eller i Styrbord/,
      /Rad 3: e-postadressen kim@region.example finns redan på rad 2/,
    ];
    for (const re of expected)
      expect(
        messages.some((m) => re.test(m)),
        String(re),
      ).toBe(true);
    // Each sheet's problems apart and in row order.
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    const firstPeople = paths.findIndex((p) => p.startsWith('Personer.'));
    expect(firstPeople).toBeGreaterThan(0);
    expect(paths.slice(0, firstPeople).every((p) => p.startsWith('Enheter.'))).toBe(true);
    expect(paths.slice(firstPeople).every((p) => p.startsWith('Personer.'))).toBe(true);
    expect(json<{ total: number }>(await t.admin.get('/api/units?limit=1')).total).toBe(1);
  });

  it('refuses a file it cannot read or whose headings it does not know, and anyone but an administrator of the whole organisation', async () => {
    const t = await aTenant(env, 'HR behörighet');
    const garbage = await upload(t.admin, Buffer.from([0, 1, 2, 3, 0, 0]), true, 'x.csv');
    expect(garbage.statusCode).toBe(400);
    const unknown = await upload(
      t.admin,
      await workbook({
        Blad: [
          ['Färg', 'Form'],
          ['röd', 'rund'],
        ],
      }),
      true,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toContain('Enhetskod och Namn');
    const reader = await aUserWith(env, t, 'reader');
    expect((await upload(reader, await workbook({ Enheter: unitSheet }), true)).statusCode).toBe(
      403,
    );
    const tpl = await t.admin.get('/api/organisation/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const fromTemplate = json<Result>(await upload(t.admin, tpl.rawPayload, true));
    expect(fromTemplate.units?.created).toBe(3);
    expect(fromTemplate.people?.created).toBe(1);
  });
});
