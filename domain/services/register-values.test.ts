import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIELD_HEADINGS,
  REGISTER_FIELDS,
  cleanText,
  duplicateKey,
  excelSerialToIso,
  foldKey,
  headingField,
  isBlank,
  isSummaryRow,
  isoToExcelSerial,
  abbreviates,
  matchUnit,
  personKey,
  readAmount,
  readCategory,
  readCount,
  readDate,
  readDpa,
  readDpia,
  readLevel,
  readLevels,
  readLifecycle,
  readList,
  readMonths,
  readPerson,
  readText,
  readYesNo,
  similarity,
  unitInitials,
  type Reading,
  type UnitLike,
} from './register-values.js';

const value = <T>(v: T, approximate = false): Reading<T> =>
  approximate ? { kind: 'value', value: v, approximate: true } : { kind: 'value', value: v };
const unread = (text: string, reason: string) => ({ kind: 'unread', text, reason });

/** Every reader that returns a Reading, for the "never throws, blank is blank" properties. */
const READERS: Record<string, (raw: string) => Reading<unknown>> = {
  readCategory,
  readLifecycle,
  readYesNo,
  readDpa,
  readDpia,
  readDate,
  readAmount,
  readCount,
  readLevel,
  readLevels,
  readMonths,
  readText: (raw) => readText(raw, 200),
};

const SPACE_CHARS = [' ', '\u00A0', '\u2009', '\u202F', '\u200B', '\t', '\n', '\r\n', '\u3000'];
const spaces = fc
  .array(fc.constantFrom(...SPACE_CHARS), { minLength: 1, maxLength: 3 })
  .map((s) => s.join(''));
/** Arbitrary text, including astral characters, lone surrogates and every kind of space. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), spaces)).map((p) => p.join('')),
);
const swedishWord = fc.stringMatching(/^[a-zåäöéüA-ZÅÄÖÉÜ]{1,12}$/);

describe('cleanText, foldKey, duplicateKey, isBlank', () => {
  it('makes every space one ordinary space, drops soft hyphens, trims, composes NFC', () => {
    expect(cleanText('  Maja\u00A0\u00A0Sandström\t')).toBe('Maja Sandström');
    expect(cleanText('a\u2009b\u202Fc\u200Bd\ne\r\nf')).toBe('a b c d e f');
    expect(cleanText('sjukvårds\u00ADförvaltningen')).toBe('sjukvårdsförvaltningen');
    expect(cleanText('a\u030Angen')).toBe('ången');
  });
  it('folds case, diacritics and punctuation', () => {
    expect(foldKey('Hälso- och sjukvårds\u00ADförvaltningen ')).toBe(
      'halso och sjukvardsforvaltningen',
    );
    expect(foldKey('halso och sjukvardsforvaltningen')).toBe('halso och sjukvardsforvaltningen');
    expect(foldKey('Café Ørsted / IT-stöd')).toBe('cafe orsted it stod');
    expect(duplicateKey('IT-stöd 2.0')).toBe('itstod20');
  });
  it('blank is empty, spaces, "-", "–", "—", "."', () => {
    for (const b of ['', '   ', '\u00A0', '-', '–', '—', '.', ' - ']) expect(isBlank(b)).toBe(true);
    for (const b of ['0', 'x', '--', '?']) expect(isBlank(b)).toBe(false);
  });
  it('cleanText is idempotent, with no double, leading or trailing spaces', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const c = cleanText(s);
        expect(cleanText(c)).toBe(c);
        expect(c).not.toMatch(/ {2}|^ | $|[\u00A0\u00AD\u200B\p{Cc}]/u);
      }),
      { numRuns: 1000 },
    );
  });
  it('foldKey is idempotent, and blind to case and inserted no-break spaces', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(foldKey(foldKey(s))).toBe(foldKey(s));
        expect(duplicateKey(duplicateKey(s))).toBe(duplicateKey(s));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.array(swedishWord, { minLength: 1, maxLength: 4 }), (words) => {
        const s = words.join(' ');
        expect(foldKey(s.toUpperCase())).toBe(foldKey(s));
        expect(foldKey(s.toLowerCase())).toBe(foldKey(s));
        expect(foldKey(words.join('\u00A0 \u00A0'))).toBe(foldKey(s));
        expect(foldKey(` ${words.join('\u00A0')}\u00A0`)).toBe(foldKey(s));
      }),
    );
  });
});

describe('the readers on any text', () => {
  it('never throw, and read blank input as blank', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const read of Object.values(READERS)) {
          const r = read(s);
          if (isBlank(s)) expect(r).toEqual({ kind: 'blank' });
          if (r.kind === 'blank') expect(isBlank(s)).toBe(true);
        }
        readList(s);
        readPerson(s);
        headingField(s);
        isSummaryRow([s, s], 0);
        matchUnit(s, UNITS);
        similarity(s, 'Regionstyrelsen');
      }),
      { numRuns: 500 },
    );
  });
  it('never return a value for blank input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SPACE_CHARS, '-', '–', '—', '.')), (parts) => {
        const s = parts.join('');
        fc.pre(isBlank(s));
        for (const read of Object.values(READERS)) expect(read(s).kind).toBe('blank');
        expect(readPerson(s)).toEqual({ kind: 'blank' });
        expect(readList(s)).toEqual([]);
      }),
    );
  });
  it('read "we do not know" words as unknown', () => {
    for (const word of ['Vet ej', 'okänt', 'Oklart', '?', 'Osäkert', 'unknown']) {
      for (const read of Object.values(READERS)) {
        expect(read(word)).toEqual({ kind: 'unknown', text: word });
      }
    }
  });
});

describe('readCategory', () => {
  it.each([
    ['core', ['verksamhetskritisk', 'kritisk', 'kritiskt', 'kärnverksamhet', 'core']],
    ['core', ['business critical', 'Business  Critical', 'VERKSAMHETSKRITISK']],
    ['support', ['verksamhetsstödjande', 'verksamhetsstöd', 'stöd', 'stödsystem', 'support']],
    ['support', ['administrativt stöd', 'Administrativt stod']],
    ['infrastructure', ['it-infrastruktur', 'IT infrastruktur', 'infrastruktur', 'infra']],
    ['infrastructure', ['plattform', 'infrastructure', ' Infrastruktur ']],
  ])('%s', (category, words) => {
    for (const w of words) expect(readCategory(w)).toEqual(value(category));
  });
  it('other words are unread', () => {
    expect(readCategory('Viktig')).toEqual(unread('Viktig', 'word'));
  });
});

describe('readLifecycle', () => {
  const on = (lifecycle: string, date: string | null = null, approximate = false) =>
    value({ lifecycle, on: date }, approximate);
  it.each([
    ['planned', ['planerad', 'planering', 'upphandling pågår', 'upphandlas', 'ny']],
    ['planned', ['kommande', 'planned']],
    ['introducing', ['under införande', 'införande', 'införs', 'pilot', 'implementering']],
    ['introducing', ['introducing']],
    ['operating', ['i drift', 'drift', 'aktiv', 'produktion', 'i produktion', 'i bruk']],
    ['operating', ['förvaltning', 'operating', 'active', 'live', 'I DRIFT']],
    ['phasing_out', ['under avveckling', 'avvecklas', 'ska avvecklas', 'fasas ut']],
    ['phasing_out', ['phasing out', 'phasing_out']],
    ['phased_out', ['avvecklad', 'ur drift', 'nedlagd', 'ersatt', 'phased out', 'retired']],
  ])('%s', (lifecycle, words) => {
    for (const w of words) expect(readLifecycle(w)).toEqual(on(lifecycle));
  });
  it('a year or date in the cell becomes `on`', () => {
    expect(readLifecycle('Avvecklas 2026')).toEqual(on('phasing_out', '2026-12-31', true));
    expect(readLifecycle('Avvecklad 2023-06-30')).toEqual(on('phased_out', '2023-06-30'));
    expect(readLifecycle('Avvecklas mars 2027')).toEqual(on('phasing_out', '2027-03-31', true));
    expect(readLifecycle('I drift sedan 2015-05-01')).toEqual(on('operating', '2015-05-01'));
    expect(readLifecycle('Avvecklas (31/3 2027)')).toEqual(on('phasing_out', '2027-03-31'));
  });
  it('a date alone, an impossible date or another word is unread', () => {
    expect(readLifecycle('2026')).toEqual(unread('2026', 'word'));
    expect(readLifecycle('Avvecklas 31/2 2027')).toEqual(unread('Avvecklas 31/2 2027', 'date'));
    expect(readLifecycle('Kanske')).toEqual(unread('Kanske', 'word'));
  });
});

describe('readYesNo', () => {
  const yes = value({ answer: true, sensitive: false });
  const no = value({ answer: false, sensitive: false });
  it('yes, no and unknown words', () => {
    for (const w of ['ja', 'JA', 'j', 'yes', 'y', 'x', 'X', '1', 'sant', 'true', '✓']) {
      expect(readYesNo(w)).toEqual(yes);
    }
    for (const w of ['nej', 'n', 'no', '0', 'falskt', 'false', 'ingen', 'inga']) {
      expect(readYesNo(w)).toEqual(no);
    }
    for (const w of ['vet ej', 'okänt', 'oklart', '?', 'osäkert', 'unknown']) {
      expect(readYesNo(w)).toEqual({ kind: 'unknown', text: w });
    }
  });
  it('a yes with a qualifier, sensitive when it says so', () => {
    const sensitive = value({ answer: true, sensitive: true });
    for (const w of ['Ja, känsliga', 'Ja (känsliga)', 'ja - känsliga uppgifter', 'Ja, art. 9']) {
      expect(readYesNo(w)).toEqual(sensitive);
    }
    expect(readYesNo('Ja – särskilda kategorier')).toEqual(sensitive);
    expect(readYesNo('Yes (sensitive)')).toEqual(sensitive);
    expect(readYesNo('Ja, namn och adress')).toEqual(yes);
    expect(readYesNo('Ja, ej känsliga')).toEqual(yes);
  });
  it('other text is unread', () => {
    expect(readYesNo('Ja känsliga')).toEqual(unread('Ja känsliga', 'word'));
    expect(readYesNo('Kanske')).toEqual(unread('Kanske', 'word'));
  });
});

describe('readDpa', () => {
  const dpa = (status: string, signedOn: string | null = null) => value({ status, signedOn });
  it('a date is signed on that date', () => {
    expect(readDpa('2024-05-01')).toEqual(dpa('signed', '2024-05-01'));
    expect(readDpa('1/5 2024')).toEqual(dpa('signed', '2024-05-01'));
    expect(readDpa('Tecknat 2024-05-01')).toEqual(dpa('signed', '2024-05-01'));
    expect(readDpa('Ja, 2024-05-01')).toEqual(dpa('signed', '2024-05-01'));
  });
  it('signed, missing, not needed, unknown', () => {
    for (const w of ['ja', 'Yes', 'x', 'finns', 'tecknat', 'signerat']) {
      expect(readDpa(w)).toEqual(dpa('signed'));
    }
    for (const w of ['nej', 'no', 'saknas', 'ej tecknat', 'Ej tecknat.']) {
      expect(readDpa(w)).toEqual(dpa('missing'));
    }
    for (const w of ['ej aktuellt', 'ej tillämpligt', 'behövs ej', 'egen drift', 'n/a', 'N/A']) {
      expect(readDpa(w)).toEqual(dpa('not_needed'));
    }
    expect(readDpa('vet ej')).toEqual({ kind: 'unknown', text: 'vet ej' });
    expect(readDpa('Kanske')).toEqual(unread('Kanske', 'word'));
  });
});

describe('readDpia', () => {
  const dpia = (status: string, on: string | null = null) => value({ status, on });
  it('done, needed, not needed, unknown', () => {
    for (const w of ['ja', 'gjord', 'klar', 'genomförd', 'done']) {
      expect(readDpia(w)).toEqual(dpia('done'));
    }
    expect(readDpia('2025-01-10')).toEqual(dpia('done', '2025-01-10'));
    expect(readDpia('Genomförd 2025-01-10')).toEqual(dpia('done', '2025-01-10'));
    for (const w of ['nej', 'ej gjord', 'saknas', 'behövs', 'pågår', 'planerad']) {
      expect(readDpia(w)).toEqual(dpia('needed'));
    }
    for (const w of ['behövs ej', 'ej aktuellt', 'ej tillämpligt', 'not needed']) {
      expect(readDpia(w)).toEqual(dpia('not_needed'));
    }
    expect(readDpia('okänt')).toEqual({ kind: 'unknown', text: 'okänt' });
    expect(readDpia('Kanske')).toEqual(unread('Kanske', 'word'));
  });
});

const SV_MONTHS = [
  ['januari', 'jan'],
  ['februari', 'feb'],
  ['mars', 'mar'],
  ['april', 'apr'],
  ['maj', 'maj'],
  ['juni', 'jun'],
  ['juli', 'jul'],
  ['augusti', 'aug'],
  ['september', 'sep'],
  ['oktober', 'okt'],
  ['november', 'nov'],
  ['december', 'dec'],
] as const;
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const isoOf = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A valid date from 1900-01-01 to 2199-12-31. */
const validDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 })
  .map((day) => {
    const d = new Date(day * 86_400_000);
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
  });

describe('readDate', () => {
  const on = (date: string | null, approximate = false) => value({ date }, approximate);
  it('the forms of the contract', () => {
    for (const s of ['2027-03-31', '2027-03-31 00:00:00', '2027-03-31T12:30:00Z', '2027/03/31']) {
      expect(readDate(s)).toEqual(on('2027-03-31'));
    }
    for (const s of ['20270331', '31/3 2027', '31/3/2027', '31.3.2027', '31-3-2027', '31/3-27']) {
      expect(readDate(s)).toEqual(on('2027-03-31'));
    }
    for (const s of ['31 mars 2027', '31 mar 2027', '31 Mars 2027', '31 mar. 2027', '31/3/27']) {
      expect(readDate(s)).toEqual(on('2027-03-31'));
    }
    for (const s of ['mars 2027', 'Mars -27', '2027-03', '03/2027', 'mar 2027', 'March 2027']) {
      expect(readDate(s)).toEqual(on('2027-03-31', true));
    }
    expect(readDate('2027')).toEqual(on('2027-12-31', true));
    expect(readDate('Q1 2027')).toEqual(on('2027-03-31', true));
    expect(readDate('kv1 2027')).toEqual(on('2027-03-31', true));
    expect(readDate('Q4 2027')).toEqual(on('2027-12-31', true));
    expect(readDate('46112')).toEqual(on('2026-03-31'));
    for (const s of ['tillsvidare', 'Tills vidare', 'löpande', 'ingen slutdag', 'evigt']) {
      expect(readDate(s)).toEqual(on(null));
    }
    expect(readDate('open-ended')).toEqual(on(null));
    expect(readDate('ongoing')).toEqual(on(null));
  });
  it('impossible dates and other text are unread', () => {
    for (const s of ['31/2 2027', '2027-02-29', '2027-13-01', '0/1 2027', 'hej', '31/3', '19999']) {
      expect(readDate(s)).toEqual(unread(s, 'date'));
    }
    expect(readDate('2028-02-29')).toEqual(on('2028-02-29'));
  });
  it('every Swedish and English month name and abbreviation', () => {
    SV_MONTHS.forEach(([name, short], k) => {
      const end = isoOf(2027, k + 1, lastDay(2027, k + 1));
      expect(readDate(`${name} 2027`)).toEqual(on(end, true));
      expect(readDate(`${short} 2027`)).toEqual(on(end, true));
      expect(readDate(`1 ${name} 2027`)).toEqual(on(isoOf(2027, k + 1, 1)));
      expect(readDate(`1 ${short} 2027`)).toEqual(on(isoOf(2027, k + 1, 1)));
      expect(readDate(`${EN_MONTHS[k]} 2027`)).toEqual(on(end, true));
    });
    expect(readDate('okt 2027')).toEqual(on('2027-10-31', true));
    expect(readDate('oct 2027')).toEqual(on('2027-10-31', true));
    expect(readDate('sept 2027')).toEqual(on('2027-09-30', true));
  });
  it('round-trips every valid date through ISO, D/M YYYY, D.M.YYYY and D <month> YYYY', () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom(0, 1), ({ y, m, d }, long) => {
        const iso = isoOf(y, m, d);
        const name = SV_MONTHS[m - 1]?.[long] ?? '';
        for (const s of [iso, `${d}/${m} ${y}`, `${d}.${m}.${y}`, `${d} ${name} ${y}`]) {
          expect(readDate(s)).toEqual(on(iso));
        }
      }),
    );
  });
  it('"<month name> YYYY" is the last day of that month, leap years included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
        expect(readDate(`${SV_MONTHS[m - 1]?.[0]} ${y}`)).toEqual(on(isoOf(y, m, days), true));
      }),
    );
    expect(readDate('februari 2028')).toEqual(on('2028-02-29', true));
    expect(readDate('februari 2100')).toEqual(on('2100-02-28', true));
    expect(readDate('februari 2000')).toEqual(on('2000-02-29', true));
  });
  it("Excel serial numbers, with Excel's 1900 leap-year bug", () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(46112)).toBe('2026-03-31');
    expect(excelSerialToIso(46112.75)).toBe('2026-03-31');
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('2026-03-31')).toBe(46112);
    fc.assert(
      fc.property(fc.integer({ min: 20000, max: 80000 }), (serial) => {
        const iso = excelSerialToIso(serial) ?? '';
        expect(isoToExcelSerial(iso)).toBe(serial);
        expect(readDate(String(serial))).toEqual(on(iso));
      }),
    );
    fc.assert(
      fc.property(validDate, ({ y, m, d }) => {
        const serial = isoToExcelSerial(isoOf(y, m, d));
        expect(excelSerialToIso(serial)).toBe(isoOf(y, m, d));
      }),
    );
  });
});

describe('readAmount', () => {
  it('the forms of the contract', () => {
    for (const s of ['1 250 000', '1 250 000 kr', '1 250 000:-', '1.250.000', '1,250,000']) {
      expect(readAmount(s)).toEqual(value(1_250_000));
    }
    expect(readAmount('SEK 300 000')).toEqual(value(300_000));
    expect(readAmount('1250000,50')).toEqual(value(1_250_000.5));
    expect(readAmount('1250000.5')).toEqual(value(1_250_000.5));
    expect(readAmount('1,2 mkr')).toEqual(value(1_200_000));
    expect(readAmount('1.250')).toEqual(value(1250));
    expect(readAmount('1,250')).toEqual(value(1250));
    expect(readAmount('1,25')).toEqual(value(1.25));
    expect(readAmount('12,5')).toEqual(value(12.5));
    expect(readAmount('1.2500')).toEqual(value(1.25));
    expect(readAmount('1.2e6')).toEqual(value(1_200_000));
    expect(readAmount('1.5e-1')).toEqual(value(0.15));
    expect(readAmount('1e400')).toEqual(unread('1e400', 'number'));
    expect(readAmount('0')).toEqual(value(0));
  });
  it('units', () => {
    for (const s of ['500 tkr', '500 tsek', '500k', '500 k', '500 tusen', '500 tusen kr']) {
      expect(readAmount(s)).toEqual(value(500_000));
    }
    for (const s of ['2 mkr', '2 msek', '2 mnkr', '2 miljoner', '2 milj', '2 milj.']) {
      expect(readAmount(s)).toEqual(value(2_000_000));
    }
  });
  it('approximate', () => {
    for (const s of ['ca 500', 'ca. 500', 'cirka 500', 'ungefär 500', 'runt 500', '~500']) {
      expect(readAmount(s)).toEqual(value(500, true));
    }
    for (const s of ['≈ 500', 'uppskattat 500', 'approx 500', '500?', 'c:a 500 kr']) {
      expect(readAmount(s)).toEqual(value(500, true));
    }
  });
  it('spans, negative amounts and text are unread', () => {
    expect(readAmount('100–200 tkr')).toEqual(unread('100–200 tkr', 'range'));
    expect(readAmount('100-200')).toEqual(unread('100-200', 'range'));
    expect(readAmount('-500')).toEqual(unread('-500', 'negative'));
    expect(readAmount('−500 kr')).toEqual(unread('−500 kr', 'negative'));
    expect(readAmount('gratis')).toEqual(unread('gratis', 'number'));
    expect(readAmount('1.25.0')).toEqual(unread('1.25.0', 'number'));
  });
  it('reads integers in every style, approximate iff marked', () => {
    const styles = (n: number, sep: string): string[] => {
      const grouped = String(n).replace(/\B(?=(\d{3})+$)/g, sep);
      const out = [String(n), grouped, `${grouped} kr`, `${grouped}${sep}kr`, `${grouped}:-`];
      if (n >= 1000) out.push(String(n).replace(/\B(?=(\d{3})+$)/g, '.'));
      if (n % 1000 === 0) out.push(`${n / 1000} tkr`, `${n / 1000}${sep}tkr`);
      return out;
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(2_000_000_000),
          fc.nat(2_000_000).map((k) => k * 1000),
        ),
        fc.constantFrom(' ', '\u00A0', '\u202F'),
        fc.constantFrom('', 'ca ', 'cirka ', '~', 'Ca\u00A0', 'CIRKA '),
        (n, sep, prefix) => {
          for (const s of styles(n, sep)) {
            expect(readAmount(prefix + s)).toEqual(value(n, prefix !== ''));
          }
        },
      ),
    );
  });
});

describe('readCount', () => {
  it('counts', () => {
    expect(readCount('500')).toEqual(value(500));
    expect(readCount('ca 500')).toEqual(value(500, true));
    expect(readCount('1 200 st')).toEqual(value(1200));
    expect(readCount('500+')).toEqual(value(500, true));
    expect(readCount('~40')).toEqual(value(40, true));
    expect(readCount('1 200 användare')).toEqual(value(1200));
    expect(readCount('3-5')).toEqual(unread('3-5', 'range'));
    expect(readCount('1,5')).toEqual(unread('1,5', 'number'));
    expect(readCount('-3')).toEqual(unread('-3', 'negative'));
    expect(readCount('många')).toEqual(unread('många', 'number'));
  });
});

describe('readLevel and readLevels', () => {
  it('one level', () => {
    for (const s of ['3', 'K3', 'Nivå 3', '3 - Hög', 'R3', 'T 3', 'nivå 3 (hög)', 'K:3']) {
      expect(readLevel(s)).toEqual(value(3));
    }
    expect(readLevel('0')).toEqual(value(0));
    expect(readLevel('låg')).toEqual(value(1));
    expect(readLevel('medel')).toEqual(value(2));
    expect(readLevel('måttlig')).toEqual(value(2));
    expect(readLevel('Hög')).toEqual(value(3));
    expect(readLevel('mycket hög')).toEqual(value(4));
    expect(readLevel('kritisk')).toEqual(value(4));
    for (const s of ['5', '12', 'x', '2,5', 'skyddad'])
      expect(readLevel(s)).toEqual(unread(s, 'level'));
  });
  it('three levels in one cell', () => {
    for (const s of ['3/3/2', '3-3-2', '3 3 2', 'K3 R3 T2', 'K:3, R:3, T:2', 'C3 I3 A2']) {
      expect(readLevels(s)).toEqual(value({ c: 3, i: 3, a: 2 }));
    }
    expect(readLevels('K3 R2 T1')).toEqual(value({ c: 3, i: 2, a: 1 }));
    expect(readLevels('T1 K3 R2')).toEqual(value({ c: 3, i: 2, a: 1 }));
    expect(readLevels('K/R/T: 3/2/1')).toEqual(value({ c: 3, i: 2, a: 1 }));
    for (const s of ['3/3', '3/3/5', 'K3 K3 T2', 'hög']) {
      expect(readLevels(s)).toEqual(unread(s, 'level'));
    }
  });
  it('K, R, T in any order and any separator', () => {
    const lvl = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(lvl, lvl, lvl, fc.constantFrom(' ', ', ', '/', '-', ' ; '), (c, i, a, sep) => {
        expect(readLevels([c, i, a].join(sep))).toEqual(value({ c, i, a }));
        expect(readLevels(`T${a}${sep}K${c}${sep}R${i}`)).toEqual(value({ c, i, a }));
        expect(readLevels(`c:${c}${sep}a:${a}${sep}i:${i}`)).toEqual(value({ c, i, a }));
      }),
    );
  });
});

describe('readMonths', () => {
  it('months, years, days', () => {
    expect(readMonths('3')).toEqual(value(3));
    expect(readMonths('3 mån')).toEqual(value(3));
    expect(readMonths('3 mån.')).toEqual(value(3));
    expect(readMonths('6 månader')).toEqual(value(6));
    expect(readMonths('1 år')).toEqual(value(12));
    expect(readMonths('90 dagar')).toEqual(value(3));
    expect(readMonths('30 dagar')).toEqual(value(1));
    expect(readMonths('100 dagar')).toEqual(value(4));
    expect(readMonths('3-6 mån')).toEqual(unread('3-6 mån', 'range'));
    expect(readMonths('enligt avtal')).toEqual(unread('enligt avtal', 'number'));
  });
});

describe('readList', () => {
  it('splits on ";", newlines, "," and " / ", cleaned, non-blank, unique in order', () => {
    expect(readList('Cosmic; Heroma\nAgresso, Raindance / Ladok')).toEqual([
      'Cosmic',
      'Heroma',
      'Agresso',
      'Raindance',
      'Ladok',
    ]);
    expect(readList(' HSF ;; - ; RS ; hsf ; TV/radio ')).toEqual(['HSF', 'RS', 'TV/radio']);
    expect(readList('')).toEqual([]);
  });
  it('never yields blank or repeated items', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const items = readList(s);
        for (const item of items) {
          expect(isBlank(item)).toBe(false);
          expect(cleanText(item)).toBe(item);
        }
        expect(new Set(items.map((i) => foldKey(i) || i)).size).toBe(items.length);
      }),
    );
  });
});

describe('readPerson and personKey', () => {
  const name = (n: string) => ({ kind: 'name', name: n });
  it('names', () => {
    expect(readPerson('Maja Sandström')).toEqual(name('Maja Sandström'));
    expect(readPerson('Sandström, Maja')).toEqual(name('Maja Sandström'));
    expect(readPerson('maja sandström')).toEqual(name('Maja Sandström'));
    expect(readPerson('MAJA SANDSTRÖM')).toEqual(name('Maja Sandström'));
    expect(readPerson('Maja Sandström (HSF)')).toEqual(name('Maja Sandström'));
    expect(readPerson('anna-karin af klint')).toEqual(name('Anna-Karin Af Klint'));
    expect(readPerson("Sinéad O'Brien")).toEqual(name("Sinéad O'Brien"));
  });
  it('placeholders, with or without punctuation, and blank', () => {
    for (const p of ['saknas', 'Vakant', '?', 'TBD', 'ej utsedd', 'Ingen', 'okänd', 'n/a']) {
      expect(readPerson(p)).toEqual({ kind: 'placeholder', text: p });
    }
    expect(readPerson('Saknas!')).toEqual({ kind: 'placeholder', text: 'Saknas!' });
    expect(readPerson('vakant.')).toEqual({ kind: 'placeholder', text: 'vakant.' });
    expect(readPerson('-')).toEqual({ kind: 'blank' });
    expect(readPerson('  ')).toEqual({ kind: 'blank' });
  });
  it('e-mail addresses', () => {
    expect(readPerson('maja@x.se')).toEqual({ kind: 'email', email: 'maja@x.se', name: null });
    expect(readPerson('Maja Sandström <Maja.Sandstrom@x.se>')).toEqual({
      kind: 'email',
      email: 'maja.sandstrom@x.se',
      name: 'Maja Sandström',
    });
    expect(readPerson('a@x.se; b@x.se')).toEqual({
      kind: 'several',
      people: [
        { kind: 'email', email: 'a@x.se', name: null },
        { kind: 'email', email: 'b@x.se', name: null },
      ],
      text: 'a@x.se; b@x.se',
    });
  });
  it('several people', () => {
    const two = [name('Anna Berg'), name('Per Ek')];
    for (const s of ['Anna Berg / Per Ek', 'Anna Berg och Per Ek', 'Anna Berg & Per Ek']) {
      expect(readPerson(s)).toEqual({ kind: 'several', people: two, text: s });
    }
    for (const s of ['Anna Berg; Per Ek', 'Anna Berg + Per Ek', 'Anna Berg, Per Ek']) {
      expect(readPerson(s)).toEqual({ kind: 'several', people: two, text: s });
    }
    expect(readPerson('Anna Berg\nPer Ek')).toEqual({
      kind: 'several',
      people: two,
      text: 'Anna Berg Per Ek',
    });
  });
  it('roles', () => {
    for (const s of [
      'Hälso- och sjukvårdsdirektör',
      'Förvaltningschef HSF',
      'IT-chef',
      'Systemansvarig',
      'Regional samordnare',
      'Enheten för e-hälsa',
      'Den som har hand om det',
      'Maja',
      'Maja Sandström 2',
    ]) {
      expect(readPerson(s)).toEqual({ kind: 'role', role: s });
    }
  });
  it('"Efternamn, Förnamn" reads as "Förnamn Efternamn"; personKey ignores word order', () => {
    fc.assert(
      fc.property(swedishWord, swedishWord, (first, last) => {
        expect(readPerson(`${last}, ${first}`)).toEqual(readPerson(`${first} ${last}`));
        expect(personKey(`${first} ${last}`)).toBe(personKey(`${last} ${first}`));
      }),
    );
    fc.assert(
      fc.property(fc.array(swedishWord, { minLength: 1, maxLength: 5 }), (words) => {
        const key = personKey(words.join(' '));
        expect(personKey([...words].reverse().join(' '))).toBe(key);
        expect(personKey(words.join(' ').toUpperCase())).toBe(key);
      }),
    );
    expect(personKey('Sandström, Maja')).toBe('maja sandstrom');
  });
});

const UNITS: UnitLike[] = [
  { id: 'hsf', name: 'Hälso- och sjukvårdsförvaltningen', shortName: null },
  { id: 'hsn', name: 'Hälso- och sjukvårdsnämnden', shortName: null },
  { id: 'rs', name: 'Regionstyrelsen', shortName: 'RS' },
  { id: 'kf', name: 'Kulturförvaltningen', shortName: 'KUF' },
  { id: 'rsv', name: 'Regionservice', shortName: null },
];

describe('matchUnit and similarity', () => {
  it('exact, initials, similar, none', () => {
    expect(matchUnit('hälso- och  sjukvårdsförvaltningen', UNITS)).toMatchObject({
      unit: { id: 'hsf' },
      how: 'exact',
      score: 1,
    });
    expect(matchUnit('kuf', UNITS)).toMatchObject({ unit: { id: 'kf' }, how: 'exact' });
    expect(matchUnit('HSF', UNITS)).toMatchObject({ unit: { id: 'hsf' }, how: 'initials' });
    expect(matchUnit('HSN', UNITS)).toMatchObject({ unit: { id: 'hsn' }, how: 'initials' });
    expect(unitInitials('Hälso- och sjukvårdsförvaltningen')).toBe('hsf');
    expect(unitInitials('Regionstyrelsen')).toBe('rs');
    expect(unitInitials('Nämnden för folkhälsa och tandvård')).toBe('nft');
    expect(matchUnit('Kulturförvaltning', UNITS)).toMatchObject({
      unit: { id: 'kf' },
      how: 'similar',
    });
    const twins: UnitLike[] = [
      { id: 'n', name: 'Primärvården Norr', shortName: null },
      { id: 's', name: 'Primärvården Söder', shortName: null },
    ];
    expect(matchUnit('Primärvården', twins)).toBeNull(); // two units equally near
    expect(matchUnit('Primärvården Norrr', twins)).toMatchObject({ unit: { id: 'n' } });
    expect(matchUnit('Fastighet', UNITS)).toBeNull();
    expect(matchUnit('', UNITS)).toBeNull();
  });
  it('finds a unit by its name with any case and spacing change, and by its short name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        spaces,
        (unit, flips, space) => {
          const changed = Array.from(unit.name)
            .map((ch, k) => (flips[k] ? ch.toUpperCase() : ch.toLowerCase()))
            .join('')
            .replace(/ /g, space);
          expect(matchUnit(`${space}${changed}${space}`, UNITS)?.unit).toBe(unit);
          if (unit.shortName) expect(matchUnit(unit.shortName, UNITS)?.unit).toBe(unit);
        },
      ),
    );
  });
  it('similarity is symmetric, within 0–1, and 1 for equal keys', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(a, a)).toBe(1);
        expect(similarity(a, ` ${a.toUpperCase()}\u00A0`)).toBe(
          foldKey(a) === foldKey(` ${a.toUpperCase()}`) ? 1 : similarity(a, a.toUpperCase()),
        );
      }),
    );
    expect(similarity('Regionstyrelsen', 'regionstyrelsen!')).toBe(1);
    expect(similarity('Regionstyrelsen', 'Kulturförvaltningen')).toBeLessThan(0.2);
  });
});

describe('FIELD_HEADINGS and headingField', () => {
  it('each field has Swedish and English headings; no folded heading names two fields', () => {
    const seen = new Map<string, string>();
    for (const field of REGISTER_FIELDS) {
      expect(FIELD_HEADINGS[field].length).toBeGreaterThanOrEqual(2);
      for (const heading of FIELD_HEADINGS[field]) {
        const key = foldKey(heading);
        expect(key).not.toBe('');
        const other = seen.get(key);
        if (other !== undefined && other !== field) {
          throw new Error(`"${heading}" names both ${other} and ${field}`);
        }
        seen.set(key, field);
        expect(headingField(heading)).toBe(field);
      }
    }
  });
  it('finds a heading by any spelling, with a trailing "(…)" or unit dropped', () => {
    expect(headingField('namn')).toBe('name');
    expect(headingField(' SYSTEMÄGARE ')).toBe('owner');
    expect(headingField('Systemägare (e-post)')).toBe('owner');
    expect(headingField('Objektledare (e-post)')).toBe('manager');
    expect(headingField('Licenskostnad (kr)')).toBe('costLicence');
    expect(headingField('Licenskostnad tkr')).toBe('costLicence');
    expect(headingField('Kostnad drift kr/år')).toBe('costOperation');
    expect(headingField('Personalkostnad per år')).toBe('costStaff');
    expect(headingField('Drift')).toBe('hosting');
    expect(headingField('Status')).toBe('lifecycle');
    expect(headingField('K/R/T')).toBe('levels');
    expect(headingField('Informationsägare')).toBeNull();
    expect(headingField('Färg')).toBeNull();
    expect(headingField('')).toBeNull();
  });
});

describe('isSummaryRow', () => {
  it('summing words in the first non-blank cell', () => {
    for (const first of ['Summa', 'Totalt:', 'TOTAL', 'Sum', 'S:a', 'Antal system', 'Delsumma']) {
      expect(isSummaryRow(['', first, '', '1 250 000'], 1)).toBe(true);
    }
    expect(isSummaryRow(['Totalsumma', '5'], 0)).toBe(true);
    expect(isSummaryRow(['Summering HSF'], 0)).toBe(true);
  });
  it('a row of only numbers under a blank name', () => {
    expect(isSummaryRow(['', '', '1 250 000', '500', '300 tkr'], 1)).toBe(true);
    expect(isSummaryRow(['', '', '1 250 000', 'Cosmic'], 1)).toBe(false);
  });
  it('a normal system row, and an empty row, are not', () => {
    expect(isSummaryRow(['Cosmic', 'HSF', 'Cambio', '1 250 000'], 0)).toBe(false);
    expect(isSummaryRow(['Totalförsvarsplanering', 'RS'], 0)).toBe(false);
    expect(isSummaryRow(['Summarum', 'RS'], 0)).toBe(false);
    expect(isSummaryRow(['', '', ''], 0)).toBe(false);
  });
});

describe('readText', () => {
  it('clean text, or tooLong', () => {
    expect(readText(' Cosmic\u00A0 ', 10)).toEqual(value('Cosmic'));
    expect(readText('Cosmic Nova', 5)).toEqual(unread('Cosmic Nova', 'tooLong'));
  });
});

describe('abbreviated unit names with dots', () => {
  const units = [
    { id: '1', name: 'Tandvårdsförvaltningen', shortName: null },
    { id: '2', name: 'Kultur- och bildningsförvaltningen', shortName: null },
    { id: '3', name: 'Kollektivtrafikförvaltningen', shortName: null },
  ];
  it('reads a shortened name as the unit it shortens, when only one fits', () => {
    expect(matchUnit('Tandvårdsförv.', units)?.unit.id).toBe('1');
    expect(matchUnit('Kultur- och bildn.förv', units)?.unit.id).toBe('2');
    expect(matchUnit('Koll.trafikförv.', units)?.unit.id).toBe('3');
  });
  it('never reads a dot-shortening that fits several units, or none', () => {
    expect(abbreviates('förv.', 'Tandvårdsförvaltningen')).toBe(false);
    expect(matchUnit('Ku.', units)).toBeNull();
    expect(abbreviates('Tandvård.ekonomi', 'Tandvårdsförvaltningen')).toBe(false);
  });
});
