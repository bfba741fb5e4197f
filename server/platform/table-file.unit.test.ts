import { describe, expect, it } from 'vitest';
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
