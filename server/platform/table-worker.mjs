// Reads an uploaded spreadsheet in a worker thread, so a large or hostile file never blocks the
// server's event loop, and inside limits, so it can never exhaust its memory (see table-file.ts,
// which starts it with a heap limit and a time limit). Plain JavaScript: it runs unchanged under
// node, tsx and the test runner.
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A refusal the server turns into a 4xx with the message `key`. */
class Refused extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

const isZip = (b) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

/**
 * The zip's table of contents: each entry's name and the size it says it unpacks to. Read before
 * anything is unpacked, so a file that claims to unpack beyond the limit is refused at once.
 */
function zipEntries(b) {
  const from = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Refused('import.unreadable');
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50)
      throw new Refused('import.unreadable');
    const size = b.readUInt32LE(at + 24);
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    // 0xFFFFFFFF: a ZIP64 size, over 4 GB, which no spreadsheet a person keeps reaches.
    entries.push({ name: b.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + skip;
  }
  return entries;
}

/** A cell's value as the text a person sees: rich text joined, formulas by their cached result. */
function cellText(v) {
  if (v == null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return '';
    if ('sharedFormula' in v || 'formula' in v) return '';
    return '';
  }
  return String(v);
}

/**
 * First pass, streaming: counts rows and columns without keeping them, and stops at the first
 * one over the limit. Only a file inside the limits is read whole, by the second pass.
 */
async function checkXlsx(data, limits) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader)
    for await (const row of sheet) {
      rows += 1;
      if (rows > limits.maxRows) throw new Refused('import.tooManyRows', { max: limits.maxRows });
      if (row.cellCount > limits.maxColumns)
        throw new Refused('import.tooManyColumns', { max: limits.maxColumns });
    }
}

async function readXlsx(data, limits) {
  const entries = zipEntries(data);
  if (entries.length > 10_000) throw new Refused('import.unreadable');
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limits.maxUnpackedBytes || entries.some((e) => e.size === 0xffffffff))
    throw new Refused('import.tooLargeUnpacked', {
      max: Math.round(limits.maxUnpackedBytes / 1024 / 1024),
    });
  try {
    await checkXlsx(data, limits);
  } catch (e) {
    if (e instanceof Refused) throw e;
    // The streaming reader fails on some valid files (one whose worksheet comes before
    // workbook.xml in the zip, which exceljs's own writer produces now and then). The whole
    // read below is still held to the heap and time limits, and its rows are counted after.
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    throw new Refused('import.unreadable');
  }
  let rowCount = 0;
  for (const ws of wb.worksheets) {
    rowCount += ws.rowCount;
    if (rowCount > limits.maxRows) throw new Refused('import.tooManyRows', { max: limits.maxRows });
    if (ws.columnCount > limits.maxColumns)
      throw new Refused('import.tooManyColumns', { max: limits.maxColumns });
  }
  return wb.worksheets.map((ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // A merged cell reads as the value its range shows.
        cells[col - 1] = cellText(cell.isMerged ? cell.master.value : cell.value).trim();
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return {
      name: ws.name,
      hidden: ws.state !== 'visible',
      rows: Array.from(rows, (r) => r ?? []),
    };
  });
}

/**
 * Text of a CSV file as exported by HR systems and by Excel: UTF-8 (with or without BOM), or,
 * when it is not valid UTF-8, Windows-1252 (Excel's "CSV" in a Swedish locale).
 */
function decodeText(b) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return decodeWindows1252(b);
  }
}

/*
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, dashes, curly quotes, …). Node built without
 * full ICU decodes 'windows-1252' as Latin-1, so those 27 characters are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
function decodeWindows1252(b) {
  let out = '';
  for (const byte of b)
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** The delimiter the first line uses most: semicolon (Swedish Excel), comma or tab. */
function delimiterOf(text) {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1]);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** An Excel 97–2003 file (.xls): a compound document, which only Excel itself reads. */
const isOldExcel = (b) =>
  b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/** Text that is not a table: a PDF, an image or other binary sent under a spreadsheet's name. */
function looksBinary(text) {
  if (text.startsWith('%PDF') || text.includes('\u0000')) return true;
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) control += 1;
  }
  return control > sample.length / 200;
}

function readCsv(data, limits) {
  if (isOldExcel(data)) throw new Refused('import.oldExcel');
  const text = decodeText(data).replace(/^\uFEFF/, '');
  if (!text.trim() || looksBinary(text)) throw new Refused('import.unreadable');
  let rows;
  try {
    rows = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      to: limits.maxRows + 1,
    });
  } catch {
    throw new Refused('import.unreadable');
  }
  if (rows.length > limits.maxRows)
    throw new Refused('import.tooManyRows', { max: limits.maxRows });
  if (rows.some((r) => r.length > limits.maxColumns))
    throw new Refused('import.tooManyColumns', { max: limits.maxColumns });
  return [{ name: 'CSV', hidden: false, rows }];
}

const { data, limits } = workerData;
const file = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
try {
  const sheets = isZip(file) ? await readXlsx(file, limits) : readCsv(file, limits);
  parentPort.postMessage({ sheets });
} catch (e) {
  parentPort.postMessage(
    e instanceof Refused
      ? { refused: { key: e.key, params: e.params } }
      : { refused: { key: 'import.unreadable', params: {} } },
  );
}
