import type { FastifyReply } from 'fastify';
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Lang } from './i18n/messages.js';

/** Largest list an export returns; a bigger one should be narrowed by a filter first. */
export const EXPORT_LIMIT = 100_000;

/** `sort=name` or `sort=-name` against the columns a list allows; unknown keys were refused by the schema. */
export function orderOf(
  sort: string | undefined,
  columns: Record<string, AnyColumn | SQL>,
  fallback: SQL[],
): SQL[] {
  if (!sort) return fallback;
  const key = sort.startsWith('-') ? sort.slice(1) : sort;
  const col = columns[key];
  if (!col) return fallback;
  return [sort.startsWith('-') ? desc(col) : asc(col), ...fallback];
}

/**
 * The list's total in the same query as its page (a window count), so a list costs one query.
 * Only for small lists (units, meetings): the window makes PostgreSQL read every matching row
 * before LIMIT, so large lists count apart and let the page stop after `limit` rows.
 * A page past the end has no row to carry the total, and then it is counted apart.
 */
export const totalOver = sql<number>`count(*) over()`.mapWith(Number);
export async function totalOf(
  rows: readonly { total: number }[],
  offset: number,
  count: () => Promise<number>,
): Promise<number> {
  if (rows[0]) return rows[0].total;
  return offset > 0 ? count() : 0;
}

/** Escapes LIKE wildcards in user text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type Column<T> = {
  key: string;
  sv: string;
  en: string;
  value: (row: T) => string | number | boolean | null | undefined;
};

/** The same query's rows as CSV (semicolon-separated with BOM, as Swedish Excel expects) or .xlsx. */
export async function sendExport<T>(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  name: string,
  lang: Lang,
  columns: Column<T>[],
  rows: T[],
) {
  const header = columns.map((c) => c[lang]);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    const body =
      '\uFEFF' +
      stringify([header, ...rows.map((r) => columns.map((c) => c.value(r) ?? ''))], {
        delimiter: ';',
      });
    return reply
      .header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(body);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.columns = columns.map((c) => ({
    header: c[lang],
    key: c.key,
    width: Math.min(60, Math.max(12, c[lang].length + 4)),
  }));
  for (const r of rows)
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return sendXlsx(reply, `${name}-${stamp}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Sends an Excel workbook as a download named `filename`. */
export function sendXlsx(reply: FastifyReply, filename: string, workbook: Buffer) {
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(workbook);
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The version and who/when stamps every published record carries. */
export const stamps = (r: {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}) => ({
  version: r.version,
  createdAt: iso(r.createdAt)!,
  createdBy: r.createdBy,
  updatedAt: iso(r.updatedAt)!,
  updatedBy: r.updatedBy,
});
