import ExcelJS from 'exceljs';
import { headingRow, readTableFile } from '../../platform/table-file.js';
import { and, eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../../domain/access/permissions.js';
import {
  DPIA_STATUSES,
  LIFECYCLES,
  SYSTEM_CATEGORIES,
  SystemInput,
  SystemUpdate,
} from '../../../domain/services/system.js';
import { invalid, notAllowed, type FieldError } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { inputIssues, writeInBatches } from '../../platform/write.js';
import { splitPath, tenantPersonEmails, tenantUnits } from '../organization/index.js';
import { createSystem, updateSystem } from './systems.service.js';
import { itSystems } from './tables.js';

type Field = keyof SystemInput | 'id';
type Column = { field: Field; sv: string; en: string; synonyms: string[] };

/** The template's columns, and the other headings regions' spreadsheets use for them. */
export const COLUMNS: Column[] = [
  { field: 'id', sv: 'Id', en: 'Id', synonyms: ['system-id'] },
  {
    field: 'name',
    sv: 'Namn',
    en: 'Name',
    synonyms: ['system', 'systemnamn', 'it-system', 'objekt'],
  },
  { field: 'aliases', sv: 'Alias', en: 'Aliases', synonyms: ['andra namn', 'kallas'] },
  { field: 'description', sv: 'Beskrivning', en: 'Description', synonyms: ['syfte'] },
  { field: 'category', sv: 'Kategori', en: 'Category', synonyms: ['typ', 'systemtyp'] },
  { field: 'lifecycle', sv: 'Livscykel', en: 'Lifecycle', synonyms: ['status', 'fas'] },
  {
    field: 'ownerUnitId',
    sv: 'Ägande enhet',
    en: 'Owning unit',
    synonyms: ['ägare enhet', 'förvaltning', 'nämnd', 'organisation'],
  },
  {
    field: 'ownerPersonId',
    sv: 'Systemägare (e-post)',
    en: 'System owner (email)',
    synonyms: ['systemägare', 'objektägare', 'ägare'],
  },
  { field: 'ownerExternalName', sv: 'Extern ägare', en: 'External owner', synonyms: [] },
  {
    field: 'managerPersonId',
    sv: 'Objektledare (e-post)',
    en: 'System manager (email)',
    synonyms: ['objektledare', 'förvaltningsledare', 'systemförvaltare'],
  },
  { field: 'supplierName', sv: 'Leverantör', en: 'Supplier', synonyms: ['leverantor'] },
  {
    field: 'hosting',
    sv: 'Drift',
    en: 'Hosting',
    synonyms: ['driftform', 'hosting', 'driftas av'],
  },
  {
    field: 'capabilities',
    sv: 'Förmågor',
    en: 'Capabilities',
    synonyms: ['förmåga', 'process', 'processer', 'verksamhetsstöd'],
  },
  { field: 'approxUsers', sv: 'Antal användare', en: 'Users', synonyms: ['användare'] },
  { field: 'costLicence', sv: 'Kostnad licens', en: 'Licence cost', synonyms: ['licenskostnad'] },
  { field: 'costOperation', sv: 'Kostnad drift', en: 'Operation cost', synonyms: ['driftkostnad'] },
  { field: 'costStaff', sv: 'Kostnad personal', en: 'Staff cost', synonyms: ['personalkostnad'] },
  { field: 'confidentiality', sv: 'Konfidentialitet', en: 'Confidentiality', synonyms: ['k'] },
  { field: 'integrity', sv: 'Riktighet', en: 'Integrity', synonyms: ['r'] },
  { field: 'availability', sv: 'Tillgänglighet', en: 'Availability', synonyms: ['t'] },
  {
    field: 'classifiedOn',
    sv: 'Klassad datum',
    en: 'Classified on',
    synonyms: ['klassad', 'klassningsdatum'],
  },
  { field: 'personalData', sv: 'Personuppgifter', en: 'Personal data', synonyms: ['pu'] },
  {
    field: 'dpaSignedOn',
    sv: 'PUB-avtal datum',
    en: 'DPA signed on',
    synonyms: ['pub-avtal', 'personuppgiftsbiträdesavtal'],
  },
  {
    field: 'dpiaStatus',
    sv: 'Konsekvensbedömning',
    en: 'DPIA',
    synonyms: ['dpia', 'konsekvensbedömning dataskydd'],
  },
];

const WORDS: Record<string, Record<string, string>> = {
  category: {
    verksamhetskritisk: 'core',
    verksamhetsstödjande: 'support',
    'it-infrastruktur': 'infrastructure',
    infrastruktur: 'infrastructure',
    core: 'core',
    support: 'support',
    infrastructure: 'infrastructure',
  },
  lifecycle: {
    planerad: 'planned',
    'under införande': 'introducing',
    'i drift': 'operating',
    drift: 'operating',
    'under avveckling': 'phasing_out',
    avvecklad: 'phased_out',
    planned: 'planned',
    introducing: 'introducing',
    operating: 'operating',
    phasing_out: 'phasing_out',
    phased_out: 'phased_out',
  },
  dpiaStatus: {
    'behövs inte': 'not_needed',
    behövs: 'needed',
    gjord: 'done',
    klar: 'done',
    not_needed: 'not_needed',
    needed: 'needed',
    done: 'done',
  },
};

export async function systemTemplate(lang: 'sv' | 'en') {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const ws = wb.addWorksheet(lang === 'sv' ? 'IT-system' : 'IT systems');
  ws.columns = COLUMNS.map((c) => ({ header: c[lang], width: Math.max(12, c[lang].length + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.addRow([
    '',
    'Exempelsystem',
    'Exempel; ES',
    'Stöd för …',
    'verksamhetskritisk',
    'i drift',
    'Hälso- och sjukvårdsförvaltningen',
    'agare@region.example',
    '',
    'ledare@region.example',
    'Leverantören AB',
    'Regionens datacenter',
    'journalföring; bokning',
    500,
    100000,
    50000,
    20000,
    3,
    3,
    2,
    '2025-05-01',
    'ja',
    '2024-01-15',
    'gjord',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The fields a column can be read as, for the mapping choice. */
export const IMPORT_FIELDS = COLUMNS.map((c) => ({ field: c.field, sv: c.sv, en: c.en }));

/** Every heading a column of the register may have, and the field it is read as. */
const KNOWN_HEADINGS = Object.fromEntries(
  COLUMNS.map((c) => [c.field, [c.sv, c.en, ...c.synonyms]]),
) as Record<Field, string[]>;

type Sheet = { rows: string[][]; headingIndex: number };

/**
 * The register's sheet and its heading row: the first sheet whose first rows hold the headings
 * (a title or a date above them is common), else the first sheet with its first row.
 */
async function loadSheet(file: Buffer): Promise<Sheet> {
  const sheets = (await readTableFile(file)).filter((s) => s.rows.length > 0);
  if (!sheets.length)
    throw invalid('services.import.notExcel', [{ path: 'file', key: 'services.import.notExcel' }]);
  for (const sheet of [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]) {
    const found = headingRow(sheet.rows, KNOWN_HEADINGS);
    if (found) return { rows: sheet.rows, headingIndex: found.index };
  }
  return { rows: sheets[0]!.rows, headingIndex: 0 };
}

/** Each heading of the heading row, the column it is in, and the field it is read as (null: not read). */
function readColumns(sheet: Sheet, mapping: Record<string, Field | ''> = {}) {
  const byHeading = new Map<string, Field>();
  for (const c of COLUMNS)
    for (const h of [c.sv, c.en, ...c.synonyms]) byHeading.set(norm(h), c.field);
  const chosen = new Map(Object.entries(mapping).map(([h, f]) => [norm(h), f]));
  const columns: { col: number; heading: string; field: Field | null }[] = [];
  const taken = new Set<Field>();
  (sheet.rows[sheet.headingIndex] ?? []).forEach((cell, col) => {
    const heading = cell.trim();
    if (!heading) return;
    const pick = chosen.has(norm(heading))
      ? chosen.get(norm(heading)) || null
      : (byHeading.get(norm(heading)) ?? null);
    const field = pick && !taken.has(pick) ? pick : null;
    if (field) taken.add(field);
    columns.push({ col, heading, field });
  });
  return columns;
}

/** The rows below the heading row, each with its row number in the file (1 = the first). */
const dataRows = (sheet: Sheet) =>
  sheet.rows.slice(sheet.headingIndex + 1).map((cells, i) => ({
    n: sheet.headingIndex + 2 + i,
    cells,
  }));

/** The headings of an uploaded register and how each would be read, so a person can map the rest. */
export async function importColumns(ctx: Ctx, file: Buffer) {
  if (!canAnywhere(ctx.actor, 'systems.edit')) throw notAllowed();
  const ws = await loadSheet(file);
  return {
    columns: readColumns(ws).map(({ heading, field }) => ({ heading, field })),
    rows: dataRows(ws).filter((r) => r.cells.some(Boolean)).length,
  };
}

type ImportAction = 'create' | 'update' | 'unchanged' | 'ambiguous';
type SystemUpdateInput = Partial<SystemInput> & { version: number };
export type SystemImportResult = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows found only through an alias under another name: listed, never applied. */
  ambiguous: number;
  saved: boolean;
  preview: { row: number; name: string; action: ImportAction; conflictsWith?: string }[];
};

/**
 * Imports a region's system register from Excel. Headings are matched by name (Swedish, English
 * or a known synonym; `mapping` can name others). Each row matches an existing system by id, then
 * by name or alias, so importing the same file again changes nothing. Every row is checked before
 * anything is written; a single bad row refuses the file with a message per row.
 */
export async function importSystems(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  opts: { dryRun: boolean; mapping?: Record<string, Field | ''> },
): Promise<SystemImportResult> {
  const prepared = await prepareImport(db, ctx, file, opts);
  if (!opts.dryRun) await prepared.apply();
  return prepared.result;
}

/**
 * Reads and checks every row (throwing a 400 that names each bad row), and returns the result with
 * the write still to do, so a caller can report progress while the rows are saved.
 */
export async function prepareImport(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  opts: { dryRun: boolean; mapping?: Record<string, Field | ''> },
) {
  if (!canAnywhere(ctx.actor, 'systems.edit')) throw notAllowed();
  const ws = await loadSheet(file);
  const colOf = new Map<Field, number>();
  for (const c of readColumns(ws, opts.mapping)) if (c.field) colOf.set(c.field, c.col);
  if (!colOf.has('name'))
    throw invalid(
      'services.import.missingColumn',
      [{ path: 'file', key: 'services.import.missingColumn', params: { column: 'Namn' } }],
      { column: 'Namn' },
    );

  const units = await tenantUnits(db, ctx);
  const unitByName = new Map<string, (typeof units)[number]>();
  for (const u of units) {
    unitByName.set(norm(u.name), u);
    if (u.shortName) unitByName.set(norm(u.shortName), u);
  }
  const people = await tenantPersonEmails(db, ctx);
  const personByEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
  const existing = await db
    .select()
    .from(itSystems)
    .where(and(eq(itSystems.tenantId, ctx.tenantId)));
  const existingById = new Map(existing.map((s) => [s.id, s]));
  const existingByName = new Map<string, (typeof existing)[number]>();
  for (const s of existing) for (const n of [s.name, ...s.aliases]) existingByName.set(norm(n), s);

  const errors: FieldError[] = [];
  const rows: {
    row: number;
    values: Partial<SystemInput> & { name: string };
    match: (typeof existing)[number] | undefined;
    ambiguousWith: string | null;
  }[] = [];
  const seen = new Set<string>();
  const pathOf = (unitId: string | null | undefined) =>
    unitId ? splitPath(units.find((u) => u.id === unitId)!.path) : null;
  for (const { n, cells } of dataRows(ws)) {
    const get = (f: Field) => (colOf.has(f) ? (cells[colOf.get(f)!] ?? '').trim() : '');
    const values: Partial<SystemInput> & { name: string } = { name: get('name') };
    if (!values.name && COLUMNS.every((c) => !get(c.field))) continue;
    const bad = (column: string, value: string) =>
      errors.push({
        path: `rad ${n}`,
        key: 'services.import.badValue',
        params: { row: n, value, column },
      });
    if (!values.name)
      errors.push({ path: `rad ${n}`, key: 'services.import.noName', params: { row: n } });
    const list = (s: string) =>
      s
        .split(/[;,\n]/)
        .map((x) => x.trim())
        .filter(Boolean);
    const num = (f: Field, column: string, int = false) => {
      const raw = get(f).replace(/\s/g, '').replace(',', '.');
      if (!raw) return;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < 0 || (int && !Number.isInteger(v))) bad(column, get(f));
      else (values as Record<string, unknown>)[f] = v;
    };
    const date = (f: Field, column: string) => {
      const raw = get(f);
      if (!raw) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) bad(column, raw);
      else (values as Record<string, unknown>)[f] = raw;
    };
    const word = (
      f: 'category' | 'lifecycle' | 'dpiaStatus',
      column: string,
      allowed: readonly string[],
    ) => {
      const raw = get(f);
      if (!raw) return;
      const v = WORDS[f]![norm(raw)];
      if (!v || !allowed.includes(v)) bad(column, raw);
      else (values as Record<string, unknown>)[f] = v;
    };
    if (get('aliases')) values.aliases = list(get('aliases'));
    if (get('description')) values.description = get('description');
    word('category', 'Kategori', SYSTEM_CATEGORIES);
    word('lifecycle', 'Livscykel', LIFECYCLES);
    word('dpiaStatus', 'Konsekvensbedömning', DPIA_STATUSES);
    if (get('ownerUnitId')) {
      const u = unitByName.get(norm(get('ownerUnitId')));
      if (!u)
        errors.push({
          path: `rad ${n}`,
          key: 'services.import.unknownUnit',
          params: { row: n, value: get('ownerUnitId') },
        });
      else values.ownerUnitId = u.id;
    }
    for (const [f, col] of [
      ['ownerPersonId', 'Systemägare'],
      ['managerPersonId', 'Objektledare'],
    ] as const) {
      const email = get(f).toLowerCase();
      if (!email) continue;
      const id = personByEmail.get(email);
      if (!id)
        errors.push({
          path: `rad ${n}`,
          key: 'services.import.unknownPerson',
          params: { row: n, value: email, column: col },
        });
      else values[f] = id;
    }
    if (get('ownerExternalName')) values.ownerExternalName = get('ownerExternalName');
    if (get('supplierName')) values.supplierName = get('supplierName');
    if (get('hosting')) values.hosting = get('hosting');
    if (get('capabilities'))
      values.capabilities = list(get('capabilities')).map((c) => c.toLowerCase());
    num('approxUsers', 'Antal användare', true);
    num('costLicence', 'Kostnad licens');
    num('costOperation', 'Kostnad drift');
    num('costStaff', 'Kostnad personal');
    for (const [f, col] of [
      ['confidentiality', 'Konfidentialitet'],
      ['integrity', 'Riktighet'],
      ['availability', 'Tillgänglighet'],
    ] as const) {
      num(f, col, true);
      if (values[f] != null && values[f] > 4) {
        bad(col, get(f));
        delete values[f]; // reported once, as the region's scale, not again by the schema
      }
    }
    date('classifiedOn', 'Klassad datum');
    date('dpaSignedOn', 'PUB-avtal datum');
    if (get('personalData')) {
      const v = norm(get('personalData'));
      if (['ja', 'yes', 'j', 'x', '1'].includes(v)) values.personalData = true;
      else if (['nej', 'no', 'n', '0'].includes(v)) values.personalData = false;
      else bad('Personuppgifter', get('personalData'));
    }
    const id = get('id');
    const byId = id ? existingById.get(id) : undefined;
    const byName = existingByName.get(norm(values.name));
    const byAlias = (values.aliases ?? []).map((a) => existingByName.get(norm(a))).find(Boolean);
    const match = byId || byName || byAlias;
    // A row found only through one of its aliases, under another name, would rename a system it
    // may not mean: it is listed as ambiguous and never applied.
    const ambiguousWith =
      !byId && !byName && byAlias && norm(byAlias.name) !== norm(values.name) ? byAlias.name : null;
    const key = match?.id ?? norm(values.name);
    if (values.name && seen.has(key))
      errors.push({
        path: `rad ${n}`,
        key: 'services.import.duplicate',
        params: { row: n, value: values.name },
      });
    seen.add(key);
    // May this person change this system? Its current owner, and the owner it is given.
    for (const unitId of new Set([match?.ownerUnitId, values.ownerUnitId].filter(Boolean))) {
      if (!can(ctx.actor, 'systems.edit', { unitPath: pathOf(unitId)! }))
        errors.push({
          path: `rad ${n}`,
          key: 'services.import.notAllowed',
          params: { row: n, value: units.find((u) => u.id === unitId)!.name },
        });
    }
    if (!match && !values.ownerUnitId && !can(ctx.actor, 'systems.edit', 'tenant'))
      errors.push({
        path: `rad ${n}`,
        key: 'services.import.notAllowed',
        params: { row: n, value: '—' },
      });
    rows.push({ row: n, values, match: ambiguousWith ? undefined : match, ambiguousWith });
  }

  const changesOf = (r: (typeof rows)[number]) => {
    if (!r.match) return null;
    const m = r.match as unknown as Record<string, unknown>;
    // A row that found its system by an alias keeps the system's own name.
    const matchedByAlias = r.match.aliases.some((a) => norm(a) === norm(r.values.name));
    return Object.fromEntries(
      Object.entries(r.values).filter(
        ([k, v]) =>
          !(k === 'name' && matchedByAlias) &&
          JSON.stringify(m[k] ?? null) !== JSON.stringify(v ?? null),
      ),
    ) as Partial<SystemInput>;
  };
  // What the form would refuse, the import refuses, with the form's words: each row's new system or
  // change is checked against the same domain schema the services parse with.
  const inputOf = (r: (typeof rows)[number]) =>
    r.match
      ? { version: r.match.version, ...changesOf(r) }
      : { category: 'support', lifecycle: 'operating', ...r.values };
  const headingOf = (path: string) => {
    const field = path.split('.')[0];
    const c = COLUMNS.find((col) => col.field === field);
    return c ? c[ctx.lang] : path;
  };
  for (const r of rows) {
    if (r.ambiguousWith) continue;
    for (const issue of inputIssues(r.match ? SystemUpdate : SystemInput, inputOf(r), ctx.lang))
      errors.push({
        path: `rad ${r.row}.${issue.path}`,
        key: 'errors.rowMessage',
        params: {
          row: r.row,
          column: headingOf(issue.path),
          message: t(ctx.lang, issue.key, issue.params ?? {}),
        },
      });
  }
  if (errors.length)
    throw invalid('services.import.rejected', errors.slice(0, 200), { count: errors.length });

  const preview = rows.map((r) => {
    const ch = changesOf(r);
    const action = r.ambiguousWith
      ? 'ambiguous'
      : !r.match
        ? 'create'
        : Object.keys(ch!).length
          ? 'update'
          : 'unchanged';
    return {
      row: r.row,
      name: r.values.name,
      action: action as ImportAction,
      ...(r.ambiguousWith ? { conflictsWith: r.ambiguousWith } : {}),
    };
  });
  const ambiguous = preview.filter((p) => p.action === 'ambiguous');
  const result: SystemImportResult = {
    rows: rows.length,
    created: preview.filter((p) => p.action === 'create').length,
    updated: preview.filter((p) => p.action === 'update').length,
    unchanged: preview.filter((p) => p.action === 'unchanged').length,
    ambiguous: ambiguous.length,
    saved: !opts.dryRun,
    preview,
  };
  if (!opts.dryRun && ambiguous.length)
    throw invalid(
      'services.import.rejected',
      ambiguous.slice(0, 200).map((p) => ({
        path: `rad ${p.row}`,
        key: 'services.import.ambiguous',
        params: { row: p.row, value: p.name, other: p.conflictsWith! },
      })),
      { count: ambiguous.length },
    );
  // Every row is saved through the services, as the form saves it (schema, authorisation, version,
  // audit event), in batches that let other users' requests through (writeInBatches): a row
  // changed by someone since the check is a 409.
  const apply = (onProgress?: (done: number, total: number) => void) =>
    writeInBatches(
      db,
      rows,
      async (tx, r) => {
        const input = inputOf(r);
        if (!r.match) await createSystem(tx, ctx, input as SystemInput, 'import', { view: false });
        else if (Object.keys(input).length > 1)
          await updateSystem(tx, ctx, r.match.id, input as SystemUpdateInput, 'import', {
            view: false,
          });
      },
      { onProgress },
    );
  return { result, apply };
}
