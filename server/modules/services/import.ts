import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../../domain/access/permissions.js';
import {
  FIELD_HEADINGS,
  REGISTER_FIELDS,
  cleanText,
  duplicateKey,
  foldKey,
  headingField,
  isBlank,
  isSummaryRow,
  matchUnit,
  personKey,
  readAmount,
  readCategory,
  readCount,
  readDate,
  readDpa,
  readDpia,
  readLevel,
  readLevels,
  readLifecycle,
  readList,
  readMonths,
  readPerson,
  readYesNo,
  similarity,
  type PersonReading,
  type Reading,
  type RegisterField,
} from '../../../domain/services/register-values.js';
import {
  APPROXIMABLE,
  SystemInput,
  SystemUpdate,
  costTotalOf,
} from '../../../domain/services/system.js';
import { addMonths } from '../../../domain/shared/dates.js';
import { invalid, notAllowed, type FieldError } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { readTableFile, type TableSheet } from '../../platform/table-file.js';
import { createAudited, inputIssues, updateAudited, writeInBatches } from '../../platform/write.js';
import { createPerson, splitPath, tenantPeople, tenantUnits } from '../organization/index.js';
import { recordProblems } from './problems.service.js';
import {
  createContract,
  createSystem,
  systemSettings,
  updateContract,
  updateSystem,
} from './systems.service.js';
import { contracts, importMappings, itSystems, systemProblems } from './tables.js';
import type { Column as ListColumn } from '../../platform/lists.js';
import type { SystemView } from './systems.service.js';
import { PROBLEM_SYSTEM_FIELDS } from '../../../domain/services/register-problems.js';

/*
 * The system register import (issue 14; the rules of reading a cell are in
 * domain/services/register-values.ts and docs/import-rules.md). A region's own spreadsheet is read
 * as it is: the heading row is found, title, blank and summary rows are skipped, each column is
 * read as a field (by its heading, the region's remembered choice or the user's), each value by
 * an explicit rule. Nothing is invented: a value that cannot be read is kept as the original text,
 * as a problem, and the field is left as it was. `mode=all` saves nothing if any value is
 * unreadable; `mode=partial` saves every readable value and keeps each problem as a to-do on its
 * system (system_problems).
 */

export type ImportMode = 'all' | 'partial';
/** A person as the user chose them: an existing person's id, a new person, or no one (''). */
export type PersonChoice = string | { name: string; email: string };
export type ImportChoices = {
  sheet?: string;
  columns?: Record<string, RegisterField | ''>;
  units?: Record<string, string>;
  people?: Record<string, PersonChoice>;
  duplicates?: Record<string, 'merge' | 'both'>;
};

const MAPPING_KIND = 'systems';

/** Field names of the import before issue 14, still accepted in a `mapping`. */
const LEGACY_FIELDS: Record<string, RegisterField> = {
  ownerUnitId: 'administration',
  ownerPersonId: 'owner',
  managerPersonId: 'manager',
  supplierName: 'supplier',
  approxUsers: 'users',
  dpaSignedOn: 'dpa',
  dpiaStatus: 'dpia',
};
export const fieldOf = (f: string): RegisterField | '' | null =>
  f === ''
    ? ''
    : (REGISTER_FIELDS as readonly string[]).includes(f)
      ? (f as RegisterField)
      : (LEGACY_FIELDS[f] ?? null);

/** The fields a column can be read as, for the mapping choice: the template's headings. */
export const IMPORT_FIELDS = REGISTER_FIELDS.map((field) => ({
  field,
  sv: FIELD_HEADINGS[field][0]!,
  en: FIELD_HEADINGS[field][1]!,
}));

const EXAMPLE: Partial<Record<RegisterField, string | number>> = {
  name: 'Exempelsystem',
  aliases: 'Exempel; ES',
  description: 'Stöd för …',
  administration: 'Hälso- och sjukvårdsförvaltningen',
  owner: 'Maja Sandström <maja.sandstrom@region.example>',
  manager: 'ledare@region.example',
  supplier: 'Leverantören AB',
  category: 'Verksamhetskritisk',
  lifecycle: 'I drift',
  users: 500,
  costLicence: 100000,
  costOperation: 'ca 50 tkr',
  personalData: 'Ja, känsliga',
  dpa: '2024-01-15',
  dpia: 'Gjord',
  levels: '3/3/2',
  classifiedOn: '2025-05-01',
  contractRef: 'AVT-2023-17',
  contractEndsOn: 'mars 2028',
  extension: '1 + 1 år',
  noticeMonths: '6 mån',
  hosting: 'Regionens datacenter',
  capabilities: 'journalföring; bokning',
  comment: 'Upphandlas om 2027',
};
const TEMPLATE_FIELDS = REGISTER_FIELDS.filter(
  (f) => !['confidentiality', 'integrity', 'availability', 'board', 'costTotal'].includes(f),
);

export async function systemTemplate(lang: 'sv' | 'en') {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const ws = wb.addWorksheet(lang === 'sv' ? 'IT-system' : 'IT systems');
  ws.columns = TEMPLATE_FIELDS.map((f) => {
    const header = FIELD_HEADINGS[f][lang === 'sv' ? 0 : 1]!;
    return { header, width: Math.max(12, header.length + 4) };
  });
  ws.getRow(1).font = { bold: true };
  ws.addRow(TEMPLATE_FIELDS.map((f) => EXAMPLE[f] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Finding the table

type Column = {
  col: number;
  heading: string;
  field: RegisterField | null;
  how: 'chosen' | 'remembered' | 'heading' | null;
};
type Table = {
  sheet: TableSheet;
  sheets: { name: string; hidden: boolean; rows: number }[];
  headingIndex: number;
};

const recognised = (row: readonly string[]) => row.filter((c) => headingField(c) !== null).length;

/**
 * The register's sheet and its heading row: the sheet the user chose, else the first sheet
 * (visible ones first) whose first 20 rows hold a row of at least two known headings; the heading
 * row is the one of those rows with the most known headings (a title, a date or a blank row above
 * the headings is common).
 */
async function findTable(file: Buffer, sheetName?: string): Promise<Table> {
  const all = await readTableFile(file);
  const sheets = all.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows.length }));
  const candidates = sheetName
    ? all.filter((s) => s.name === sheetName)
    : [...all.filter((s) => !s.hidden), ...all.filter((s) => s.hidden)];
  if (sheetName && !candidates.length)
    throw invalid('services.import.noSheet', [
      { path: 'sheet', key: 'services.import.noSheet', params: { value: sheetName } },
    ]);
  for (const sheet of candidates) {
    let best = -1;
    let bestCount = 1;
    sheet.rows.slice(0, 20).forEach((row, i) => {
      const n = recognised(row);
      if (n > bestCount) [best, bestCount] = [i, n];
    });
    if (best >= 0) return { sheet, sheets, headingIndex: best };
  }
  const first = candidates.find((s) => s.rows.length > 0);
  if (!first)
    throw invalid('services.import.notExcel', [{ path: 'file', key: 'services.import.notExcel' }]);
  return { sheet: first, sheets, headingIndex: 0 };
}

const columnLetter = (col: number): string =>
  (col >= 26 ? columnLetter(Math.floor(col / 26) - 1) : '') + String.fromCharCode(65 + (col % 26));

/**
 * Each column of the heading row and the field it is read as: the user's choice, else the
 * region's remembered choice for that heading, else the heading itself. A field is read from one
 * column only. When two columns want the same field, the user's choice comes first, then a column
 * whose own heading names the field, then a remembered choice (which then falls back to its own
 * heading's field): a choice remembered from a file without a "Beskrivning" column never
 * switches off the "Beskrivning" column of the next file. A column without a heading but with
 * values is named by its letter.
 */
function readColumns(
  table: Table,
  chosen: Record<string, RegisterField | ''>,
  remembered: Record<string, string>,
): Column[] {
  const heads = table.sheet.rows[table.headingIndex] ?? [];
  const width = Math.max(...table.sheet.rows.map((r) => r.length), 0);
  const chosenByKey = new Map(Object.entries(chosen).map(([h, f]) => [foldKey(h), f]));
  const columns: (Column & { own: RegisterField | null; rank: number })[] = [];
  for (let col = 0; col < width; col++) {
    let heading = cleanText(heads[col] ?? '');
    if (!heading) {
      const used = table.sheet.rows
        .slice(table.headingIndex + 1)
        .some((r) => !isBlank(r[col] ?? ''));
      if (!used) continue;
      heading = `Kolumn ${columnLetter(col)}`;
    }
    const key = foldKey(heading);
    const own = headingField(heading);
    if (chosenByKey.has(key))
      columns.push({
        col,
        heading,
        own,
        field: (chosenByKey.get(key) as RegisterField) || null,
        how: 'chosen',
        rank: 0,
      });
    else if (key in remembered)
      columns.push({
        col,
        heading,
        own,
        field: (fieldOf(remembered[key]!) as RegisterField) || null,
        how: 'remembered',
        rank: 2,
      });
    else columns.push({ col, heading, own, field: own, how: own ? 'heading' : null, rank: 1 });
  }
  const taken = new Set<RegisterField>();
  for (const c of [...columns].sort((a, b) => a.rank - b.rank || a.col - b.col)) {
    if (c.field && taken.has(c.field)) {
      if (c.how === 'remembered' && c.own && !taken.has(c.own))
        [c.field, c.how] = [c.own, 'heading'];
      else [c.field, c.how] = [null, null];
    }
    if (c.field) taken.add(c.field);
  }
  return columns.map(({ col, heading, field, how }) => ({ col, heading, field, how }));
}

// ---------------------------------------------------------------------------------------------
// Reading the rows

type Problem = {
  row: number;
  field: RegisterField | 'row';
  heading: string;
  value: string;
  reason: string;
  params?: Record<string, string | number>;
  /** A row problem stops the row; a value problem only its value. */
  level: 'row' | 'value' | 'note';
};
type ContractRead = {
  contractRef?: string;
  endsOn?: string | null;
  extensionOptions?: string;
  noticeMonths?: number;
};
type RowRead = {
  row: number;
  cells: string[];
  name: string;
  /** Only the fields the row gives and that could be read; blank cells change nothing. */
  values: Partial<SystemInput>;
  approximate: Set<string>;
  /** Approximable fields the row gave (read, exactly or approximately). */
  givenAmounts: Set<string>;
  contract: ContractRead | null;
  administration: string;
  board: string;
  userUnitTexts: string[];
  owner: PersonReading;
  ownerText: string;
  /** How the owner cell reads, for the figures. */
  ownerClass?: 'email' | 'knownName' | 'newName' | 'role' | 'several' | 'missing';
  manager: PersonReading;
  managerText: string;
  problems: Problem[];
};

/** How much a bare amount under this heading is worth: thousands (tkr), millions (mkr), or kronor. */
export function scaleOf(heading: string) {
  const key = foldKey(heading);
  if (/\b(tkr|tsek|tusen kr|tusental kr|ksek)\b/.test(key)) return 1000;
  if (/\b(mkr|msek|mnkr|miljoner kr|mkronor)\b/.test(key)) return 1_000_000;
  return 1;
}

/** The reasons a reader gives for a cell it cannot read (register-values.ts UnreadReason). */
const READER_REASONS = new Set(['word', 'number', 'negative', 'range', 'date', 'level', 'tooLong']);
/** Problems that are notes on a field rather than a value that could not be read. */
const NOTE_REASONS = new Set(['totalMismatch', 'conflict']);
/** The reasons whose message names its row itself. */
const ROW_REASONS = new Set(['noName', 'ambiguous', 'notAllowed']);
const UNREAD_KEY = (reason: string) => `services.problem.${reason}`;

function readRow(n: number, cells: string[], columns: Column[]): RowRead {
  const text = (f: RegisterField) => {
    const c = columns.find((x) => x.field === f);
    return c ? cleanText(cells[c.col] ?? '') : '';
  };
  const headingOf = (f: RegisterField) => columns.find((x) => x.field === f)?.heading ?? f;
  const r: RowRead = {
    row: n,
    cells,
    name: text('name'),
    values: {},
    approximate: new Set(),
    givenAmounts: new Set(),
    contract: null,
    administration: isBlank(text('administration')) ? '' : text('administration'),
    board: isBlank(text('board')) ? '' : text('board'),
    userUnitTexts: readList(text('userUnits')),
    owner: readPerson(text('owner')),
    ownerText: text('owner'),
    manager: readPerson(text('manager')),
    managerText: text('manager'),
    problems: [],
  };
  const v = r.values as Record<string, unknown>;
  const problem = (f: RegisterField, reason: string, value = text(f), params = {}) =>
    r.problems.push({
      row: n,
      field: f,
      heading: headingOf(f),
      value,
      reason,
      params: { column: headingOf(f), value, ...params },
      // Read, but worth a look: an unknown word, a total that is not the sum of its parts.
      level: reason === 'unknown' || reason === 'totalMismatch' ? 'note' : 'value',
    });
  /** Reads a field with a reader; a value goes to `put`, anything else becomes a problem. */
  const read = <T>(f: RegisterField, reader: (s: string) => Reading<T>, put: (x: T) => void) => {
    const raw = text(f);
    if (!raw) return;
    const got = reader(raw);
    if (got.kind === 'value') {
      put(got.value);
      return got;
    }
    if (got.kind === 'unknown') problem(f, 'unknown');
    if (got.kind === 'unread') problem(f, got.reason);
    return got;
  };
  const plain = (f: RegisterField, key: keyof SystemInput, max: number) => {
    const raw = text(f);
    if (isBlank(raw)) return;
    if (raw.length > max) problem(f, 'tooLong', raw, { max });
    else v[key] = raw;
  };
  const amount = (f: RegisterField, key: (typeof APPROXIMABLE)[number], reader = readAmount) => {
    // A heading in thousands or millions ("Licenskostnad (tkr)") scales a bare number under it.
    const scale = reader === readAmount ? scaleOf(headingOf(f)) : 1;
    const bare = !/\p{L}/u.test(text(f));
    const got = read(f, reader, (x) => (v[key] = bare ? x * scale : x));
    if (got?.kind === 'value') {
      r.givenAmounts.add(key);
      if (got.approximate) r.approximate.add(key);
    }
  };
  if (!isBlank(text('aliases'))) v.aliases = readList(text('aliases'));
  plain('description', 'description', 4000);
  plain('supplier', 'supplierName', 200);
  plain('hosting', 'hosting', 200);
  plain('comment', 'notes', 4000);
  if (!isBlank(text('capabilities')))
    v.capabilities = readList(text('capabilities')).map((c) => c.toLowerCase());
  read('category', readCategory, (x) => (v.category = x));
  read('lifecycle', readLifecycle, (x) => {
    v.lifecycle = x.lifecycle;
    if (x.on) v.lifecycleOn = x.on;
  });
  amount('users', 'approxUsers', readCount);
  amount('costLicence', 'costLicence');
  amount('costOperation', 'costOperation');
  amount('costStaff', 'costStaff');
  amount('costTotal', 'costTotalReported');
  read('personalData', readYesNo, (x) => {
    v.personalData = x.answer;
    // "Ja" says nothing of sensitivity: only "Ja, känsliga" sets it.
    if (x.answer && x.sensitive) v.sensitivePersonalData = true;
  });
  read('dpa', readDpa, (x) => {
    v.dpaStatus = x.status;
    if (x.signedOn) v.dpaSignedOn = x.signedOn;
  });
  read('dpia', readDpia, (x) => {
    v.dpiaStatus = x.status;
    if (x.on) v.dpiaOn = x.on;
  });
  read('levels', readLevels, (x) => {
    v.confidentiality = x.c;
    v.integrity = x.i;
    v.availability = x.a;
  });
  read('confidentiality', readLevel, (x) => (v.confidentiality = x));
  read('integrity', readLevel, (x) => (v.integrity = x));
  read('availability', readLevel, (x) => (v.availability = x));
  read('classifiedOn', readDate, (x) => {
    if (x.date) v.classifiedOn = x.date;
    else problem('classifiedOn', 'date');
  });
  // The contract: its number, end, extension and notice, where the row gives any.
  const contract: ContractRead = {};
  if (!isBlank(text('contractRef'))) {
    if (text('contractRef').length > 100)
      problem('contractRef', 'tooLong', undefined, { max: 100 });
    else contract.contractRef = text('contractRef');
  }
  read('contractEndsOn', readDate, (x) => (contract.endsOn = x.date));
  if (!isBlank(text('extension'))) contract.extensionOptions = text('extension').slice(0, 500);
  read('noticeMonths', readMonths, (x) => (contract.noticeMonths = x));
  if (Object.keys(contract).length) r.contract = contract;
  // The register's total against its parts: a total that does not add up is kept, and listed.
  const parts = [v.costLicence, v.costOperation, v.costStaff].filter((x) => x != null) as number[];
  if (v.costTotalReported != null && parts.length) {
    const sum = parts.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - (v.costTotalReported as number)) > 1)
      problem('costTotal', 'totalMismatch', text('costTotal'), {
        sum: sum.toLocaleString('sv-SE'),
      });
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// The plan: rows merged, matched to the register, checked

type Existing = typeof itSystems.$inferSelect;
type ExistingContract = typeof contracts.$inferSelect;
type PersonAction = {
  text: string;
  reading: 'email' | 'name';
  name: string | null;
  email: string | null;
  personId: string | null;
  personName: string | null;
  how: 'email' | 'name' | 'chosen' | 'remembered' | 'create' | null;
  candidates: { id: string; name: string; email: string }[];
  /** People of the region with a similar name ("Kalle Bergren": Kalle Berggren), for the user to pick. */
  suggestions: { id: string; name: string }[];
  rows: number;
};
type UnitAction = {
  text: string;
  unitId: string | null;
  unitName: string | null;
  how: 'exact' | 'initials' | 'similar' | 'chosen' | 'remembered' | null;
  rows: number;
};
type PlannedSystem = {
  row: number;
  rows: number[];
  name: string;
  read: RowRead;
  match: Existing | null;
  action: 'create' | 'update' | 'unchanged' | 'skipped';
  input: Record<string, unknown> | null;
  contract: { existing: ExistingContract | null; input: Record<string, unknown> } | null;
  problems: Problem[];
  /** The problems to record: those the system does not have yet (open, fixed or dismissed). */
  record: Problem[];
  /** Open problems of the system this import fixes. */
  resolves: string[];
};

export type ImportPlan = Awaited<ReturnType<typeof planImport>>;

/**
 * Reads the file and plans every row, without writing: the columns and how each is read, the
 * units and people the cells name, duplicates, each row's action and every problem.
 */
export async function planImport(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  choices: ImportChoices,
  mode: ImportMode,
) {
  if (!canAnywhere(ctx.actor, 'systems.edit')) throw notAllowed();
  const table = await findTable(file, choices.sheet);
  const [mapping] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.tenantId, ctx.tenantId), eq(importMappings.kind, MAPPING_KIND)));
  const columns = readColumns(table, choices.columns ?? {}, mapping?.columns ?? {});
  const has = (f: RegisterField) => columns.some((c) => c.field === f);
  const headingOfField = (f: RegisterField) =>
    columns.find((c) => c.field === f)?.heading ?? FIELD_HEADINGS[f][ctx.lang === 'sv' ? 0 : 1]!;
  const nameCol = columns.find((c) => c.field === 'name')?.col;
  const skipped = { blank: 0, summary: 0, heading: 0 };
  const reads: RowRead[] = [];
  const headingKeys = new Set(
    (table.sheet.rows[table.headingIndex] ?? []).map((h) => foldKey(h)).filter(Boolean),
  );
  if (nameCol !== undefined)
    table.sheet.rows.slice(table.headingIndex + 1).forEach((cells, i) => {
      const n = table.headingIndex + 2 + i;
      if (cells.every((c) => isBlank(c ?? ''))) return void skipped.blank++;
      if (isSummaryRow(cells, nameCol)) return void skipped.summary++;
      const filled = cells.filter((c) => !isBlank(c ?? ''));
      if (filled.filter((c) => headingKeys.has(foldKey(c))).length * 2 > filled.length)
        return void skipped.heading++; // the heading row again (a printed register's page break)
      reads.push(readRow(n, cells, columns));
    });
  const samples = (col: number) =>
    table.sheet.rows
      .slice(table.headingIndex + 1)
      .map((r) => cleanText(r[col] ?? ''))
      .filter((c) => !isBlank(c))
      .slice(0, 3);

  // Units: every administration, board and user-unit text, matched once.
  const units = await tenantUnits(db, ctx);
  const liveUnits = units.filter((u) => !u.archivedAt);
  const unitActions = new Map<string, UnitAction>();
  const chosenUnits = new Map(Object.entries(choices.units ?? {}).map(([k, v]) => [foldKey(k), v]));
  const unitOf = (text: string) => {
    const key = foldKey(text);
    let a = unitActions.get(key);
    if (!a) {
      const pick = (id: string, how: UnitAction['how']) => {
        const u = units.find((x) => x.id === id);
        return u ? { unitId: u.id, unitName: u.name, how } : null;
      };
      const found = chosenUnits.has(key)
        ? chosenUnits.get(key)
          ? pick(chosenUnits.get(key)!, 'chosen')
          : { unitId: null, unitName: null, how: 'chosen' as const }
        : mapping?.units[key]
          ? pick(mapping.units[key], 'remembered')
          : (() => {
              const m = matchUnit(text, liveUnits);
              return m ? { unitId: m.unit.id, unitName: m.unit.name, how: m.how } : null;
            })();
      a = { text, rows: 0, ...(found ?? { unitId: null, unitName: null, how: null }) };
      unitActions.set(key, a);
    }
    a.rows++;
    return a;
  };

  // People: every owner and manager named by e-mail or name, matched once.
  const people = await tenantPeople(db, ctx);
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const byKey = new Map<string, typeof people>();
  for (const p of people)
    byKey.set(personKey(p.name), [...(byKey.get(personKey(p.name)) ?? []), p]);
  const personActions = new Map<string, PersonAction>();
  const chosenPeople = new Map(
    Object.entries(choices.people ?? {}).map(([k, v]) => [foldKey(k), v]),
  );
  const personOf = (reading: PersonReading & { kind: 'email' | 'name' }) => {
    const text = reading.kind === 'email' ? reading.email : reading.name;
    const key = foldKey(text);
    let a = personActions.get(key);
    if (!a) {
      const email = reading.kind === 'email' ? reading.email.toLowerCase() : null;
      const name = reading.kind === 'email' ? reading.name : reading.name;
      a = {
        text,
        reading: reading.kind,
        name,
        email,
        personId: null,
        personName: null,
        how: null,
        candidates: [],
        suggestions: [],
        rows: 0,
      };
      const choice = chosenPeople.get(key);
      const known = email ? byEmail.get(email) : undefined;
      const named = name ? (byKey.get(personKey(name)) ?? []) : [];
      if (choice !== undefined && typeof choice === 'string') {
        const p = people.find((x) => x.id === choice);
        if (p) Object.assign(a, { personId: p.id, personName: p.name, how: 'chosen' });
        else if (choice === '') a.how = 'chosen';
      } else if (choice !== undefined) {
        Object.assign(a, { name: choice.name, email: choice.email.toLowerCase(), how: 'create' });
      } else if (known)
        Object.assign(a, { personId: known.id, personName: known.name, how: 'email' });
      else if (mapping?.people[key] && people.some((p) => p.id === mapping.people[key])) {
        const p = people.find((x) => x.id === mapping.people[key])!;
        Object.assign(a, { personId: p.id, personName: p.name, how: 'remembered' });
      } else if (!email && named.length === 1)
        Object.assign(a, { personId: named[0]!.id, personName: named[0]!.name, how: 'name' });
      a.candidates = named.length > 1 ? named : [];
      if (!a.personId && !a.candidates.length && name)
        a.suggestions = people
          .map((p) => ({ p, score: similarity(name, p.name) }))
          .filter((x) => x.score >= 0.5)
          .sort((x, y) => y.score - x.score)
          .slice(0, 3)
          .map(({ p }) => ({ id: p.id, name: p.name }));
      personActions.set(key, a);
    }
    a.rows++;
    return a;
  };

  for (const r of reads) {
    const v = r.values as Record<string, unknown>;
    const problem = (f: RegisterField, reason: string, value: string, params = {}) =>
      r.problems.push({
        row: r.row,
        field: f,
        heading: columns.find((c) => c.field === f)?.heading ?? f,
        value,
        reason,
        params: { column: columns.find((c) => c.field === f)?.heading ?? f, value, ...params },
        level: 'value',
      });
    // The owning unit: the administration, else the board; a board that is not above the
    // administration is listed.
    const admin = r.administration ? unitOf(r.administration) : null;
    const board = r.board ? unitOf(r.board) : null;
    if (admin && !admin.unitId && admin.how !== 'chosen')
      problem('administration', 'unitUnknown', r.administration);
    if (board && !board.unitId && board.how !== 'chosen') problem('board', 'unitUnknown', r.board);
    const owning = admin?.unitId ? admin : board?.unitId ? board : null;
    if (owning) v.ownerUnitId = owning.unitId;
    if (admin?.unitId && board?.unitId && admin.unitId !== board.unitId) {
      const path = splitPath(units.find((u) => u.id === admin.unitId)!.path);
      if (!path.includes(board.unitId)) problem('board', 'boardMismatch', r.board);
    }
    if (r.userUnitTexts.length) {
      const ids: string[] = [];
      for (const text of r.userUnitTexts) {
        const u = unitOf(text);
        if (u.unitId) ids.push(u.unitId);
        else if (u.how !== 'chosen') problem('userUnits', 'unitUnknown', text);
      }
      v.userUnitIds = [...new Set(ids)];
    }
    // The owner and the manager, as people wrote them.
    const person = (
      f: 'owner' | 'manager',
      reading: PersonReading,
      raw: string,
      key: 'ownerPersonId' | 'managerPersonId',
    ) => {
      const mine = f === 'owner';
      if (reading.kind === 'blank' || reading.kind === 'placeholder') {
        if (mine) r.ownerClass = 'missing';
        return;
      }
      if (reading.kind === 'several') {
        if (mine) r.ownerClass = 'several';
        return problem(f, 'severalPeople', raw);
      }
      if (reading.kind === 'role') {
        if (!mine) return problem(f, 'managerRole', raw);
        r.ownerClass = 'role';
        v.ownerRole = reading.role;
        return;
      }
      const a = personOf(reading);
      if (mine)
        r.ownerClass =
          reading.kind === 'email'
            ? 'email'
            : a.how === 'name' || (a.personId && a.how !== 'create')
              ? 'knownName'
              : 'newName';
      if (a.personId) v[key] = a.personId;
      else if (a.how === 'create') {
        /* created when saved */
      } else if (a.candidates.length) problem(f, 'personAmbiguous', raw);
      else if (a.how !== 'chosen') problem(f, 'personUnknown', raw);
    };
    person('owner', r.owner, r.ownerText, 'ownerPersonId');
    person('manager', r.manager, r.managerText, 'managerPersonId');
    if (v.ownerPersonId && v.ownerRole) delete v.ownerRole;
    if (!r.name)
      r.problems.push({
        row: r.row,
        field: 'row',
        heading: '',
        value: '',
        reason: 'noName',
        params: { row: r.row },
        level: 'row',
      });
  }

  // The register as it is, and each row's match in it: by id, then by name or alias, then by
  // the near-duplicate key (case, spacing, punctuation).
  const existing = await db.select().from(itSystems).where(eq(itSystems.tenantId, ctx.tenantId));
  const existingById = new Map(existing.map((s) => [s.id, s]));
  const byName = new Map<string, Existing>();
  const byNear = new Map<string, Existing>();
  for (const s of existing)
    for (const n of [s.name, ...s.aliases]) {
      if (!byName.has(foldKey(n))) byName.set(foldKey(n), s);
      if (!byNear.has(duplicateKey(n))) byNear.set(duplicateKey(n), s);
    }
  const contractRows = await db
    .select()
    .from(contracts)
    .where(eq(contracts.tenantId, ctx.tenantId));
  const contractsOf = new Map<string, ExistingContract[]>();
  for (const c of contractRows)
    contractsOf.set(c.systemId, [...(contractsOf.get(c.systemId) ?? []), c]);
  const recorded = await db
    .select()
    .from(systemProblems)
    .where(eq(systemProblems.tenantId, ctx.tenantId));

  // Rows of the same system: grouped by the near-duplicate key of their name (or their id).
  const idCol = has('id');
  const groups = new Map<string, RowRead[]>();
  for (const r of reads) {
    if (!r.name) continue;
    const id = idCol ? cleanText(r.cells[columns.find((c) => c.field === 'id')!.col] ?? '') : '';
    const key = id && existingById.has(id) ? `id:${id}` : duplicateKey(r.name);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const duplicates: {
    key: string;
    rows: { row: number; name: string; administration: string }[];
    existing: { id: string; name: string } | null;
    choice: 'merge' | 'both';
  }[] = [];
  const planned: PlannedSystem[] = [];
  const settings = await systemSettings(db, ctx.tenantId);
  for (const r of reads.filter((x) => !x.name)) planned.push(skippedRow(r));
  for (const [key, rows] of groups) {
    const first = rows[0]!;
    const id = key.startsWith('id:') ? key.slice(3) : '';
    const exact = id ? existingById.get(id) : byName.get(foldKey(first.name));
    const near = exact ?? byNear.get(duplicateKey(first.name)) ?? null;
    const aliasHit = !exact
      ? (first.values.aliases ?? []).map((a) => byName.get(foldKey(a))).find(Boolean)
      : undefined;
    const nearOnly = !exact && near && foldKey(near.name) !== foldKey(first.name);
    const choice = choices.duplicates?.[key] ?? 'merge';
    if (rows.length > 1 || nearOnly)
      duplicates.push({
        key,
        rows: rows.map((x) => ({ row: x.row, name: x.name, administration: x.administration })),
        existing: nearOnly ? { id: near.id, name: near.name } : null,
        choice,
      });
    const parts = choice === 'merge' ? [rows] : rows.map((x) => [x]);
    parts.forEach((part, i) => {
      const match = choice === 'both' && i > 0 ? null : choice === 'both' && nearOnly ? null : near;
      if (!match && aliasHit && foldKey(aliasHit.name) !== foldKey(first.name)) {
        // Found only through an alias, under another name: it would rename a system it may not
        // mean, so it is listed and never applied.
        const s = skippedRow(part[0]!);
        s.problems.push({
          row: part[0]!.row,
          field: 'row',
          heading: '',
          value: part[0]!.name,
          reason: 'ambiguous',
          params: { row: part[0]!.row, value: part[0]!.name, other: aliasHit.name },
          level: 'row',
        });
        planned.push(s);
        return;
      }
      planned.push(
        planSystem(part, match, contractsOf.get(match?.id ?? '') ?? [], recorded, headingOfField),
      );
    });
  }
  planned.sort((a, b) => a.row - b.row);

  // May this person change each system? Its current owner, and the owner it is given.
  const pathOf = (unitId: string) => splitPath(units.find((u) => u.id === unitId)!.path);
  for (const p of planned) {
    if (p.action === 'skipped') continue;
    const targets = new Set(
      [p.match?.ownerUnitId, p.input?.ownerUnitId as string | undefined].filter((x): x is string =>
        Boolean(x),
      ),
    );
    const refused =
      [...targets].find((u) => !can(ctx.actor, 'systems.edit', { unitPath: pathOf(u) })) ??
      (!p.match && !p.input?.ownerUnitId && !can(ctx.actor, 'systems.edit', 'tenant') ? '—' : null);
    if (refused) {
      p.problems.push({
        row: p.row,
        field: 'row',
        heading: '',
        value: p.name,
        reason: 'notAllowed',
        params: {
          row: p.row,
          value: refused === '—' ? '—' : units.find((u) => u.id === refused)!.name,
        },
        level: 'row',
      });
      p.action = 'skipped';
    }
  }
  // People to add need the right to add people.
  const toCreate = [...personActions.values()].filter((a) => a.how === 'create');
  if (toCreate.length && !canAnywhere(ctx.actor, 'org.people.edit'))
    throw invalid('services.import.cannotAddPeople', [
      { path: 'people', key: 'services.import.cannotAddPeople' },
    ]);

  // The figures the file gives, over the systems as they will be (duplicates merged).
  const live = planned.filter((p) => p.action !== 'skipped');
  const today = todayOf(ctx.now);
  const categoryOf = (p: PlannedSystem) =>
    p.read.values.category ??
    (p.problems.some((x) => x.field === 'category')
      ? p.problems.find((x) => x.field === 'category')!.reason === 'unknown'
        ? 'unknown'
        : 'unread'
      : 'blank');
  const lifecycleOf = (p: PlannedSystem) =>
    p.read.values.lifecycle ??
    (p.problems.some((x) => x.field === 'lifecycle')
      ? p.problems.find((x) => x.field === 'lifecycle')!.reason === 'unknown'
        ? 'unknown'
        : 'unread'
      : 'blank');
  const count = (values: string[]) => {
    const m: Record<string, number> = {};
    for (const x of values) m[x] = (m[x] ?? 0) + 1;
    return m;
  };
  const owners = { email: 0, knownName: 0, newName: 0, role: 0, several: 0, missing: 0 };
  for (const p of live) if (p.read.ownerClass) owners[p.read.ownerClass]++;
  const figures = {
    owners,
    personalDataWithoutDpa: live.filter((p) => {
      const v = p.read.values;
      return v.personalData === true && v.dpaStatus !== 'signed' && v.dpaStatus !== 'not_needed';
    }).length,
    contractsEnding: live.filter((p) => {
      const lc = p.read.values.lifecycle;
      const end = p.read.contract?.endsOn;
      return (
        (lc === 'operating' || lc === 'phasing_out') &&
        end &&
        end >= today &&
        end <= addMonths(today, settings.contractWarningMonths)
      );
    }).length,
    costTotal: live.reduce((sum, p) => {
      const v = p.read.values;
      return (
        sum +
        (costTotalOf({
          costLicence: v.costLicence ?? null,
          costOperation: v.costOperation ?? null,
          costStaff: v.costStaff ?? null,
          costTotalReported: v.costTotalReported ?? null,
        }) ?? 0)
      );
    }, 0),
    approximateCosts: live.filter((p) => [...p.read.approximate].some((f) => f !== 'approxUsers'))
      .length,
    byCategory: count(live.map(categoryOf)),
    byLifecycle: count(live.map(lifecycleOf)),
    // Over each system's first row, as written (a merged duplicate's cells are its own).
    unreadCells: live.flatMap((p) => p.read.problems).filter((x) => READER_REASONS.has(x.reason))
      .length,
    unknownCells: live.flatMap((p) => p.read.problems).filter((x) => x.reason === 'unknown').length,
  };
  const result = {
    mode,
    sheet: table.sheet.name,
    sheets: table.sheets,
    headingRow: table.headingIndex + 1,
    fields: IMPORT_FIELDS,
    columns: columns.map((c) => ({
      heading: c.heading,
      column: columnLetter(c.col),
      field: c.field,
      how: c.how,
      samples: samples(c.col),
    })),
    units: [...unitActions.values()].sort((a, b) => a.text.localeCompare(b.text, 'sv')),
    people: [...personActions.values()]
      .map((a) => ({ ...a, candidates: a.candidates.map((c) => ({ id: c.id, name: c.name })) }))
      .sort((a, b) => a.text.localeCompare(b.text, 'sv')),
    duplicates,
    rows: reads.length,
    skipped,
    // Counted, with every problem and the per-row preview, by summarise (checkImport).
    created: 0,
    updated: 0,
    unchanged: 0,
    merged: planned.reduce((n, p) => n + p.rows.length - 1, 0),
    notImported: 0,
    withProblems: 0,
    peopleToCreate: toCreate.length,
    figures,
    problems: [] as {
      row: number;
      field: string;
      heading: string;
      value: string;
      level: Problem['level'];
      message: string;
    }[],
    blocking: 0,
    recorded: 0,
    preview: [] as {
      row: number;
      rows: number[];
      name: string;
      action: PlannedSystem['action'];
      existing: { id: string; name: string } | null;
      problems: number;
    }[],
    saved: false,
  };
  return {
    result,
    planned,
    toCreate,
    columns,
    table,
    mapping: mapping ?? null,
    personActions,
    unitActions,
  };
}

/** The text a person is matched and chosen by: their e-mail, else their name. */
const personText = (r: PersonReading) =>
  r.kind === 'email' ? r.email : r.kind === 'name' ? r.name : null;

function skippedRow(r: RowRead): PlannedSystem {
  return {
    row: r.row,
    rows: [r.row],
    name: r.name,
    read: r,
    match: null,
    action: 'skipped',
    input: null,
    contract: null,
    problems: [...r.problems],
    record: [],
    resolves: [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sorted = (xs: readonly string[]) => [...xs].sort();

/**
 * One system from its rows (one, or several merged: the first row's values, the others' where the
 * first has none, aliases and user units joined, and the other administrations as users), matched
 * to the register or new, with only what differs from what is saved.
 */
function planSystem(
  rows: RowRead[],
  match: Existing | null,
  existingContracts: ExistingContract[],
  recorded: (typeof systemProblems.$inferSelect)[],
  headingOf: (f: RegisterField) => string,
): PlannedSystem {
  const first = rows[0]!;
  const values: Record<string, unknown> = { ...first.values };
  const problems = [...first.problems];
  const approximate = new Set(first.approximate);
  const given = new Set(first.givenAmounts);
  let contract = first.contract;
  for (const other of rows.slice(1)) {
    for (const [k, v] of Object.entries(other.values)) {
      if (k === 'aliases' || k === 'userUnitIds' || k === 'capabilities') continue;
      if (values[k] === undefined) values[k] = v;
      else if (!same(values[k], v) && k !== 'ownerUnitId') {
        const field = PROBLEM_FIELD_OF[k] ?? 'comment';
        const heading = headingOf(field);
        problems.push({
          row: other.row,
          field,
          heading,
          value: textOf(v),
          reason: 'conflict',
          params: { column: heading, row: other.row, first: first.row, value: textOf(v) },
          level: 'note',
        });
      }
    }
    for (const k of ['aliases', 'capabilities'] as const)
      if (other.values[k])
        values[k] = [...new Set([...((values[k] as string[]) ?? []), ...other.values[k]])];
    // The same system in several administrations: one system, the others among its users.
    const users = [
      ...((values.userUnitIds as string[] | undefined) ?? []),
      ...(other.values.userUnitIds ?? []),
      ...[first.values.ownerUnitId, other.values.ownerUnitId].filter((x): x is string => !!x),
    ];
    values.userUnitIds = [...new Set(users)];
    if (other.name !== first.name && !((values.aliases as string[]) ?? []).includes(other.name))
      values.aliases = [...((values.aliases as string[]) ?? []), other.name].filter(
        (a) => foldKey(a) !== foldKey(first.name),
      );
    for (const a of other.approximate) approximate.add(a);
    for (const a of other.givenAmounts) given.add(a);
    contract ??= other.contract;
    problems.push(...other.problems.filter((p) => p.level !== 'row'));
  }
  values.name = first.name;
  if (!((values.aliases as string[] | undefined)?.length ?? 1)) delete values.aliases;
  // Which amounts are estimates: those the file gives decide; the others keep what is saved.
  if (given.size) {
    const before = (match?.approximate ?? []).filter((f) => !given.has(f));
    values.approximate = sorted([...before, ...approximate]);
  }
  let input: Record<string, unknown>;
  let action: PlannedSystem['action'];
  if (!match) {
    input = values;
    action = 'create';
  } else {
    const m = match as unknown as Record<string, unknown>;
    // A row that found its system by an alias keeps the system's own name; a name that differs
    // only in case or spacing keeps the saved spelling.
    if (
      foldKey(match.name) === foldKey(first.name) ||
      match.aliases.some((a) => foldKey(a) === foldKey(first.name))
    )
      delete values.name;
    const changes = Object.fromEntries(
      Object.entries(values).filter(([k, v]) =>
        ['aliases', 'userUnitIds', 'capabilities', 'approximate'].includes(k)
          ? !same(sorted((m[k] as string[]) ?? []), sorted(v as string[]))
          : !same(m[k], v),
      ),
    );
    input = { version: match.version, ...changes };
    action = Object.keys(changes).length ? 'update' : 'unchanged';
  }
  // A classification the file gives without its date was made on a day the file does not say:
  // unknown (null), never the day of the import.
  const LEVELS = ['confidentiality', 'integrity', 'availability'];
  if (LEVELS.some((k) => input[k] !== undefined) && input.classifiedOn === undefined)
    input.classifiedOn = null;
  // The contract: the saved one with the same number, or the only one when the file gives none.
  let contractPlan: PlannedSystem['contract'] = null;
  if (contract) {
    const ref = contract.contractRef;
    const found = ref
      ? existingContracts.find((c) => c.contractRef && foldKey(c.contractRef) === foldKey(ref))
      : existingContracts.length === 1
        ? existingContracts[0]!
        : undefined;
    const wanted: Record<string, unknown> = {
      ...(ref !== undefined ? { contractRef: ref } : {}),
      // A new contract is with the row's supplier; a saved one keeps its own.
      ...(!found && values.supplierName ? { supplierName: values.supplierName } : {}),
      ...(contract.endsOn !== undefined ? { endsOn: contract.endsOn } : {}),
      ...(contract.extensionOptions !== undefined
        ? { extensionOptions: contract.extensionOptions }
        : {}),
      ...(contract.noticeMonths !== undefined ? { noticeMonths: contract.noticeMonths } : {}),
    };
    if (found) {
      const f = found as unknown as Record<string, unknown>;
      const changes = Object.fromEntries(
        Object.entries(wanted).filter(([k, v]) =>
          k === 'contractRef'
            ? foldKey(String((f[k] as string | null) ?? '')) !== foldKey(String(v))
            : !same(f[k], v),
        ),
      );
      if (Object.keys(changes).length) {
        contractPlan = { existing: found, input: { version: found.version, ...changes } };
        if (action === 'unchanged') action = 'update';
      }
    } else {
      contractPlan = { existing: null, input: wanted };
      if (action === 'unchanged') action = 'update';
    }
  }
  // A problem the system already has for the same field and value (open, fixed or dismissed) is
  // not recorded again; open ones whose field the file now reads are fixed by this import.
  const mine = match ? recorded.filter((p) => p.systemId === match.id) : [];
  const open = mine.filter((p) => !p.resolvedAt);
  const keyOf = (p: { field: string; reason: string; value: string }) =>
    // An unread or unmatched value is one problem per text; a note (a total that is not its
    // parts' sum, merged rows that differ) one per field, however the file spells the value.
    NOTE_REASONS.has(p.reason) ? `${p.field}|${p.reason}` : `${p.field}|${p.reason}|${p.value}`;
  const seen = new Set(mine.map(keyOf));
  const fresh = problems.filter((p) => {
    if (p.level === 'row') return true;
    if (seen.has(keyOf(p))) return false;
    seen.add(keyOf(p));
    return true;
  });
  // Only a field the rows give a readable value for fixes: a column the file lacks fixes nothing.
  const resolves = open
    .filter(
      (o) =>
        !problems.some((p) => p.field === o.field) &&
        rows.some((r) => hasValue(r, o.field as RegisterField)),
    )
    .map((o) => o.id);
  return {
    row: first.row,
    rows: rows.map((r) => r.row),
    name: first.name,
    read: { ...first, values: values as Partial<SystemInput>, contract },
    match,
    action,
    input,
    contract: contractPlan,
    problems,
    record: fresh,
    resolves,
  };
}

/** Did the row give a readable value for this field? */
function hasValue(r: RowRead, f: RegisterField) {
  if (r.problems.some((p) => p.field === f)) return false;
  if (f === 'owner') return r.owner.kind !== 'blank';
  if (f === 'manager') return r.manager.kind !== 'blank';
  const fields = PROBLEM_SYSTEM_FIELDS[f];
  if (fields === 'contract') return r.contract !== null;
  return fields.some((k) => r.values[k] !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Checking against the form's rules, and saving

/**
 * What the form would refuse, the import refuses, with the form's words: each new system or
 * change is checked against the same domain schema the services parse with. A value refused is
 * left out and listed, as an unread one is. A category or lifecycle the file does not give stays
 * unknown: never a default.
 */
function checkPlanned(ctx: Ctx, p: PlannedSystem, columns: Column[]) {
  if (p.action === 'skipped' || p.action === 'unchanged' || !p.input) return;
  const headingOf = (path: string) => {
    const field = path.split('.')[0]!;
    const col = columns.find((c) => c.field && PROBLEM_FIELD_OF[field] === c.field);
    return col?.heading ?? field;
  };
  const schema = p.match ? SystemUpdate : SystemInput;
  const candidate = p.match ? p.input : { category: null, lifecycle: null, ...p.input };
  for (const issue of inputIssues(schema, candidate, ctx.lang)) {
    const key = issue.path.split('.')[0]!;
    const problem: Problem = {
      row: p.row,
      field: (PROBLEM_FIELD_OF[key] as RegisterField) ?? 'row',
      heading: headingOf(key),
      value: textOf(p.input[key]),
      reason: 'invalid',
      params: {
        column: headingOf(key),
        value: textOf(p.input[key]),
        message: t(ctx.lang, issue.key, issue.params ?? {}),
      },
      level: key === 'name' && !p.match ? 'row' : 'value',
    };
    p.problems.push(problem);
    if (!p.record.some((x) => x.field === problem.field && x.value === problem.value))
      p.record.push(problem);
    delete p.input[key];
  }
  // A new system whose name the form would refuse cannot be saved at all.
  if (!p.match && p.input.name === undefined) p.action = 'skipped';
}

/** A value as the text a problem shows. */
const textOf = (v: unknown) =>
  v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number);

/** The register field a system field is read from (for naming a problem's column). */
const PROBLEM_FIELD_OF: Record<string, RegisterField> = {
  name: 'name',
  aliases: 'aliases',
  description: 'description',
  category: 'category',
  lifecycle: 'lifecycle',
  lifecycleOn: 'lifecycle',
  ownerUnitId: 'administration',
  ownerPersonId: 'owner',
  ownerRole: 'owner',
  managerPersonId: 'manager',
  supplierName: 'supplier',
  hosting: 'hosting',
  userUnitIds: 'userUnits',
  approxUsers: 'users',
  capabilities: 'capabilities',
  costLicence: 'costLicence',
  costOperation: 'costOperation',
  costStaff: 'costStaff',
  costTotalReported: 'costTotal',
  confidentiality: 'confidentiality',
  integrity: 'integrity',
  availability: 'availability',
  classifiedOn: 'classifiedOn',
  personalData: 'personalData',
  sensitivePersonalData: 'personalData',
  dpaSignedOn: 'dpa',
  dpaStatus: 'dpa',
  dpiaStatus: 'dpia',
  dpiaOn: 'dpia',
  notes: 'comment',
};

export type SystemImportResult = ImportPlan['result'];

/**
 * Reads and checks every row, and returns the result with the write still to do, so that a caller
 * can report progress while the rows are saved. `mode=all` refuses the whole file (400) when any
 * row or value has a problem; `mode=partial` saves what it can and keeps the problems.
 */
export async function prepareImport(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  opts: { dryRun: boolean; mode?: ImportMode; choices?: ImportChoices },
) {
  const mode = opts.mode ?? 'all';
  const plan = await checkImport(db, ctx, file, { mode, choices: opts.choices ?? {} });
  const result = plan.result;
  // Without a name column nothing can be imported; the check still shows how each column is
  // read, so that the user can say which one holds the names.
  if (!opts.dryRun && !result.columns.some((c) => c.field === 'name'))
    throw invalid(
      'services.import.missingColumn',
      [{ path: 'file', key: 'services.import.missingColumn', params: { column: 'Namn' } }],
      { column: 'Namn' },
    );
  const blocking = problemsInOrder(plan).filter((x) => x.level !== 'note');
  if (!opts.dryRun && mode === 'all' && blocking.length)
    throw invalid(
      'services.import.rejected',
      blocking.slice(0, 200).map((x) => {
        const message = t(ctx.lang, UNREAD_KEY(x.reason), x.params ?? {});
        // A row's own problem names its row; a value's is placed on its row here.
        return ROW_REASONS.has(x.reason)
          ? { path: `rad ${x.row}`, key: 'errors.fieldMessage', params: { message } }
          : {
              path: `rad ${x.row}`,
              key: 'services.import.rowProblem',
              params: { row: x.row, message },
            };
      }) as FieldError[],
      { count: blocking.length },
    );
  const apply = async (onProgress?: (done: number, total: number) => void) => {
    // People first: those the user chose to add, once each.
    const created = new Map<string, string>();
    for (const a of plan.toCreate) {
      // A new person belongs to the unit owning the first system that names them.
      const first = plan.planned.find((p) =>
        [p.read.owner, p.read.manager].some((r) => personText(r) === a.text),
      );
      const unitId = (first?.read.values.ownerUnitId as string | undefined) ?? null;
      const person = await createPerson(db, ctx, {
        name: a.name ?? a.text,
        email: a.email ?? '',
        unitId,
        canLogIn: false,
      });
      created.set(foldKey(a.text), person.person.id);
    }
    const personIdOf = (reading: PersonReading) => {
      const text = personText(reading);
      return text ? created.get(foldKey(text)) : undefined;
    };
    const toWrite = plan.planned.filter((p) => p.action !== 'skipped');
    await writeInBatches(
      db,
      toWrite,
      async (tx, p) => {
        const input = p.input ?? {};
        for (const [key, reading] of [
          ['ownerPersonId', p.read.owner],
          ['managerPersonId', p.read.manager],
        ] as const) {
          const id = personIdOf(reading);
          if (id && input[key] === undefined && p.match?.[key] !== id) input[key] = id;
        }
        if (input.ownerPersonId && p.match?.ownerRole) input.ownerRole = null;
        let systemId = p.match?.id ?? null;
        // A category or lifecycle the file does not give stays unknown (null), never a default.
        const fresh = { category: null, lifecycle: null, ...input } as SystemInput;
        if (!p.match) systemId = (await createSystem(tx, ctx, fresh, 'import', { view: false })).id;
        else if (Object.keys(input).length > 1)
          await updateSystem(tx, ctx, p.match.id, input as never, 'import', { view: false });
        if (p.contract)
          if (p.contract.existing)
            await updateContract(
              tx,
              ctx,
              p.contract.existing.id,
              p.contract.input as never,
              'import',
            );
          else
            await createContract(
              tx,
              ctx,
              { systemId: systemId!, ...p.contract.input } as never,
              'import',
              p.match
                ? {}
                : {
                    newSystem: {
                      id: systemId!,
                      ownerUnitId: (input.ownerUnitId as string | undefined) ?? null,
                    },
                  },
            );
        await recordProblems(
          tx,
          ctx,
          systemId!,
          p.record.filter((x) => x.field !== 'row'),
          p.resolves,
        );
      },
      { onProgress },
    );
    await rememberMapping(db, ctx, plan, created);
    result.saved = true;
  };
  return { result, apply };
}

/** The plan with every row checked against the form's rules, and its result counted. */
export async function checkImport(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  opts: { mode: ImportMode; choices: ImportChoices },
) {
  const plan = await planImport(db, ctx, file, opts.choices, opts.mode);
  for (const p of plan.planned) checkPlanned(ctx, p, plan.columns);
  summarise(ctx, plan);
  return plan;
}

/** Every problem of the plan, in the file's order: by row, then by column. */
function problemsInOrder(plan: ImportPlan) {
  const col = (heading: string) => plan.columns.findIndex((c) => c.heading === heading);
  return plan.planned
    .flatMap((p) => p.problems)
    .sort((a, b) => a.row - b.row || col(a.heading) - col(b.heading));
}

function summarise(ctx: Ctx, plan: ImportPlan) {
  const all = problemsInOrder(plan);
  if (!plan.columns.some((c) => c.field === 'name'))
    all.unshift({
      row: plan.table.headingIndex + 1,
      field: 'name',
      heading: '',
      value: '',
      reason: 'missingName',
      level: 'row',
    });
  const r = plan.result;
  r.created = plan.planned.filter((p) => p.action === 'create').length;
  r.updated = plan.planned.filter((p) => p.action === 'update').length;
  r.unchanged = plan.planned.filter((p) => p.action === 'unchanged').length;
  r.notImported = plan.planned.filter((p) => p.action === 'skipped').length;
  r.withProblems = plan.planned.filter(
    (p) => p.action !== 'skipped' && p.problems.some((x) => x.field !== 'row'),
  ).length;
  r.problems = all.map((x) => ({
    row: x.row,
    field: x.field,
    heading: x.heading,
    value: x.value,
    level: x.level,
    message: t(ctx.lang, UNREAD_KEY(x.reason), x.params ?? {}),
  }));
  r.blocking = all.filter((x) => x.level !== 'note').length;
  // The to-dos the import saves: each problem once per system, none it has already.
  r.recorded = plan.planned
    .filter((p) => p.action !== 'skipped')
    .flatMap((p) => p.record)
    .filter((x) => x.field !== 'row').length;
  r.preview = plan.planned.map((p) => ({
    row: p.row,
    rows: p.rows,
    name: p.name,
    action: p.action,
    existing: p.match ? { id: p.match.id, name: p.match.name } : null,
    problems: p.problems.length,
  }));
  return r;
}

/** The region's choices, kept for its next import: headings, unit and person names. */
async function rememberMapping(db: Db, ctx: Ctx, plan: ImportPlan, created: Map<string, string>) {
  const columns: Record<string, string> = { ...(plan.mapping?.columns ?? {}) };
  for (const c of plan.columns)
    if (c.how === 'chosen' || c.how === 'remembered') columns[foldKey(c.heading)] = c.field ?? '';
  const units: Record<string, string> = { ...(plan.mapping?.units ?? {}) };
  for (const [key, a] of plan.unitActions) if (a.unitId && a.how !== 'exact') units[key] = a.unitId;
  const people: Record<string, string> = { ...(plan.mapping?.people ?? {}) };
  for (const [key, a] of plan.personActions) {
    const id = a.personId ?? created.get(key);
    if (id && a.how !== 'email') people[key] = id;
  }
  const values = { kind: MAPPING_KIND, columns, units, people };
  await db.transaction(async (tx: Tx) => {
    if (!plan.mapping)
      await createAudited(tx, ctx, importMappings, values, { entity: 'import_mapping' });
    else if (
      !same(plan.mapping.columns, columns) ||
      !same(plan.mapping.units, units) ||
      !same(plan.mapping.people, people)
    )
      await updateAudited(tx, ctx, importMappings, plan.mapping.id, plan.mapping.version, values, {
        entity: 'import_mapping',
        before: plan.mapping,
      });
  });
}

/** The problems of a check as a workbook: row, column, value, reason, and the row as written. */
export async function problemsWorkbook(ctx: Ctx, plan: ImportPlan) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const sv = ctx.lang === 'sv';
  const ws = wb.addWorksheet(sv ? 'Problem' : 'Problems');
  const heads = (plan.table.sheet.rows[plan.table.headingIndex] ?? []).map((h) => cleanText(h));
  ws.addRow([
    sv ? 'Rad' : 'Row',
    sv ? 'Kolumn' : 'Column',
    sv ? 'Värde' : 'Value',
    sv ? 'Orsak' : 'Reason',
    ...heads,
  ]).font = { bold: true };
  for (const p of plan.planned)
    for (const x of p.problems)
      ws.addRow([
        x.row,
        x.heading,
        x.value,
        t(ctx.lang, UNREAD_KEY(x.reason), x.params ?? {}),
        ...(plan.table.sheet.rows[x.row - 1] ?? []),
      ]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 + heads.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// The register's export, in the import's own columns

type ExportView = SystemView;
const CATEGORY_WORD = {
  sv: {
    core: 'Verksamhetskritisk',
    support: 'Verksamhetsstödjande',
    infrastructure: 'IT-infrastruktur',
  },
  en: { core: 'Core', support: 'Support', infrastructure: 'Infrastructure' },
};
const LIFECYCLE_WORD = {
  sv: {
    planned: 'Planerad',
    introducing: 'Under införande',
    operating: 'I drift',
    phasing_out: 'Under avveckling',
    phased_out: 'Avvecklad',
  },
  en: {
    planned: 'Planned',
    introducing: 'Introducing',
    operating: 'Operating',
    phasing_out: 'Phasing out',
    phased_out: 'Phased out',
  },
};
const DPA_WORD = {
  sv: { signed: 'Tecknat', missing: 'Saknas', not_needed: 'Ej aktuellt' },
  en: { signed: 'Signed', missing: 'Missing', not_needed: 'Not applicable' },
};
const DPIA_WORD = {
  sv: { done: 'Gjord', needed: 'Behövs', not_needed: 'Behövs inte' },
  en: { done: 'Done', needed: 'Needed', not_needed: 'Not needed' },
};
const YES = { sv: 'Ja', en: 'Yes' };
const NO = { sv: 'Nej', en: 'No' };
const SENSITIVE = { sv: 'Ja, känsliga', en: 'Yes, sensitive' };

/**
 * The register's columns for its export: the import's headings and the words its readers take,
 * so that the file imports back with no change (the round trip of issue 14). People are written
 * "Name <e-mail>", estimates "ca …", a contract without an end "tillsvidare"; the one contract
 * shown is the next to end (else the latest). The computed yearly cost and the flags follow, under
 * headings the import does not read.
 */
export async function registerColumns(db: Db, ctx: Ctx, items: readonly ExportView[]) {
  const lang = ctx.lang;
  const people = new Map((await tenantPeople(db, ctx)).map((p) => [p.id, p]));
  const ids = items.map((s) => s.id);
  const all = ids.length
    ? await db.select().from(contracts).where(eq(contracts.tenantId, ctx.tenantId))
    : [];
  const today = todayOf(ctx.now);
  const contractOf = new Map<string, ExistingContract>();
  for (const id of ids) {
    const cs = all.filter((c) => c.systemId === id);
    const next = cs
      .filter((c) => !c.endsOn || c.endsOn >= today)
      .sort((a, b) => (a.endsOn ?? '9999').localeCompare(b.endsOn ?? '9999'))[0];
    const latest = [...cs].sort((a, b) => (b.endsOn ?? '').localeCompare(a.endsOn ?? ''))[0];
    const c = next ?? latest;
    if (c) contractOf.set(id, c);
  }
  const person = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? `${p.name} <${p.email}>` : null;
  };
  const approx = (s: ExportView, f: string, v: number | null) =>
    v == null ? null : s.approximate.includes(f as never) ? `ca ${v}` : v;
  const h = (f: RegisterField) => ({ sv: FIELD_HEADINGS[f][0]!, en: FIELD_HEADINGS[f][1]! });
  const col = (
    f: RegisterField,
    value: (s: ExportView) => string | number | null,
  ): ListColumn<ExportView> => ({ key: f, ...h(f), value });
  return [
    col('name', (s) => s.name),
    col('aliases', (s) => s.aliases.join('; ')),
    col('description', (s) => s.description),
    col('administration', (s) => s.ownerUnitName),
    col('owner', (s) => person(s.ownerPersonId) ?? s.ownerRole),
    col('manager', (s) => person(s.managerPersonId)),
    col('supplier', (s) => s.supplierName),
    col('category', (s) => (s.category ? CATEGORY_WORD[lang][s.category as 'core'] : null)),
    col('lifecycle', (s) =>
      s.lifecycle
        ? `${LIFECYCLE_WORD[lang][s.lifecycle as 'planned']}${s.lifecycleOn ? ` ${s.lifecycleOn}` : ''}`
        : null,
    ),
    col('users', (s) => approx(s, 'approxUsers', s.approxUsers)),
    col('userUnits', (s) => s.userUnits.map((u) => u.name).join('; ')),
    col('costLicence', (s) => approx(s, 'costLicence', s.costLicence)),
    col('costOperation', (s) => approx(s, 'costOperation', s.costOperation)),
    col('costStaff', (s) => approx(s, 'costStaff', s.costStaff)),
    col('costTotal', (s) => approx(s, 'costTotalReported', s.costTotalReported)),
    col('personalData', (s) =>
      s.personalData == null
        ? null
        : s.personalData
          ? s.sensitivePersonalData
            ? SENSITIVE[lang]
            : YES[lang]
          : NO[lang],
    ),
    col(
      'dpa',
      (s) => s.dpaSignedOn ?? (s.dpaStatus ? DPA_WORD[lang][s.dpaStatus as 'signed'] : null),
    ),
    col('dpia', (s) =>
      s.dpiaStatus === 'done' && s.dpiaOn
        ? s.dpiaOn
        : s.dpiaStatus
          ? DPIA_WORD[lang][s.dpiaStatus as 'done']
          : null,
    ),
    col('confidentiality', (s) => s.confidentiality),
    col('integrity', (s) => s.integrity),
    col('availability', (s) => s.availability),
    col('classifiedOn', (s) => s.classifiedOn),
    col('contractRef', (s) => contractOf.get(s.id)?.contractRef ?? null),
    col('contractEndsOn', (s) => {
      const c = contractOf.get(s.id);
      return c ? (c.endsOn ?? (lang === 'sv' ? 'tillsvidare' : 'open-ended')) : null;
    }),
    col('extension', (s) => contractOf.get(s.id)?.extensionOptions ?? null),
    col('noticeMonths', (s) => contractOf.get(s.id)?.noticeMonths ?? null),
    col('hosting', (s) => s.hosting),
    col('capabilities', (s) => s.capabilities.join('; ')),
    col('comment', (s) => s.notes),
    {
      key: 'costComputed',
      sv: 'Beräknad årskostnad',
      en: 'Computed yearly cost',
      value: (s: ExportView) => s.costTotal,
    },
    { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (s: ExportView) => s.flags.join(', ') },
    col('id', (s) => s.id),
  ];
}
