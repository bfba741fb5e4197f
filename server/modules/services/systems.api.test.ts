import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  type Client,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { prepareImport } from './import.js';

let env: TestEnv;
let tenant: Tenant;
let hsf: { id: string };
let owner: { id: string };
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  tenant = await aTenant(env);
  hsf = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Hälso- och sjukvårdsförvaltningen',
    kind: 'administration',
    shortName: 'HSF',
  });
  owner = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: 'Olle Ägare',
      email: `olle-${tenant.tag}@test.example`,
      unitId: hsf.id,
    }),
  );
});
afterAll(() => env.close());

type Sys = {
  id: string;
  version: number;
  flags: string[];
  classifiedOn: string | null;
  nextContractEndOn: string | null;
  costTotal: number;
};
const aSystem = (c: Client, over: Record<string, unknown> = {}) =>
  c.post('/api/systems', {
    name: `System ${Math.random().toString(36).slice(2, 7)}`,
    category: 'core',
    lifecycle: 'operating',
    ownerUnitId: hsf.id,
    ...over,
  });

describe('the IT-system register', () => {
  it('flags ownership and classification gaps, and records who classified and when', async () => {
    const s = json<Sys>(
      await aSystem(tenant.admin, {
        name: 'Journalsystemet',
        costLicence: 1_000_000,
        costOperation: 250_000,
      }),
    );
    expect(s.flags).toEqual(['no_owner', 'no_manager', 'no_classification']);
    expect(s.costTotal).toBe(1_250_000);
    const fixed = json<Sys>(
      await tenant.admin.patch(`/api/systems/${s.id}`, {
        version: s.version,
        ownerPersonId: owner.id,
        managerPersonId: owner.id,
        confidentiality: 3,
        integrity: 3,
        availability: 3,
      }),
    );
    expect(fixed.flags).toEqual([]);
    expect(fixed.classifiedOn).toBe('2026-03-15');
    const ext = json<Sys>(
      await aSystem(tenant.admin, {
        ownerExternalName: 'Leverantören AB',
        managerPersonId: owner.id,
        confidentiality: 1,
        integrity: 1,
        availability: 1,
      }),
    );
    expect(ext.flags).toEqual(['owner_external']);
  });

  it('flags personal data without a processing agreement or DPIA', async () => {
    const s = json<Sys>(
      await aSystem(tenant.admin, {
        ownerPersonId: owner.id,
        managerPersonId: owner.id,
        confidentiality: 3,
        integrity: 2,
        availability: 2,
        personalData: true,
        dpiaStatus: 'needed',
      }),
    );
    expect(s.flags).toEqual(['personal_data_no_dpa', 'personal_data_no_dpia']);
  });

  it('contracts: ending soon, expired while in operation, and still running after phase-out', async () => {
    const base = {
      ownerPersonId: owner.id,
      managerPersonId: owner.id,
      confidentiality: 2,
      integrity: 2,
      availability: 2,
    };
    const s = json<Sys>(await aSystem(tenant.admin, base));
    json(
      await tenant.admin.post('/api/contracts', {
        systemId: s.id,
        contractRef: 'AVT-2021-17',
        supplierName: 'Systemhuset',
        startsOn: '2021-07-01',
        endsOn: '2027-06-30',
        noticeMonths: 9,
      }),
    );
    const got = json<Sys>(await tenant.admin.get(`/api/systems/${s.id}`));
    expect(got.flags).toEqual(['contract_ending']);
    expect(got.nextContractEndOn).toBe('2027-06-30');
    const old = json<Sys>(await aSystem(tenant.admin, base));
    json(
      await tenant.admin.post('/api/contracts', {
        systemId: old.id,
        contractRef: 'AVT-2015-3',
        endsOn: '2025-12-31',
      }),
    );
    expect(json<Sys>(await tenant.admin.get(`/api/systems/${old.id}`)).flags).toEqual([
      'contract_expired',
    ]);
    const gone = json<Sys>(await aSystem(tenant.admin, { ...base, lifecycle: 'phased_out' }));
    json(
      await tenant.admin.post('/api/contracts', {
        systemId: gone.id,
        contractRef: 'AVT-2024-9',
        endsOn: '2028-12-31',
      }),
    );
    expect(json<Sys>(await tenant.admin.get(`/api/systems/${gone.id}`)).flags).toEqual([
      'phased_out_with_contract',
    ]);
    expect(
      (
        await tenant.admin.post('/api/contracts', {
          systemId: s.id,
          contractRef: 'X',
          startsOn: '2026-01-01',
          endsOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(400);
    const listed = json<{ items: { id: string }[] }>(
      await tenant.admin.get('/api/systems?flag=contract_expired'),
    );
    expect(listed.items.map((x) => x.id)).toEqual([old.id]);
  });

  it('finds likely duplicates: one capability, systems of several units', async () => {
    const t = await aTenant(env, 'Dubbletter');
    const a = await aUnit(t.admin, t.rootUnitId, { name: 'A' });
    const b = await aUnit(t.admin, t.rootUnitId, { name: 'B' });
    json(
      await t.admin.post('/api/systems', {
        name: 'Bokning A',
        category: 'support',
        lifecycle: 'operating',
        ownerUnitId: a.id,
        capabilities: ['Tidbokning'],
      }),
    );
    json(
      await t.admin.post('/api/systems', {
        name: 'Bokning B',
        category: 'support',
        lifecycle: 'operating',
        ownerUnitId: b.id,
        capabilities: ['tidbokning'],
      }),
    );
    const d = json<{ items: { capability: string; systems: { name: string }[] }[] }>(
      await t.admin.get('/api/systems/duplicates'),
    );
    expect(d.items).toEqual([
      {
        capability: 'tidbokning',
        systems: [
          expect.objectContaining({ name: 'Bokning A' }),
          expect.objectContaining({ name: 'Bokning B' }),
        ],
      },
    ]);
  });

  it('an editor registers systems for their own units only; another tenant sees none of them', async () => {
    const other = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Kulturförvaltningen' });
    const editor = await aUserWith(env, tenant, 'editor', hsf.id);
    expect((await aSystem(editor)).statusCode).toBe(201);
    expect((await aSystem(editor, { ownerUnitId: other.id })).statusCode).toBe(403);
    const stranger = await aTenant(env, 'Annan region');
    expect(json<{ total: number }>(await stranger.admin.get('/api/systems')).total).toBe(0);
  });
});

describe('a system’s references', () => {
  it('come with their names: technical contact, contract holder, units using it', async () => {
    const sys = json<{
      technicalContactName: string | null;
      contractHolderUnitName: string | null;
      userUnits: { id: string; name: string }[];
    }>(
      await tenant.admin.post('/api/systems', {
        name: 'Namngivet system',
        category: 'support',
        lifecycle: 'operating',
        technicalContactId: owner.id,
        contractHolderUnitId: hsf.id,
        userUnitIds: [hsf.id],
      }),
    );
    expect(sys).toMatchObject({
      technicalContactName: 'Olle Ägare',
      contractHolderUnitName: 'Hälso- och sjukvårdsförvaltningen',
      userUnits: [{ id: hsf.id, name: 'Hälso- och sjukvårdsförvaltningen' }],
    });
  });
});

describe('importing a region’s spreadsheet', () => {
  const upload = (
    c: Client,
    buf: Buffer,
    dryRun = false,
    mapping?: Record<string, string>,
    extra: { url?: string; accept?: string } = {},
  ) => {
    const b = 'sysimp';
    const parts = [
      ...(mapping
        ? [
            Buffer.from(
              `--${b}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`,
            ),
          ]
        : []),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="register.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      buf,
      Buffer.from(`\r\n--${b}--\r\n`),
    ];
    return env.app.inject({
      method: 'POST',
      url: extra.url ?? `/api/systems/import?dryRun=${dryRun}`,
      payload: Buffer.concat(parts),
      headers: {
        cookie: c.cookie,
        'x-csrf-token': c.csrf,
        'content-type': `multipart/form-data; boundary=${b}`,
        ...(extra.accept ? { accept: extra.accept } : {}),
      },
    });
  };
  const sheet = async (headers: string[], rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('imports 1 000 rows, and importing the same file again changes nothing', async () => {
    const t = await aTenant(env, 'Tusen');
    await aUnit(t.admin, t.rootUnitId, { name: 'Regionservice', shortName: 'RSE' });
    const rows = Array.from({ length: 1000 }, (_, i) => [
      `System ${i}`,
      i % 3 === 0 ? 'verksamhetskritisk' : 'verksamhetsstödjande',
      'i drift',
      'RSE',
      `förmåga ${i % 40}`,
      i % 5,
      2,
      2,
      i % 2 ? 'ja' : 'nej',
    ]);
    const file = await sheet(
      [
        'Systemnamn',
        'Kategori',
        'Status',
        'Förvaltning',
        'Förmågor',
        'K',
        'R',
        'T',
        'Personuppgifter',
      ],
      rows,
    );
    const preview = json<{ created: number; saved: boolean }>(await upload(t.admin, file, true));
    expect(preview).toMatchObject({ created: 1000, saved: false });
    expect(json<{ total: number }>(await t.admin.get('/api/systems')).total).toBe(0);
    expect(json(await upload(t.admin, file))).toMatchObject({
      rows: 1000,
      created: 1000,
      updated: 0,
      unchanged: 0,
      saved: true,
    });
    expect(json<{ total: number }>(await t.admin.get('/api/systems')).total).toBe(1000);
    expect(json(await upload(t.admin, file))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1000,
    });
  }, 120_000);

  it('shows how each heading is read, takes a mapping that skips a column, and streams progress while saving', async () => {
    const t = await aTenant(env, 'Förlopp');
    const rows = Array.from({ length: 60 }, (_, i) => [
      `App ${i}`,
      `Kommentar ${i}`,
      'Leverantör AB',
    ]);
    const file = await sheet(['Applikation', 'Kommentar', 'Leverantör'], rows);
    const cols = json<{
      columns: { heading: string; field: string | null }[];
      rows: number;
      fields: { field: string }[];
    }>(await upload(t.admin, file, false, undefined, { url: '/api/systems/import/columns' }));
    expect(cols.columns.map(({ heading, field }) => ({ heading, field }))).toEqual([
      { heading: 'Applikation', field: 'name' },
      { heading: 'Kommentar', field: 'comment' },
      { heading: 'Leverantör', field: 'supplier' },
    ]);
    expect(cols.rows).toBe(60);
    expect(cols.fields.map((f) => f.field)).toContain('description');
    const bad = await upload(t.admin, file, true, { Applikation: 'lösenord' });
    expect(bad.statusCode).toBe(400);
    const res = await upload(
      t.admin,
      file,
      false,
      { Applikation: 'name', Leverantör: '' },
      { accept: 'application/x-ndjson' },
    );
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            progress?: { done: number; total: number };
            result?: { created: number };
          },
      );
    expect(lines.filter((l) => l.progress).map((l) => l.progress!.done)).toEqual([25, 50, 60]);
    expect(lines.at(-1)?.result?.created).toBe(60);
    const saved = json<{ items: { supplierName: string | null }[]; total: number }>(
      await t.admin.get('/api/systems?limit=1'),
    );
    expect(saved.total).toBe(60);
    expect(saved.items[0]?.supplierName).toBeNull(); // the skipped column was not read
  });

  it('a rejected import saves nothing and says what is wrong on which row, in Swedish', async () => {
    const t = await aTenant(env, 'Fel');
    const file = await sheet(
      ['Namn', 'Kategori', 'Ägande enhet', 'Systemägare (e-post)', 'Konfidentialitet'],
      [
        ['Bra system', 'verksamhetskritisk', '', '', 2],
        ['Konstig kategori', 'viktig', '', '', 2],
        ['Okänd enhet', 'verksamhetskritisk', 'Månförvaltningen', '', 2],
        ['Okänd ägare', 'verksamhetskritisk', '', 'ingen@test.example', 9],
      ],
    );
    const res = await upload(t.admin, file);
    expect(res.statusCode).toBe(400);
    const messages = res.json<{ errors: { message: string }[] }>().errors.map((e) => e.message);
    expect(messages).toEqual([
      'Rad 3: Kategori: "viktig" är inte ett av orden kolumnen tar.',
      'Rad 4: Ägande enhet: ingen enhet i organisationen heter "Månförvaltningen".',
      'Rad 5: Systemägare (e-post): ingen person "ingen@test.example" finns. Lägg till personen eller välj en befintlig.',
      'Rad 5: Konfidentialitet: "9" är inte en nivå 0–4.',
    ]);
    expect(json<{ total: number }>(await t.admin.get('/api/systems')).total).toBe(0);
  });

  it('matches existing systems by name or alias and updates them; takes a mapping for other headings', async () => {
    const t = await aTenant(env, 'Match');
    json(
      await t.admin.post('/api/systems', {
        name: 'Cosmic',
        aliases: ['Journalen'],
        category: 'core',
        lifecycle: 'operating',
      }),
    );
    const file = await sheet(
      ['Applikation', 'Leverantör'],
      [
        ['Journalen', 'Cambio'],
        ['Nytt system', 'Okänd'],
      ],
    );
    const res = json<{
      created: number;
      updated: number;
      preview: { name: string; action: string }[];
    }>(await upload(t.admin, file, false, { Applikation: 'name' }));
    expect(res.preview).toMatchObject([
      { row: 2, name: 'Journalen', action: 'update' },
      { row: 3, name: 'Nytt system', action: 'create' },
    ]);
    const list = json<{ items: { name: string; supplierName: string | null }[] }>(
      await t.admin.get('/api/systems?q=cosmic'),
    );
    expect(list.items).toEqual([
      expect.objectContaining({ name: 'Cosmic', supplierName: 'Cambio' }),
    ]);
    expect((await upload(t.admin, await sheet(['Leverantör'], [['X']]))).statusCode).toBe(400);
    expect((await upload(await aUserWith(env, t, 'reader'), file)).statusCode).toBe(403);
  });

  it('refuses in an import what the form refuses, with the form’s words, and saves nothing', async () => {
    const t = await aTenant(env, 'Samma regler');
    const tooMany = Array.from({ length: 40 }, (_, i) => `förmåga ${i}`);
    const cases = [
      { name: 'x'.repeat(315), category: 'core', lifecycle: 'operating' },
      {
        name: 'Många användare',
        category: 'core',
        lifecycle: 'operating',
        approxUsers: 20_000_000,
      },
      { name: 'Många förmågor', category: 'core', lifecycle: 'operating', capabilities: tooMany },
    ];
    const formMessages: string[] = [];
    for (const body of cases) {
      const res = await t.admin.post('/api/systems', body);
      expect(res.statusCode).toBe(400);
      formMessages.push(res.json<{ errors: { message: string }[] }>().errors[0]!.message);
    }
    const file = await sheet(
      ['Namn', 'Kategori', 'Livscykel', 'Antal användare', 'Förmågor'],
      [
        ['x'.repeat(315), 'verksamhetskritisk', 'i drift', '', ''],
        ['Många användare', 'verksamhetskritisk', 'i drift', 20_000_000, ''],
        ['Många förmågor', 'verksamhetskritisk', 'i drift', '', tooMany.join('; ')],
      ],
    );
    const res = await upload(t.admin, file);
    expect(res.statusCode).toBe(400);
    const messages = res.json<{ errors: { message: string }[] }>().errors.map((e) => e.message);
    expect(messages).toHaveLength(3);
    formMessages.forEach((m, i) => {
      expect(messages[i]).toContain(`Rad ${i + 2}: `);
      expect(messages[i]).toContain(m);
    });
    expect(json<{ total: number }>(await t.admin.get('/api/systems')).total).toBe(0);
  });

  it('lists a new row that matches another system only by an alias as ambiguous, and never renames that system', async () => {
    const t = await aTenant(env, 'Alias');
    const cosmic = json<{ id: string; version: number }>(
      await t.admin.post('/api/systems', {
        name: 'Cosmic',
        aliases: ['CS'],
        category: 'core',
        lifecycle: 'operating',
      }),
    );
    const file = await sheet(
      ['Namn', 'Alias', 'Leverantör'],
      [
        ['Cosmic Link', 'CS', 'Cambio'],
        ['Nytt system', '', 'Okänd'],
      ],
    );
    const preview = json<{
      notImported: number;
      preview: { row: number; name: string; action: string }[];
      problems: { row: number; message: string }[];
    }>(await upload(t.admin, file, true));
    expect(preview.notImported).toBe(1);
    expect(preview.preview).toMatchObject([
      { row: 2, name: 'Cosmic Link', action: 'skipped' },
      { row: 3, name: 'Nytt system', action: 'create' },
    ]);
    expect(preview.problems.find((p) => p.row === 2)?.message).toContain('"Cosmic"');
    const res = await upload(t.admin, file);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain('Cosmic');
    const after = json<{ name: string; version: number; supplierName: string | null }>(
      await t.admin.get(`/api/systems/${cosmic.id}`),
    );
    expect(after).toMatchObject({ name: 'Cosmic', version: cosmic.version, supplierName: null });
    expect(json<{ total: number }>(await t.admin.get('/api/systems')).total).toBe(1);
  });

  it('a row changed by someone else between the check and the save is a 409, and nothing is saved', async () => {
    const t = await aTenant(env, 'Inaktuell');
    const sys = json<{ id: string; version: number }>(
      await t.admin.post('/api/systems', {
        name: 'Lifecare',
        category: 'core',
        lifecycle: 'operating',
      }),
    );
    const file = await sheet(
      ['Namn', 'Leverantör'],
      [
        ['Nytt', 'A'],
        ['Lifecare', 'Tieto'],
      ],
    );
    const ctx = {
      tenantId: t.tenantId,
      lang: 'sv' as const,
      now: new Date(),
      actor: {
        personId: t.admin.me.personId,
        name: t.admin.me.name,
        grants: [
          { role: 'administrator' as const, unitId: t.rootUnitId, unitPath: [t.rootUnitId] },
        ],
      },
    };
    const prepared = await prepareImport(env.db, ctx, file, { dryRun: false });
    json(await t.admin.patch(`/api/systems/${sys.id}`, { version: sys.version, hosting: 'Moln' }));
    const err = await prepared.apply().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('conflict');
    const list = json<{ items: { name: string }[] }>(await t.admin.get('/api/systems'));
    expect(list.items.map((s) => s.name)).toEqual(['Lifecare']);
  });

  it('saves imported rows through the services: each row is an audited import event', async () => {
    const t = await aTenant(env, 'Spår');
    const file = await sheet(['Namn', 'Konfidentialitet'], [['Spårat system', 3]]);
    json(await upload(t.admin, file));
    const sys = json<{ items: { id: string; classifiedOn: string | null }[] }>(
      await t.admin.get('/api/systems'),
    ).items[0]!;
    expect(sys.classifiedOn).toBeNull(); // the file does not say when: unknown, not the import day
    const events = json<{ items: { action: string; entityType: string }[] }>(
      await t.admin.get(`/api/audit-trail?entityId=${sys.id}`),
    );
    expect(events.items).toEqual([
      expect.objectContaining({ action: 'import', entityType: 'system' }),
    ]);
  });

  it('offers a template whose headings the import reads back', async () => {
    const tpl = await tenant.admin.get('/api/systems/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const t = await aTenant(env, 'Mall');
    await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsförvaltningen' });
    json(
      await t.admin.post('/api/persons', {
        name: 'Maja Sandström',
        email: 'maja.sandstrom@region.example',
      }),
    );
    json(await t.admin.post('/api/persons', { name: 'L', email: 'ledare@region.example' }));
    const res = json<{ created: number }>(await upload(t.admin, tpl.rawPayload));
    expect(res.created).toBe(1);
    const sys = json<{
      items: { flags: string[]; capabilities: string[]; personalData: boolean }[];
    }>(await t.admin.get('/api/systems')).items[0]!;
    expect(sys).toMatchObject({
      capabilities: ['journalföring', 'bokning'],
      personalData: true,
      flags: [],
    });
  });
});
