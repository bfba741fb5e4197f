import type { FieldError } from '../shared/errors.js';
import type { UnitKind } from './unit.js';

/*
 * The organisation and its people from an HR export: which units and people a file creates,
 * changes or moves, and what it says wrong on which row, before anything is written. Units are
 * found by their code, people by their e-mail, so the same file imported twice changes nothing.
 * Nothing is ever deleted: a unit or person missing from a later file is listed, not archived.
 */

/** The words HR systems use for a unit's kind, in Swedish and English. */
const KIND_WORDS: Record<string, UnitKind> = {
  fullmäktige: 'assembly',
  regionfullmäktige: 'assembly',
  kommunfullmäktige: 'assembly',
  assembly: 'assembly',
  regionstyrelse: 'regional_board',
  kommunstyrelse: 'regional_board',
  regional_board: 'regional_board',
  arbetsutskott: 'working_committee',
  au: 'working_committee',
  working_committee: 'working_committee',
  nämnd: 'board',
  board: 'board',
  bolag: 'company',
  company: 'company',
  förvaltning: 'administration',
  administration: 'administration',
  avdelning: 'department',
  område: 'department',
  verksamhetsområde: 'department',
  department: 'department',
  enhet: 'unit',
  sektion: 'unit',
  unit: 'unit',
  övrigt: 'other',
  annat: 'other',
  other: 'other',
};

export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function kindOf(word: string): UnitKind | null {
  return KIND_WORDS[norm(word)] ?? null;
}

export type UnitRow = {
  row: number;
  code: string;
  name: string;
  parentCode: string;
  kind: string;
  shortName: string;
};
export type PersonRow = { row: number; name: string; email: string; unit: string; title: string };

export type ExistingUnit = {
  id: string;
  code: string | null;
  name: string;
  parentId: string | null;
  kind: string;
  shortName: string | null;
  archivedAt: unknown;
};
export type ExistingPerson = {
  id: string;
  email: string;
  name: string;
  title: string | null;
  unitId: string | null;
  archivedAt: unknown;
};

/** A unit's parent: an existing unit, or a unit created from an earlier row of the file. */
export type ParentRef = { existingId: string } | { code: string };

export type UnitStep = {
  row: number;
  code: string;
  action: 'create' | 'update' | 'unchanged';
  existingId: string | null;
  /** The fields that change (all of them for a new unit). */
  changes: { name?: string; kind?: UnitKind; shortName?: string | null };
  /** Set when the unit is placed (new) or moves (existing). */
  parent: ParentRef | null;
};

export type PersonStep = {
  row: number;
  email: string;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  existingId: string | null;
  changes: { name?: string; title?: string | null; unit?: ParentRef | null };
};

const rowError = (row: number, key: string, params: Record<string, string | number> = {}) => ({
  path: `rad ${row}`,
  key,
  params: { row, ...params },
});

/**
 * The units a file creates, changes and moves, parents before children, with a message per row
 * that is wrong: no code, a code twice, an unknown kind or parent, a parent chain that loops.
 */
export function planUnits(
  rows: UnitRow[],
  existing: ExistingUnit[],
  rootId: string,
): { steps: UnitStep[]; errors: FieldError[]; missing: ExistingUnit[] } {
  const errors: FieldError[] = [];
  const byCode = new Map(existing.filter((u) => u.code).map((u) => [norm(u.code!), u]));
  const fileRows = new Map<string, UnitRow>();
  for (const r of rows) {
    if (!r.code) {
      errors.push(rowError(r.row, 'org.import.noCode', { value: r.name }));
      continue;
    }
    if (fileRows.has(norm(r.code))) {
      errors.push(
        rowError(r.row, 'org.import.codeTwice', {
          value: r.code,
          other: fileRows.get(norm(r.code))!.row,
        }),
      );
      continue;
    }
    fileRows.set(norm(r.code), r);
    const current = byCode.get(norm(r.code));
    if (!current && !r.name) errors.push(rowError(r.row, 'org.import.noName', { value: r.code }));
    if (r.kind && !kindOf(r.kind))
      errors.push(rowError(r.row, 'org.import.badKind', { value: r.kind }));
    if (!current && !r.kind) errors.push(rowError(r.row, 'org.import.noKind', { value: r.code }));
    if (r.parentCode && norm(r.parentCode) === norm(r.code))
      errors.push(rowError(r.row, 'org.import.ownParent', { value: r.code }));
    else if (r.parentCode && !fileRows.has(norm(r.parentCode)) && !byCode.has(norm(r.parentCode)))
      // A parent later in the file is found below; only a code nowhere is unknown.
      if (!rows.some((o) => norm(o.code) === norm(r.parentCode)))
        errors.push(rowError(r.row, 'org.import.unknownParent', { value: r.parentCode }));
  }

  // Parents first. A chain that returns to itself is refused on each of its rows.
  const order: UnitRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: UnitRow, trail: UnitRow[]) => {
    const key = norm(r.code);
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const loop = trail.slice(trail.findIndex((t) => norm(t.code) === key));
      for (const t of loop)
        errors.push(
          rowError(t.row, 'org.import.loop', { value: loop.map((l) => l.code).join(' → ') }),
        );
      return;
    }
    state.set(key, 'visiting');
    const parent = r.parentCode ? fileRows.get(norm(r.parentCode)) : undefined;
    if (parent) visit(parent, [...trail, r]);
    state.set(key, 'done');
    order.push(r);
  };
  for (const r of fileRows.values()) visit(r, []);

  const steps: UnitStep[] = order.map((r) => {
    const current = byCode.get(norm(r.code));
    const kind = r.kind ? kindOf(r.kind) : null;
    const parentCode = r.parentCode ? norm(r.parentCode) : null;
    const parentExisting = parentCode ? byCode.get(parentCode) : undefined;
    // An unknown parent was reported above; the row is then never applied.
    const parent: ParentRef = !parentCode
      ? { existingId: rootId }
      : parentExisting
        ? { existingId: parentExisting.id }
        : { code: parentCode };
    if (!current) {
      return {
        row: r.row,
        code: r.code,
        action: 'create',
        existingId: null,
        changes: { name: r.name, ...(kind ? { kind } : {}), shortName: r.shortName || null },
        parent,
      };
    }
    const changes: UnitStep['changes'] = {};
    if (r.name && r.name !== current.name) changes.name = r.name;
    if (kind && kind !== current.kind) changes.kind = kind;
    if (r.shortName && r.shortName !== current.shortName) changes.shortName = r.shortName;
    // The root stays the root; every other unit sits where the file says.
    const moves =
      current.parentId !== null && 'existingId' in parent
        ? parent.existingId !== current.parentId
        : current.parentId !== null;
    return {
      row: r.row,
      code: r.code,
      action: Object.keys(changes).length || moves ? 'update' : 'unchanged',
      existingId: current.id,
      changes,
      parent: moves ? parent : null,
    };
  });
  const missing = existing.filter(
    (u) => u.code && !u.archivedAt && !fileRows.has(norm(u.code)) && u.parentId !== null,
  );
  return { steps, errors, missing };
}

/**
 * The people a file creates and changes, found by e-mail. A person's unit is named by its code
 * (or, failing that, by a unit name that only one unit has), in the file or already in Styrbord.
 */
export function planPeople(
  rows: PersonRow[],
  existing: ExistingPerson[],
  units: { id: string; code: string | null; name: string }[],
  unitsInFile: { code: string; name: string }[],
): { steps: PersonStep[]; errors: FieldError[]; missing: ExistingPerson[] } {
  const errors: FieldError[] = [];
  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));
  const byCode = new Map(units.filter((u) => u.code).map((u) => [norm(u.code!), u]));
  const unitCodesInFile = new Set(unitsInFile.map((u) => norm(u.code)));
  // A unit's name, in Styrbord or in the file, when only one unit has it.
  const byName = new Map<string, ParentRef | 'ambiguous'>();
  const named = (name: string, ref: ParentRef) =>
    byName.set(norm(name), byName.has(norm(name)) ? 'ambiguous' : ref);
  for (const u of units) named(u.name, { existingId: u.id });
  for (const u of unitsInFile)
    if (!byCode.has(norm(u.code)) && u.name) named(u.name, { code: norm(u.code) });
  const seen = new Map<string, number>();
  const steps: PersonStep[] = [];
  for (const r of rows) {
    const email = r.email.trim().toLowerCase();
    if (!email) {
      errors.push(rowError(r.row, 'org.import.noEmail', { value: r.name }));
      continue;
    }
    if (seen.has(email)) {
      errors.push(
        rowError(r.row, 'org.import.emailTwice', { value: email, other: seen.get(email)! }),
      );
      continue;
    }
    seen.set(email, r.row);
    let unit: ParentRef | null | undefined;
    if (r.unit) {
      const code = norm(r.unit);
      const byUnitName = byName.get(code);
      if (byCode.has(code)) unit = { existingId: byCode.get(code)!.id };
      else if (unitCodesInFile.has(code)) unit = { code };
      else if (byUnitName && byUnitName !== 'ambiguous') unit = byUnitName;
      else
        errors.push(
          rowError(
            r.row,
            byUnitName === 'ambiguous' ? 'org.import.unitAmbiguous' : 'org.import.unknownUnit',
            {
              value: r.unit,
            },
          ),
        );
    }
    const current = byEmail.get(email);
    if (!current) {
      if (!r.name) errors.push(rowError(r.row, 'org.import.noPersonName', { value: email }));
      steps.push({
        row: r.row,
        email,
        name: r.name,
        action: 'create',
        existingId: null,
        changes: { name: r.name, title: r.title || null, unit: unit ?? null },
      });
      continue;
    }
    const changes: PersonStep['changes'] = {};
    if (r.name && r.name !== current.name) changes.name = r.name;
    if (r.title && r.title !== current.title) changes.title = r.title;
    if (unit && !('existingId' in unit && unit.existingId === current.unitId)) changes.unit = unit;
    steps.push({
      row: r.row,
      email,
      name: r.name || current.name,
      action: Object.keys(changes).length ? 'update' : 'unchanged',
      existingId: current.id,
      changes,
    });
  }
  // People placed in a unit (as HR places them) whom the file no longer has; an administrator
  // or consultant added by hand, in no unit, is not the HR file's to miss.
  const missing = existing.filter(
    (p) => !p.archivedAt && p.unitId && !seen.has(p.email.toLowerCase()),
  );
  return { steps, errors, missing };
}
