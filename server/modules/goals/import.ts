import { writeInBatches } from '../../platform/write.js';
import ExcelJS from 'exceljs';
import { readTableFile } from '../../platform/table-file.js';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { PERIOD_KEY, periodLabel, yearOf } from '../../../domain/goals/periods.js';
import { OutcomeSave } from '../../../domain/goals/goal.js';
import { missingForQuantitative } from '../../../domain/goals/flags.js';
import {
  DomainError,
  invalid,
  notAllowed,
  type FieldError,
} from '../../../domain/shared/errors.js';
import { canAnywhere } from '../../../domain/access/permissions.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { inputIssues } from '../../platform/write.js';
import { unitName } from '../organization/index.js';
import { recordOutcome } from './followup.service.js';
import { goalTarget, validInYear } from './goals.service.js';
import { goals, indicators, outcomes } from './tables.js';

/** The template's columns; the first is the indicator's id, which the import matches on. */
const HEADERS = {
  sv: ['Indikator-id', 'Nämnd', 'Mål', 'Indikator', 'Enhet', 'Period', 'Värde', 'Kommentar'],
  en: ['Indicator id', 'Board', 'Goal', 'Indicator', 'Unit', 'Period', 'Value', 'Comment'],
} as const;

/** A workbook with one row per indicator of the goals valid in the period's year, with any value already entered. */
export async function outcomeTemplate(
  db: Db,
  ctx: Ctx,
  q: { periodKey: string; ownerUnitId?: string | undefined },
) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select({
      id: indicators.id,
      board: unitName(goals.ownerUnitId) as SQL<string>,
      goal: goals.title,
      name: indicators.name,
      unit: indicators.unit,
      value: outcomes.value,
      comment: outcomes.comment,
    })
    .from(indicators)
    .innerJoin(goals, eq(goals.id, indicators.goalId))
    .leftJoin(
      outcomes,
      and(
        eq(outcomes.indicatorId, indicators.id),
        eq(outcomes.periodKey, q.periodKey),
        isNull(outcomes.unitId),
      ),
    )
    .where(
      and(
        eq(indicators.tenantId, ctx.tenantId),
        isNull(goals.archivedAt),
        validInYear(yearOf(q.periodKey)),
        q.ownerUnitId ? eq(goals.ownerUnitId, q.ownerUnitId) : undefined,
      ),
    )
    .orderBy(unitName(goals.ownerUnitId), goals.title, indicators.name);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const ws = wb.addWorksheet(ctx.lang === 'sv' ? 'Utfall' : 'Outcomes');
  ws.columns = HEADERS[ctx.lang].map((header, i) => ({
    header,
    width: [38, 28, 40, 40, 10, 12, 12, 40][i],
  }));
  for (const r of rows)
    ws.addRow([
      r.id,
      r.board,
      r.goal,
      r.name,
      r.unit ?? '',
      q.periodKey,
      r.value ?? null,
      r.comment ?? '',
    ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const note = wb.addWorksheet(ctx.lang === 'sv' ? 'Instruktion' : 'Instructions');
  note.getCell('A1').value =
    ctx.lang === 'sv'
      ? `Fyll i kolumnen Värde för ${periodLabel(q.periodKey, 'sv')}. Ändra inte Indikator-id. Tomma värden hoppas över. Decimaler med komma eller punkt.`
      : `Fill in the Value column for ${periodLabel(q.periodKey, 'en')}. Do not change the indicator id. Empty values are skipped.`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ImportRow = {
  row: number;
  indicatorId: string;
  periodKey: string;
  value: number;
  comment: string | null;
};
export type ImportResult = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  saved: boolean;
};

/**
 * Reads a filled-in template. Every row is checked before anything is written: one bad row and
 * the whole import is refused with a message per row, so a half-imported period never happens.
 * With `dryRun` it only checks and reports what would change.
 */
export async function importOutcomes(
  db: Db,
  ctx: Ctx,
  file: Buffer,
  dryRun: boolean,
): Promise<ImportResult> {
  if (!canAnywhere(ctx.actor, 'goals.edit')) throw notAllowed();
  const [sheet] = await readTableFile(file);
  if (!sheet)
    throw invalid('goals.import.notExcel', [{ path: 'file', key: 'goals.import.notExcel' }]);
  const errors: FieldError[] = [];
  const parsed: ImportRow[] = [];
  let skipped = 0;
  sheet.rows.forEach((cells, i) => {
    const n = i + 1;
    if (n === 1) return;
    const cell = (col: number) => (cells[col - 1] ?? '').trim();
    const id = cell(1);
    const periodKey = cell(6);
    const rawValue = cell(7).replace(/\s/g, '').replace(',', '.');
    const comment = cell(8) || null;
    if (!id && !rawValue) return;
    if (!rawValue) {
      skipped += 1;
      return;
    }
    const path = `rad ${n}`;
    if (!/^[0-9a-f-]{36}$/i.test(id))
      errors.push({ path, key: 'goals.import.badId', params: { row: n } });
    if (!PERIOD_KEY.test(periodKey))
      errors.push({ path, key: 'goals.import.badPeriod', params: { row: n, value: periodKey } });
    const value = Number(rawValue);
    if (!Number.isFinite(value))
      errors.push({ path, key: 'goals.import.badValue', params: { row: n, value: rawValue } });
    parsed.push({ row: n, indicatorId: id, periodKey, value, comment });
  });
  const ids = [
    ...new Set(parsed.map((p) => p.indicatorId).filter((id) => /^[0-9a-f-]{36}$/i.test(id))),
  ];
  const found = ids.length
    ? await db
        .select({
          id: indicators.id,
          kind: indicators.kind,
          scale: indicators.scale,
          unit: indicators.unit,
          dataSource: indicators.dataSource,
          dataSourceText: indicators.dataSourceText,
          ownerUnitId: goals.ownerUnitId,
        })
        .from(indicators)
        .innerJoin(goals, eq(goals.id, indicators.goalId))
        .where(and(eq(indicators.tenantId, ctx.tenantId), inArray(indicators.id, ids)))
    : [];
  const byId = new Map(found.map((f) => [f.id, f]));
  const allowedOwners = new Set<string>();
  for (const owner of new Set(found.map((f) => f.ownerUnitId))) {
    try {
      authorize(ctx, 'goals.edit', await goalTarget(db, ctx, owner));
      allowedOwners.add(owner);
    } catch {
      /* reported per row below */
    }
  }
  for (const p of parsed) {
    const ind = byId.get(p.indicatorId);
    if (!ind) {
      if (/^[0-9a-f-]{36}$/i.test(p.indicatorId))
        errors.push({
          path: `rad ${p.row}`,
          key: 'goals.import.unknownIndicator',
          params: { row: p.row },
        });
      continue;
    }
    if (!allowedOwners.has(ind.ownerUnitId))
      errors.push({ path: `rad ${p.row}`, key: 'goals.import.notAllowed', params: { row: p.row } });
    else if (missingForQuantitative(ind).length)
      errors.push({
        path: `rad ${p.row}`,
        key: 'goals.import.indicatorIncomplete',
        params: { row: p.row },
      });
    if (
      ind.kind === 'qualitative' &&
      ind.scale.length &&
      !ind.scale.some((l) => l.level === p.value)
    )
      errors.push({
        path: `rad ${p.row}`,
        key: 'goals.import.notOnScale',
        params: { row: p.row, value: p.value },
      });
  }
  const seen = new Set<string>();
  for (const p of parsed) {
    const key = `${p.indicatorId}|${p.periodKey}`;
    if (seen.has(key))
      errors.push({ path: `rad ${p.row}`, key: 'goals.import.duplicate', params: { row: p.row } });
    seen.add(key);
  }
  // What the form would refuse, the import refuses, with the form's words: each row's values are
  // checked against the schema the outcome route (and recordOutcome) parses with.
  const reported = new Set(errors.map((e) => e.path));
  const column: Record<string, number> = { indicatorId: 0, periodKey: 5, value: 6, comment: 7 };
  for (const p of parsed) {
    if (reported.has(`rad ${p.row}`)) continue;
    const values = { indicatorId: p.indicatorId, periodKey: p.periodKey, value: p.value };
    for (const issue of inputIssues(OutcomeSave, { ...values, comment: p.comment }, ctx.lang))
      errors.push({
        path: `rad ${p.row}.${issue.path}`,
        key: 'errors.rowMessage',
        params: {
          row: p.row,
          column: HEADERS[ctx.lang][column[issue.path] ?? 0]!,
          message: t(ctx.lang, issue.key, issue.params ?? {}),
        },
      });
  }
  if (errors.length) throw invalid('goals.import.rejected', errors, { count: errors.length });
  if (parsed.length === 0)
    throw invalid('goals.import.empty', [{ path: 'file', key: 'goals.import.empty' }]);

  const existing = await db
    .select()
    .from(outcomes)
    .where(
      and(
        eq(outcomes.tenantId, ctx.tenantId),
        inArray(outcomes.indicatorId, ids),
        isNull(outcomes.unitId),
      ),
    );
  const current = new Map(existing.map((o) => [`${o.indicatorId}|${o.periodKey}`, o]));
  const result: ImportResult = {
    rows: parsed.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped,
    saved: !dryRun,
  };
  for (const p of parsed) {
    const o = current.get(`${p.indicatorId}|${p.periodKey}`);
    if (!o) result.created += 1;
    else if (o.value === p.value && (o.comment ?? null) === (p.comment ?? o.comment ?? null))
      result.unchanged += 1;
    else result.updated += 1;
  }
  if (dryRun) return result;
  // Every changed row is saved through recordOutcome, as the form saves it (schema, authorisation,
  // version, audit event), in batches that let other users' requests through (writeInBatches).
  const changed = parsed.filter((p) => {
    const o = current.get(`${p.indicatorId}|${p.periodKey}`);
    return !(o && o.value === p.value && (p.comment === null || p.comment === o.comment));
  });
  await writeInBatches(db, changed, async (tx, p) => {
    const o = current.get(`${p.indicatorId}|${p.periodKey}`);
    const input = {
      indicatorId: p.indicatorId,
      periodKey: p.periodKey,
      value: p.value,
      comment: p.comment ?? o?.comment ?? null,
      ...(o ? { version: o.version } : {}),
    };
    try {
      await recordOutcome(tx, ctx, input, 'import');
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'conflict')
        throw invalid('goals.import.changedMeanwhile', [
          { path: `rad ${p.row}`, key: 'goals.import.changedMeanwhile', params: { row: p.row } },
        ]);
      throw e;
    }
  });
  return result;
}
