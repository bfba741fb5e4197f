import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableFile, type TableSheet } from '../platform/table-file.js';
import {
  MESSY_COLUMNS,
  MESSY_LAYOUT,
  messyRegister,
  type MessyFacts,
  type MessyOptions,
} from './messy-register.js';

const options: MessyOptions = {
  seed: 1,
  today: '2026-03-15',
  units: [
    { name: 'Hälso- och sjukvårdsförvaltningen', shortName: 'HSF' },
    { name: 'Regionservice', shortName: 'RS' },
    { name: 'Kultur- och bildningsförvaltningen', shortName: 'KBF' },
    { name: 'Kollektivtrafikförvaltningen', shortName: null },
    { name: 'Regionledningsförvaltningen', shortName: 'RLF' },
  ],
  boards: [
    { name: 'Hälso- och sjukvårdsnämnden', shortName: 'HSN' },
    { name: 'Regionstyrelsen', shortName: 'RS-styrelsen' },
  ],
  people: [
    { name: 'Anna Berg', email: 'anna.berg@exempel.se' },
    { name: 'Per Ek', email: 'per.ek@exempel.se' },
    { name: 'Karl Lund', email: 'karl.lund@exempel.se' },
    { name: 'Eva Marie Söder', email: 'eva.soder@exempel.se' },
  ],
};

const col = (field: (typeof MESSY_COLUMNS)[number][0]) =>
  MESSY_COLUMNS.findIndex(([f]) => f === field);
const isBlankRow = (r: string[]) => r.every((c) => c === '');
const dupKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The register sheet's rows as read, split into heading, data (with blanks) and summary. */
function parts(sheet: TableSheet) {
  const body = sheet.rows.slice(MESSY_LAYOUT.headingRow);
  return {
    heading: sheet.rows[MESSY_LAYOUT.headingRow - 1]!,
    body: body.slice(0, -2),
    summary: body.slice(-2),
  };
}

describe('the messy register', async () => {
  const { file, facts } = await messyRegister(options);
  const sheets = await readTableFile(file);
  const register = sheets.find((s) => s.name === MESSY_LAYOUT.registerSheet)!;
  const { heading, body, summary } = parts(register);
  const data = body.filter((r) => !isBlankRow(r));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(MESSY_LAYOUT.registerSheet)!;

  it('puts a sheet of instructions first and the register second', () => {
    expect(sheets.map((s) => s.name)).toEqual(MESSY_LAYOUT.sheets);
    expect(sheets[0]!.rows.flat().join(' ')).toMatch(/systemförteckningen/i);
    expect(sheets.every((s) => !s.hidden)).toBe(true);
  });

  it('has a title, a date and a blank row above the headings', () => {
    expect(register.rows[0]![0]).toBe(MESSY_LAYOUT.title);
    expect(register.rows[1]).toEqual(['Senast uppdaterad', options.today]);
    expect(isBlankRow(register.rows[2]!)).toBe(true);
    expect(heading).toEqual(MESSY_COLUMNS.map(([, h]) => h));
  });

  it('has as many data and blank rows as the facts say, blanks only between data rows', () => {
    expect(data).toHaveLength(facts.rows);
    expect(body.filter(isBlankRow)).toHaveLength(facts.blankRows);
    expect(isBlankRow(body[0]!)).toBe(false);
    expect(isBlankRow(body.at(-1)!)).toBe(false);
    expect(facts.systems).toBe(facts.rows - facts.duplicateRows);
    expect(facts.blankRows).toBeGreaterThan(0);
  });

  it('repeats systems only as duplicates: names unique but for case and spacing', () => {
    const keys = data.map((r) => dupKey(r[col('name')]!));
    expect(new Set(keys).size).toBe(facts.systems);
    expect(keys.length - new Set(keys).size).toBe(facts.duplicateRows);
    expect(facts.duplicateRows).toBeGreaterThan(0);
  });

  it('ends with a Summa row and a row of only sums', () => {
    expect(facts.summaryRows).toBe(2);
    const [summa, sums] = summary as [string[], string[]];
    expect(summa[col('name')]).toBe('Summa');
    expect(sums[col('name')] ?? '').toBe('');
    const filled = sums.filter((c) => c !== '');
    expect(filled.length).toBeGreaterThan(1);
    expect(filled.every((c) => /^\d+$/.test(c))).toBe(true);
    expect(sums[col('costTotal')]).toBe(summa[col('costTotal')]);
  });

  it('keeps real data in a hidden column', () => {
    const c = col('contractRef');
    expect(heading[c]).toBe(MESSY_LAYOUT.hiddenHeading);
    expect(ws.getColumn(c + 1).hidden).toBe(true);
    expect(data.filter((r) => /^AVT-/.test(r[c] ?? '')).length).toBeGreaterThan(facts.rows / 2);
  });

  it('gives the total as a formula whose cached result is read', () => {
    let formulas = 0;
    ws.eachRow((row, n) => {
      const v = row.getCell(col('costTotal') + 1).value;
      if (n < MESSY_LAYOUT.firstDataRow || !v || typeof v !== 'object' || !('formula' in v)) return;
      formulas += 1;
      const read = register.rows[n - 1]!;
      expect(read[col('costTotal')]).toBe(String(v.result as number));
      if (read[col('name')] !== 'Summa')
        expect(Number(read[col('costLicence')]) + Number(read[col('costOperation')])).toBe(
          v.result,
        );
    });
    expect(formulas).toBeGreaterThan(facts.rows / 5);
  });

  it('merges administration cells, and every merged row reads the administration', () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) =>
      m.startsWith('B'),
    );
    expect(merges.length).toBeGreaterThan(10);
    for (const m of merges) {
      const [from, to] = m.split(':').map((a) => Number(a.slice(1))) as [number, number];
      expect(to).toBeGreaterThan(from);
      const master = register.rows[from - 1]![col('administration')]!;
      expect(master).not.toBe('');
      for (let n = from; n <= to; n++)
        expect(register.rows[n - 1]![col('administration')]).toBe(master);
    }
  });

  it('records every administration text as the unit it means', () => {
    const names = new Set(options.units.map((u) => u.name));
    const texts = new Set(data.map((r) => r[col('administration')]!));
    expect([...texts].sort()).toEqual(Object.keys(facts.unitTexts).sort());
    for (const unit of Object.values(facts.unitTexts)) expect(names.has(unit)).toBe(true);
    const boards = new Set(data.map((r) => r[col('board')]!));
    expect([...boards].sort()).toEqual(Object.keys(facts.boardTexts).sort());
  });

  it('writes dates, numbers and amounts the ways registers do', () => {
    const ends = data.map((r) => r[col('contractEndsOn')] ?? '');
    expect(ends.some((e) => /^\d{5}$/.test(e))).toBe(true); // a serial in a General cell
    expect(ends.some((e) => /^\d{1,2}\/\d{1,2} \d{4}$/.test(e))).toBe(true);
    expect(ends.some((e) => /^[a-z]+ \d{4}$/.test(e))).toBe(true);
    expect(ends).toContain('tillsvidare');
    const amounts = data.flatMap((r) => [r[col('costLicence')], r[col('costOperation')]]);
    expect(amounts.some((a) => a?.includes('\u00a0'))).toBe(true);
    expect(amounts.some((a) => /^ca \d+,\d mkr$/.test(a ?? ''))).toBe(true);
    expect(amounts.some((a) => /tkr$/.test(a ?? ''))).toBe(true);
  });

  it('adds up: every distinct system counted once in each breakdown', () => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(facts.owners)).toBe(facts.systems);
    expect(sum(facts.byCategory)).toBe(facts.systems);
    expect(sum(facts.byLifecycle)).toBe(facts.systems);
    const known = new Set(options.people.map((p) => p.name));
    expect(facts.newPeople.some((n) => known.has(n))).toBe(false);
    expect(new Set(facts.newPeople).size).toBe(facts.newPeople.length);
  });

  it('is deterministic: the same seed gives the same facts and cells, others not', async () => {
    const again = await messyRegister(options);
    expect(JSON.stringify(again.facts)).toBe(JSON.stringify(facts));
    expect((await readTableFile(again.file)).map((s) => s.rows)).toEqual(sheets.map((s) => s.rows));
    const other: MessyFacts = (await messyRegister({ ...options, seed: 2 })).facts;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(facts));
  });

  it('makes as many rows as asked', async () => {
    const small = await messyRegister({ ...options, rows: 50 });
    expect(small.facts.systems).toBe(50);
    expect(small.facts.rows).toBe(50 + small.facts.duplicateRows);
  });
});
