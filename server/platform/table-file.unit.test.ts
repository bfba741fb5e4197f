import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readTableFile } from './table-file.js';

describe('a CSV file as Swedish Excel saves it', () => {
  it('reads Windows-1252 with its dashes, quotes and euro sign, not as Latin-1', async () => {
    // "Öppen vård – tandvård;Kostar 5 000 € “viktigt”;Region’s" in Windows-1252, semicolons.
    const text =
      'Namn;Kommentar;Ägare\r\nÖppen vård \x96 tandvård;Kostar 5 000 \x80 \x93viktigt\x94;Region\x92s\r\n';
    const bytes = Buffer.from(Array.from(text, (c) => c.charCodeAt(0)));
    const [sheet] = await readTableFile(bytes);
    expect(sheet!.rows[1]).toEqual([
      'Öppen vård – tandvård',
      'Kostar 5 000 € “viktigt”',
      'Region’s',
    ]);
  });

  it('reads UTF-8 as UTF-8', async () => {
    const [sheet] = await readTableFile(Buffer.from('Namn,Ägare\nÅsa – test,Per\n', 'utf8'));
    expect(sheet!.rows[1]).toEqual(['Åsa – test', 'Per']);
  });
});

describe('an Excel file whatever the order of its parts', () => {
  it('reads a workbook whose worksheet comes after its relations but before workbook.xml', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Förteckning');
    ws.addRow(['Namn', 'Leverantör']);
    ws.addRow(['Cosmos', 'Cambio']);
    const written = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    // The same parts in another valid order, one exceljs's own writer now and then makes.
    const names = Object.keys(written.files).filter((n) => !written.files[n]!.dir);
    const reordered = new JSZip();
    const isSheet = (n: string) => n.startsWith('xl/worksheets/');
    const late = (n: string) => isSheet(n) || n === 'xl/workbook.xml';
    for (const name of [
      ...names.filter((n) => !late(n)),
      ...names.filter(isSheet),
      'xl/workbook.xml',
    ])
      reordered.file(name, await written.files[name]!.async('uint8array'));
    const file = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const [sheet] = await readTableFile(file);
    expect(sheet!.name).toBe('Förteckning');
    expect(sheet!.rows).toEqual([
      ['Namn', 'Leverantör'],
      ['Cosmos', 'Cambio'],
    ]);
  });
});
