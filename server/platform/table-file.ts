import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { invalid } from '../../domain/shared/errors.js';
import { cellText } from './excel.js';

/** A sheet as the text a person sees in each cell, row by row (row 1 is index 0). */
export type TableSheet = { name: string; rows: string[][] };

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

/**
 * Text of a CSV file as exported by HR systems and by Excel: UTF-8 (with or without BOM), or,
 * when it is not valid UTF-8, Windows-1252 (Excel's "CSV" in a Swedish locale).
 */
function decodeText(b: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return new TextDecoder('windows-1252').decode(b);
  }
}

/** The delimiter the first line uses most: semicolon (Swedish Excel), comma or tab. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Reads an uploaded spreadsheet, Excel (.xlsx: every worksheet) or CSV (one sheet), into text
 * cells. A file that is neither is refused with a message, never an error page.
 */
export async function readTableFile(data: Buffer): Promise<TableSheet[]> {
  if (isZip(data)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw invalid('import.unreadable', [{ path: 'file', key: 'import.unreadable' }]);
    }
    return wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cellText(cell.value).trim();
        });
        rows[n - 1] = Array.from(cells, (c) => c ?? '');
      });
      return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
    });
  }
  const text = decodeText(data).replace(/^\uFEFF/, '');
  if (!text.trim() || text.includes('\u0000'))
    throw invalid('import.unreadable', [{ path: 'file', key: 'import.unreadable' }]);
  try {
    const rows = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
    return [{ name: 'CSV', rows }];
  } catch {
    throw invalid('import.unreadable', [{ path: 'file', key: 'import.unreadable' }]);
  }
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Finds the heading row: the first of the sheet's first 15 rows in which at least two cells are
 * headings the import knows (a title or a date above the headings is common), and maps each
 * column to its field.
 */
export function headingRow<F extends string>(
  rows: string[][],
  known: Record<F, readonly string[]>,
): { index: number; columns: Map<F, number> } | null {
  const byHeading = new Map<string, F>();
  for (const [field, words] of Object.entries(known) as [F, readonly string[]][])
    for (const w of words) byHeading.set(norm(w), field);
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const columns = new Map<F, number>();
    (rows[i] ?? []).forEach((cell, col) => {
      const field = byHeading.get(norm(cell ?? ''));
      if (field && !columns.has(field)) columns.set(field, col);
    });
    if (columns.size >= 2) return { index: i, columns };
  }
  return null;
}
