import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import {
  norm,
  planPeople,
  planUnits,
  type PersonRow,
  type UnitRow,
} from '../../../domain/organization/hr-import.js';
import { PersonInput } from '../../../domain/organization/person.js';
import { UnitInput } from '../../../domain/organization/unit.js';
import { can } from '../../../domain/access/permissions.js';
import { invalid, notAllowed, type FieldError } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { headingRow, readTableFile, type TableSheet } from '../../platform/table-file.js';
import { inputIssues, writeInBatches } from '../../platform/write.js';
import { createPerson, updatePerson } from './people.service.js';
import { targetOf } from './reads.js';
import { persons, orgUnits } from './tables.js';
import { createUnit, moveUnit, updateUnit } from './units.service.js';

/** The headings HR exports use, Swedish and English, per field. */
const UNIT_HEADINGS = {
  code: [
    'enhetskod',
    'kod',
    'code',
    'unit code',
    'enhets-id',
    'enhetsid',
    'org-id',
    'orgid',
    'organisationskod',
    'orgkod',
    'kostnadsställe',
    'ansvarskod',
    'id',
  ],
  name: ['namn', 'enhetsnamn', 'name', 'unit name', 'benämning', 'organisationsenhet', 'enhet'],
  parentCode: [
    'överordnad',
    'överordnad kod',
    'överordnad enhetskod',
    'överordnad enhet',
    'föräldrakod',
    'förälder',
    'tillhör',
    'parent',
    'parent code',
  ],
  kind: ['typ', 'enhetstyp', 'nivå', 'organisationsnivå', 'kind', 'type', 'level'],
  shortName: ['förkortning', 'kortnamn', 'short name', 'abbreviation'],
} as const;

const PERSON_HEADINGS = {
  name: ['namn', 'för- och efternamn', 'fullständigt namn', 'name', 'full name'],
  firstName: ['förnamn', 'first name', 'given name'],
  lastName: ['efternamn', 'last name', 'surname', 'family name'],
  email: ['e-post', 'epost', 'e-postadress', 'mejl', 'mail', 'email', 'e-mail', 'email address'],
  unit: [
    'enhet',
    'enhetskod',
    'kostnadsställe',
    'org-id',
    'organisationskod',
    'arbetsplats',
    'unit',
    'unit code',
    'department',
  ],
  title: ['titel', 'befattning', 'tjänstetitel', 'yrkestitel', 'roll', 'title', 'job title'],
} as const;

/** A row that sums up the sheet (Summa, Totalt), not a unit or a person. */
const isSummary = (cells: string[]) =>
  cells.some((c) => /^(summa|totalt|total|antal|sum)\b/i.test(c ?? '')) &&
  cells.filter((c) => c).length <= 3;

type Sheets = { units: UnitRow[] | null; people: PersonRow[] | null };

function readSheets(sheets: TableSheet[]): Sheets {
  const out: Sheets = { units: null, people: null };
  for (const sheet of sheets) {
    const people = headingRow(sheet.rows, PERSON_HEADINGS);
    if (!out.people && people?.columns.has('email')) {
      const get = (cells: string[], f: keyof typeof PERSON_HEADINGS) =>
        people.columns.has(f) ? (cells[people.columns.get(f)!] ?? '').trim() : '';
      out.people = [];
      sheet.rows.slice(people.index + 1).forEach((cells, i) => {
        if (!cells.some((c) => c) || isSummary(cells)) return;
        const name =
          get(cells, 'name') || [get(cells, 'firstName'), get(cells, 'lastName')].join(' ').trim();
        out.people!.push({
          row: people.index + i + 2,
          name,
          email: get(cells, 'email'),
          unit: get(cells, 'unit'),
          title: get(cells, 'title'),
        });
      });
      continue;
    }
    const units = headingRow(sheet.rows, UNIT_HEADINGS);
    if (!out.units && units?.columns.has('code') && units.columns.has('name')) {
      const get = (cells: string[], f: keyof typeof UNIT_HEADINGS) =>
        units.columns.has(f) ? (cells[units.columns.get(f)!] ?? '').trim() : '';
      out.units = [];
      sheet.rows.slice(units.index + 1).forEach((cells, i) => {
        if (!cells.some((c) => c) || isSummary(cells)) return;
        out.units!.push({
          row: units.index + i + 2,
          code: get(cells, 'code'),
          name: get(cells, 'name'),
          parentCode: get(cells, 'parentCode'),
          kind: get(cells, 'kind'),
          shortName: get(cells, 'shortName'),
        });
      });
    }
  }
  return out;
}

type Action = 'create' | 'update' | 'unchanged';
export type OrgImportResult = {
  saved: boolean;
  units: {
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    preview: { row: number; code: string; name: string; action: Action }[];
    /** Units with a code that the file no longer has: listed for archiving, never archived. */
    missing: { id: string; code: string; name: string }[];
  } | null;
  people: {
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    preview: { row: number; email: string; name: string; action: Action }[];
    /** People the file no longer has: listed, never archived. */
    missing: { id: string; email: string; name: string }[];
  } | null;
};

const counts = <T extends { action: Action }>(preview: T[]) => ({
  rows: preview.length,
  created: preview.filter((p) => p.action === 'create').length,
  updated: preview.filter((p) => p.action === 'update').length,
  unchanged: preview.filter((p) => p.action === 'unchanged').length,
});

/**
 * Reads an HR export (Excel with a sheet of units and/or a sheet of people, or one CSV of either)
 * and checks every row, refusing the file with a message per row when any is wrong; returns the
 * result and the write still to do, which saves every row through the same services the forms
 * use, in one transaction.
 */
export async function prepareOrgImport(db: Db, ctx: Ctx, data: Buffer, opts: { dryRun: boolean }) {
  // The whole organisation is imported: it takes the right to change it from its root.
  const units = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId));
  const root = units.find((u) => u.parentId === null)!;
  if (
    !can(ctx.actor, 'org.unit.edit', targetOf(root)) &&
    !can(ctx.actor, 'org.people.edit', targetOf(root))
  )
    throw notAllowed();
  const sheets = readSheets(await readTableFile(data));
  if (!sheets.units && !sheets.people)
    throw invalid('org.import.noHeadings', [{ path: 'file', key: 'org.import.noHeadings' }]);
  if (sheets.units) authorize(ctx, 'org.unit.edit', targetOf(root));
  if (sheets.people) authorize(ctx, 'org.people.edit', targetOf(root));

  // Each sheet's problems under its own name and in row order, so "rad 4" of the units and of
  // the people are two lines; a field is named by the heading a person sees.
  const HEADING: Record<string, { sv: string; en: string }> = {
    name: { sv: 'Namn', en: 'Name' },
    email: { sv: 'E-post', en: 'Email' },
    title: { sv: 'Befattning', en: 'Title' },
    code: { sv: 'Enhetskod', en: 'Unit code' },
    kind: { sv: 'Typ', en: 'Kind' },
    shortName: { sv: 'Förkortning', en: 'Short name' },
  };
  const sheetName = {
    units: ctx.lang === 'sv' ? 'Enheter' : 'Units',
    people: ctx.lang === 'sv' ? 'Personer' : 'People',
  };
  const unitErrors: FieldError[] = [];
  const peopleErrors: FieldError[] = [];
  const rowIssue = (row: number, issue: FieldError): FieldError => ({
    path: `rad ${row}.${issue.path}`,
    key: 'errors.rowMessage',
    params: {
      row,
      column: HEADING[issue.path]?.[ctx.lang] ?? issue.path,
      message: t(ctx.lang, issue.key, issue.params ?? {}),
    },
  });

  const unitPlan = sheets.units ? planUnits(sheets.units, units, root.id) : null;
  if (unitPlan) {
    unitErrors.push(...unitPlan.errors);
    for (const s of unitPlan.steps.filter((s) => s.action === 'create'))
      for (const issue of inputIssues(
        UnitInput,
        { parentId: root.id, kind: s.changes.kind ?? 'unit', code: s.code, ...s.changes },
        ctx.lang,
      ))
        unitErrors.push(rowIssue(s.row, issue));
  }
  const unitsInFile = (sheets.units ?? []).map((u) => ({ code: u.code, name: u.name }));
  const people = sheets.people
    ? await db.select().from(persons).where(eq(persons.tenantId, ctx.tenantId))
    : [];
  const peoplePlan = sheets.people ? planPeople(sheets.people, people, units, unitsInFile) : null;
  if (peoplePlan) {
    peopleErrors.push(...peoplePlan.errors);
    for (const s of peoplePlan.steps.filter((s) => s.action !== 'unchanged'))
      for (const issue of inputIssues(
        PersonInput,
        { name: s.changes.name ?? s.name, email: s.email, title: s.changes.title ?? null },
        ctx.lang,
      ))
        peopleErrors.push(rowIssue(s.row, issue));
  }
  const rowOf = (e: FieldError) => Number(e.params?.row ?? 0);
  const bySheet = (list: FieldError[], sheet: string) =>
    list.sort((a, b) => rowOf(a) - rowOf(b)).map((e) => ({ ...e, path: `${sheet}.${e.path}` }));
  const errors = [
    ...bySheet(unitErrors, sheetName.units),
    ...bySheet(peopleErrors, sheetName.people),
  ];
  if (errors.length)
    throw invalid('org.import.rejected', errors.slice(0, 200), { count: errors.length });

  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const unitPreview = (unitPlan?.steps ?? []).map((s) => ({
    row: s.row,
    code: s.code,
    name: s.changes.name ?? nameOf.get(s.existingId ?? '') ?? s.code,
    action: s.action,
  }));
  const peoplePreview = (peoplePlan?.steps ?? []).map((s) => ({
    row: s.row,
    email: s.email,
    name: s.changes.name ?? s.name,
    action: s.action,
  }));
  const result: OrgImportResult = {
    saved: !opts.dryRun,
    units: unitPlan
      ? {
          ...counts(unitPreview),
          preview: unitPreview,
          missing: unitPlan.missing.map((u) => ({ id: u.id, code: u.code!, name: u.name })),
        }
      : null,
    people: peoplePlan
      ? {
          ...counts(peoplePreview),
          preview: peoplePreview,
          missing: peoplePlan.missing.map((p) => ({ id: p.id, email: p.email, name: p.name })),
        }
      : null,
  };

  // Each unit and person is saved through the write path in its turn (parents before children),
  // in batches that let other users' requests through (writeInBatches).
  const apply = () => {
    const steps: ((tx: Tx) => Promise<unknown>)[] = [];
    const idByCode = new Map(units.filter((u) => u.code).map((u) => [norm(u.code!), u.id]));
    const versionOf = new Map(units.map((u) => [u.id, u.version]));
    const ref = (r: { existingId: string } | { code: string }) =>
      'existingId' in r ? r.existingId : idByCode.get(r.code)!;
    for (const s of unitPlan?.steps ?? []) {
      if (s.action === 'create') {
        steps.push(async (tx) => {
          const u = await createUnit(tx, ctx, {
            parentId: ref(s.parent!),
            kind: s.changes.kind!,
            name: s.changes.name!,
            shortName: s.changes.shortName ?? null,
            code: s.code,
          });
          idByCode.set(norm(s.code), u.id);
        });
        continue;
      }
      if (s.action === 'unchanged') continue;
      const id = s.existingId!;
      steps.push(async (tx) => {
        if (Object.keys(s.changes).length) {
          const u = await updateUnit(tx, ctx, id, { version: versionOf.get(id)!, ...s.changes });
          versionOf.set(id, u.version);
        }
        if (s.parent) {
          const u = await moveUnit(tx, ctx, id, {
            version: versionOf.get(id)!,
            parentId: ref(s.parent),
          });
          versionOf.set(id, u.version);
        }
      });
    }
    const personVersion = new Map(people.map((p) => [p.id, p.version]));
    for (const s of (peoplePlan?.steps ?? []).filter((p) => p.action !== 'unchanged'))
      steps.push(async (tx) => {
        const unitId = s.changes.unit ? ref(s.changes.unit) : undefined;
        if (s.action === 'create')
          await createPerson(tx, ctx, {
            name: s.changes.name ?? s.name,
            email: s.email,
            title: s.changes.title ?? null,
            unitId: unitId ?? null,
            canLogIn: false,
          });
        else if (s.action === 'update')
          await updatePerson(tx, ctx, s.existingId!, {
            version: personVersion.get(s.existingId!)!,
            ...(s.changes.name ? { name: s.changes.name } : {}),
            ...(s.changes.title !== undefined ? { title: s.changes.title } : {}),
            ...(unitId ? { unitId } : {}),
          });
      });
    return writeInBatches(db, steps, (tx, step) => step(tx));
  };
  return { result, apply };
}

/** A template with the headings the import reads: a sheet of units and a sheet of people. */
export async function orgTemplate(lang: 'sv' | 'en') {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const units = wb.addWorksheet(lang === 'sv' ? 'Enheter' : 'Units');
  units.addRow(
    lang === 'sv'
      ? ['Enhetskod', 'Namn', 'Överordnad kod', 'Typ', 'Förkortning']
      : ['Unit code', 'Name', 'Parent code', 'Kind', 'Short name'],
  );
  units.addRow(['RS', 'Regionstyrelsen', '', 'regionstyrelse', 'RS']);
  units.addRow(['HSN', 'Hälso- och sjukvårdsnämnden', '', 'nämnd', 'HSN']);
  units.addRow(['HSF', 'Hälso- och sjukvårdsförvaltningen', 'HSN', 'förvaltning', 'HSF']);
  const people = wb.addWorksheet(lang === 'sv' ? 'Personer' : 'People');
  people.addRow(
    lang === 'sv'
      ? ['Namn', 'E-post', 'Enhetskod', 'Befattning']
      : ['Name', 'Email', 'Unit code', 'Title'],
  );
  people.addRow(['Anna Andersson', 'anna.andersson@region.example', 'HSF', 'Förvaltningschef']);
  for (const ws of [units, people]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 28));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
