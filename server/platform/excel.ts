import type ExcelJS from 'exceljs';

/** A cell's value as the text a person sees: rich text joined, formulas by their result, dates as yyyy-mm-dd. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v)
    return v.result == null || typeof v.result === 'object' ? '' : String(v.result);
  return String(v as string | number | boolean);
}
