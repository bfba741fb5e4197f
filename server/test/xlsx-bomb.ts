import { deflateRawSync } from 'node:zlib';

// Hostile spreadsheets for the upload tests and the bench: a valid xlsx whose one sheet holds
// millions of identical rows, so a file of a few hundred kB unpacks to hundreds of MB.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(chunks: Buffer[]) {
  let c = 0xffffffff;
  for (const b of chunks)
    for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Entry = { name: string; chunks: Buffer[]; deflate: boolean };

/** A zip of the entries, and the same zip lying that each entry unpacks to at most 4 kB. */
function zip(entries: Entry[]) {
  const packed = entries.map((e) => {
    const raw = Buffer.concat(e.chunks);
    return { e, raw, crc: crc32([raw]), data: e.deflate ? deflateRawSync(raw, { level: 6 }) : raw };
  });
  return { honest: build(packed, false), lying: build(packed, true) };
}

function build(packed: { e: Entry; raw: Buffer; crc: number; data: Buffer }[], lie: boolean) {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { e, raw, crc, data } of packed) {
    const name = Buffer.from(e.name);
    const size = lie ? Math.min(raw.length, 4096) : raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(e.deflate ? 8 : 0, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(head, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const text = (name: string, s: string): Entry => ({
  name,
  chunks: [Buffer.from(s)],
  deflate: false,
});

/**
 * An xlsx of `rows` rows of `columns` cells (`file`), and the same file saying its sheet unpacks
 * to 4 kB (`lyingFile`), so that only the reader's row count or memory limit can stop it.
 */
export function xlsxBomb(opts: { rows: number; columns?: number }) {
  const columns = opts.columns ?? 1;
  // Excel names every row and cell (r="…"), so the rows differ and compress about 10:1, as the
  // bombs of the issue did (21 MB unpacking to 220 MB).
  const letters = (n: number): string =>
    n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26);
  const names = Array.from({ length: columns }, (_, i) => letters(i));
  const chunks = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ];
  for (let from = 1; from <= opts.rows; from += 10_000) {
    let part = '';
    for (let r = from; r < Math.min(from + 10_000, opts.rows + 1); r++) {
      part += `<row r="${r}">`;
      for (const c of names) part += `<c r="${c}${r}"><v>1</v></c>`;
      part += '</row>';
    }
    chunks.push(Buffer.from(part));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  const unpacked = chunks.reduce((n, c) => n + c.length, 0);
  const { honest, lying } = zip([
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    text(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    text(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { name: 'xl/worksheets/sheet1.xml', chunks, deflate: true },
  ]);
  return { file: honest, lyingFile: lying, unpacked };
}
