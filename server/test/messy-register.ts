// An invented region's messy IT-system register (issue 14), for tests and the bench: an .xlsx with
// every kind of mess a real register has, each at a known rate (MESS and the word tables below),
// and the exact facts it was built with. Every fact is counted where its value is chosen, never by
// reading the file back. How a cell is read follows domain/services/register-values.ts.
import ExcelJS from 'exceljs';
import { addMonths } from '../../domain/shared/dates.js';

export type MessyUnit = { name: string; shortName: string | null };
export type MessyPerson = { name: string; email: string };
export type MessyOptions = {
  /** Systems rows before duplicates; default 1000. */
  rows?: number;
  seed?: number;
  /** Administrations that exist in the tenant (the test creates them). */
  units: MessyUnit[];
  /**
   * Boards that exist in the tenant: the Nämnd column names the board of each administration
   * (units[i] → boards[i % boards.length]). Without boards the column is there and blank.
   */
  boards?: MessyUnit[];
  /** People who exist in the tenant; names of two to four words, letters only, read best. */
  people: MessyPerson[];
  /** yyyy-mm-dd, for the contract warning window. */
  today: string;
  warningMonths?: number;
};
type Counts<K extends string> = Record<K, number>;
export type MessyFacts = {
  /** Data rows in the file (systems + duplicate rows), no title/blank/summary. */
  rows: number;
  /** Distinct systems (rows minus duplicate rows). */
  systems: number;
  /** Rows repeating an earlier system with only case/spacing of the name changed. */
  duplicateRows: number;
  /** "Summa"/"Totalt" rows and rows of only sums, at the bottom. */
  summaryRows: number;
  /** Blank rows between data rows. */
  blankRows: number;
  /** Per distinct system; missing = blank or placeholder. */
  owners: Counts<'email' | 'knownName' | 'newName' | 'role' | 'several' | 'missing'>;
  /** Distinct names (as the reader normalises them: "Förnamn Efternamn") not among `people`. */
  newPeople: string[];
  /** Distinct systems with personal data yes and no PUB-avtal known: missing, blank, unknown, unread. */
  personalDataWithoutDpa: number;
  /** Distinct systems operating or phasing_out whose contract ends in [today, today + window]. */
  contractsEnding: number;
  /** Sum over distinct systems of the yearly total: the total if given, else the parts given. */
  costTotal: number;
  /** Distinct systems with at least one cost written approximately ("ca …"). */
  approximateCosts: number;
  byCategory: Counts<'core' | 'support' | 'infrastructure' | 'unknown' | 'unread' | 'blank'>;
  byLifecycle: Counts<
    | 'planned'
    | 'introducing'
    | 'operating'
    | 'phasing_out'
    | 'phased_out'
    | 'unknown'
    | 'unread'
    | 'blank'
  >;
  /** Cells (over distinct systems' rows) holding a value no reader can read. */
  unreadCells: number;
  /** Cells (over distinct systems' rows) holding an unknown word ("Vet ej", "?", "Oklart"). */
  unknownCells: number;
  /** Every distinct administration text written → the exact unit name it means. */
  unitTexts: Record<string, string>;
  /** Every distinct board text written → the exact board name it means (empty without boards). */
  boardTexts: Record<string, string>;
};

/** How often each kind of mess happens (weights within a group, rates elsewhere). */
export const MESS = {
  /** A system row is followed by a duplicate of an earlier system. */
  duplicateRow: 0.03,
  /** A blank row after a data row (never after the last). */
  blankRow: 0.012,
  /** The next system keeps the previous one's administration, as written (makes runs). */
  sameAdministration: 0.65,
  /** A run of two or more rows of the same administration text is merged vertically. */
  mergeRun: 0.6,
  /** How an administration is written (a unit without short name is written exactly). */
  administration: { exact: 55, otherCase: 15, shortName: 20, misspelt: 10 },
  /** How an owner is written. */
  owner: { email: 24, knownName: 26, newName: 14, role: 10, several: 6, placeholder: 8, blank: 12 },
  /** A known or new name is written "Efternamn, Förnamn" (two-word names) or in lower case. */
  nameSwapped: 0.3,
  nameLowerCase: 0.1,
  /** An e-mail address is written in upper case. */
  emailUpperCase: 0.15,
  /** How the costs of a system are written. */
  costs: { formula: 30, typedTotal: 15, partsOnly: 35, none: 20 },
  /** A part is left blank when the costs are partsOnly or typedTotal. */
  partBlank: 0.25,
  /** How an amount is written. */
  amount: {
    number: 25,
    numberAsText: 15,
    spacesKr: 15,
    nbsp: 15,
    tkr: 12,
    caMkr: 8,
    caKr: 5,
    unread: 5,
  },
  /** How a contract end date is written. */
  contractEnd: {
    serial: 14,
    dateCell: 10,
    dayFirst: 14,
    iso: 18,
    month: 14,
    openEnded: 8,
    unread: 3,
    blank: 19,
  },
  /** The hidden Avtalsnummer column holds a number. */
  contractRef: 0.7,
} as const;

/** Where things are in the file, for tests (1-based rows as Excel numbers them). */
export const MESSY_LAYOUT = {
  sheets: ['Instruktioner', 'Systemförteckning'],
  registerSheet: 'Systemförteckning',
  title: 'Systemförteckning Region Exempel 2026',
  headingRow: 4,
  firstDataRow: 5,
  hiddenHeading: 'Avtalsnummer',
} as const;

/** The register's columns in order: the field each holds and its heading. */
export const MESSY_COLUMNS = [
  ['name', 'Systemnamn'],
  ['administration', 'Förvaltning'],
  ['board', 'Nämnd'],
  ['owner', 'Systemägare'],
  ['manager', 'Objektledare'],
  ['supplier', 'Leverantör'],
  ['category', 'Kategori'],
  ['lifecycle', 'Status'],
  ['users', 'Antal användare'],
  ['costLicence', 'Licenskostnad'],
  ['costOperation', 'Driftkostnad'],
  ['costTotal', 'Total årskostnad'],
  ['personalData', 'Personuppgifter'],
  ['dpa', 'PUB-avtal'],
  ['dpia', 'Konsekvensbedömning'],
  ['levels', 'K/R/T'],
  ['contractRef', 'Avtalsnummer'],
  ['contractEndsOn', 'Avtalets slutdatum'],
  ['extension', 'Förlängningsoption'],
  ['noticeMonths', 'Uppsägningstid'],
  ['hosting', 'Driftform'],
  ['comment', 'Kommentar'],
] as const;
type Field = (typeof MESSY_COLUMNS)[number][0];
const COL = Object.fromEntries(MESSY_COLUMNS.map(([f], i) => [f, i + 1])) as Record<Field, number>;
const letter = (f: Field) => String.fromCharCode(64 + COL[f]);

/** What a cell says when read: a value, an unknown word, unreadable, or nothing. */
type Read<V extends string> = V | 'unknown' | 'unread' | 'blank';
type Word<V extends string> = { w: number; text: string; read: Read<V> };
type Category = 'core' | 'support' | 'infrastructure';
type Lifecycle = 'planned' | 'introducing' | 'operating' | 'phasing_out' | 'phased_out';

const CATEGORY: Word<Category>[] = [
  { w: 14, text: 'Verksamhetskritisk', read: 'core' },
  { w: 6, text: 'Kritiskt', read: 'core' },
  { w: 3, text: 'KRITISK ', read: 'core' },
  { w: 3, text: 'kärnverksamhet', read: 'core' },
  { w: 12, text: 'Verksamhetsstödjande', read: 'support' },
  { w: 8, text: 'Verksamhetsstöd', read: 'support' },
  { w: 4, text: 'stödsystem', read: 'support' },
  { w: 3, text: 'Administrativt stöd ', read: 'support' },
  { w: 8, text: 'IT-infrastruktur', read: 'infrastructure' },
  { w: 4, text: 'Infrastruktur', read: 'infrastructure' },
  { w: 3, text: 'Plattform', read: 'infrastructure' },
  { w: 2, text: 'infra', read: 'infrastructure' },
  { w: 3, text: '?', read: 'unknown' },
  { w: 2, text: 'Vet ej', read: 'unknown' },
  { w: 2, text: 'hmm', read: 'unread' },
  { w: 1, text: 'Blandat', read: 'unread' },
  { w: 8, text: '', read: 'blank' },
  { w: 1, text: '-', read: 'blank' },
];
const LIFECYCLE: Word<Lifecycle>[] = [
  { w: 3, text: 'Planerad', read: 'planned' },
  { w: 3, text: 'Upphandling pågår', read: 'planned' },
  { w: 1, text: 'kommande', read: 'planned' },
  { w: 4, text: 'Under införande', read: 'introducing' },
  { w: 2, text: 'Pilot', read: 'introducing' },
  { w: 20, text: 'I drift', read: 'operating' },
  { w: 6, text: 'Aktiv', read: 'operating' },
  { w: 6, text: 'Produktion', read: 'operating' },
  { w: 3, text: 'i drift ', read: 'operating' },
  { w: 2, text: 'I DRIFT', read: 'operating' },
  { w: 4, text: 'Avvecklas 2026', read: 'phasing_out' },
  { w: 3, text: 'Under avveckling', read: 'phasing_out' },
  { w: 2, text: 'Ska avvecklas', read: 'phasing_out' },
  { w: 3, text: 'Avvecklad', read: 'phased_out' },
  { w: 1, text: 'Avvecklad 2023-06-30', read: 'phased_out' },
  { w: 1, text: 'Ur drift', read: 'phased_out' },
  { w: 2, text: 'Oklart', read: 'unknown' },
  { w: 1, text: '?', read: 'unknown' },
  { w: 2, text: 'se kommentar', read: 'unread' },
  { w: 5, text: '', read: 'blank' },
];
const YES_NO: Word<'yes' | 'no'>[] = [
  { w: 20, text: 'Ja', read: 'yes' },
  { w: 6, text: 'x', read: 'yes' },
  { w: 6, text: 'Ja, känsliga', read: 'yes' },
  { w: 3, text: 'ja ', read: 'yes' },
  { w: 20, text: 'Nej', read: 'no' },
  { w: 3, text: 'nej', read: 'no' },
  { w: 5, text: 'Vet ej', read: 'unknown' },
  { w: 2, text: 'delvis', read: 'unread' },
  { w: 10, text: '', read: 'blank' },
];
const DPA: Word<'signed' | 'missing' | 'not_needed'>[] = [
  { w: 8, text: '2023-05-12', read: 'signed' },
  { w: 4, text: '1/9 2022', read: 'signed' },
  { w: 10, text: 'Ja', read: 'signed' },
  { w: 5, text: 'Finns', read: 'signed' },
  { w: 2, text: 'Tecknat', read: 'signed' },
  { w: 8, text: 'Nej', read: 'missing' },
  { w: 6, text: 'Saknas', read: 'missing' },
  { w: 2, text: 'Ej tecknat', read: 'missing' },
  { w: 4, text: 'Ej aktuellt', read: 'not_needed' },
  { w: 2, text: 'Egen drift', read: 'not_needed' },
  { w: 5, text: 'Vet ej', read: 'unknown' },
  { w: 2, text: '?', read: 'unknown' },
  { w: 2, text: 'se avtal', read: 'unread' },
  { w: 14, text: '', read: 'blank' },
];
const DPIA: Word<'done' | 'needed' | 'not_needed'>[] = [
  { w: 8, text: 'Ja', read: 'done' },
  { w: 4, text: 'Gjord', read: 'done' },
  { w: 3, text: '2024-02-01', read: 'done' },
  { w: 8, text: 'Nej', read: 'needed' },
  { w: 3, text: 'Pågår', read: 'needed' },
  { w: 5, text: 'Behövs ej', read: 'not_needed' },
  { w: 3, text: 'Ej aktuellt', read: 'not_needed' },
  { w: 4, text: 'Vet ej', read: 'unknown' },
  { w: 2, text: 'hmm', read: 'unread' },
  { w: 20, text: '', read: 'blank' },
];
const LEVELS: Word<'levels'>[] = [
  { w: 10, text: '3/3/2', read: 'levels' },
  { w: 6, text: 'K3 R2 T1', read: 'levels' },
  { w: 4, text: '2-2-2', read: 'levels' },
  { w: 3, text: 'K:3, R:3, T:2', read: 'levels' },
  { w: 2, text: '4/3/3', read: 'levels' },
  { w: 2, text: 'se bilaga', read: 'unread' },
  { w: 14, text: '', read: 'blank' },
];
const USERS: Word<'count'>[] = [
  { w: 10, text: '#', read: 'count' }, // a number cell
  { w: 6, text: '#text', read: 'count' }, // the number as text
  { w: 4, text: 'ca #', read: 'count' },
  { w: 3, text: '# st', read: 'count' },
  { w: 2, text: '~#', read: 'count' },
  { w: 2, text: 'två', read: 'unread' },
  { w: 1, text: 'många', read: 'unread' },
  { w: 8, text: '', read: 'blank' },
];
const NOTICE: Word<'months'>[] = [
  { w: 8, text: '3 mån', read: 'months' },
  { w: 5, text: '6 månader', read: 'months' },
  { w: 3, text: '1 år', read: 'months' },
  { w: 3, text: '90 dagar', read: 'months' },
  { w: 4, text: '3', read: 'months' },
  { w: 2, text: 'enl. avtal', read: 'unread' },
  { w: 12, text: '', read: 'blank' },
];
/** Free text: never counted as unread or unknown. */
const EXTENSION = ['Ja, 2 år', 'Nej', '1+1 år', '2 x 12 mån', '', '', ''];
const HOSTING = ['Egen drift', 'SaaS', 'Leverantörens datacenter', 'Regionens datacenter', ''];
const COMMENTS = [
  '',
  '',
  '',
  'Byts ut 2027',
  'Se diariet',
  'Ny upphandling planeras',
  'Ingår i paket',
];
const SUPPLIERS = [
  'Nordvik Data AB',
  'Fjällsoft AB',
  'Mediqa Nordic AB',
  'Östkust IT',
  'Lumeno Systems',
  'Vårdkoll AB',
  'Regionens IT-enhet',
  'Skarvik Solutions',
  '',
];
const ROLES = [
  'Hälso- och sjukvårdsdirektör',
  'Förvaltningschef HSF',
  'IT-chef',
  'Regiondirektör',
  'Ekonomidirektör',
  'Informationssäkerhetsansvarig',
];
const PLACEHOLDERS = ['saknas', 'Vakant', '?', 'Ej utsedd', 'TBD'];
const NAME_PARTS = {
  stem: ['Vård', 'Journ', 'Lab', 'Medi', 'Ekon', 'Plan', 'Tand', 'Rönt', 'Bok', 'Pers', 'Lön'],
  stem2: ['Fakt', 'Arkiv', 'Diar', 'Ambu', 'Apo', 'Bild', 'Doku', 'Tolk', 'Kost', 'Fast', 'Larm'],
  end: ['ix', 'ora', 'is', 'ara', 'ium', 'ex', 'on', 'ia', 'ell', 'una', 'ea', 'ento'],
  word: ['Plus', 'Mobil', 'Analys', 'Portal', 'Web', 'Pro', 'Nova', 'Flex', 'Bas', 'Kontakt'],
  version: ['2', '3', '4.1', '5', '2.0', 'X'],
};
const FIRST = ['Maja', 'Elin', 'Ida', 'Lina', 'Hanna', 'Karin', 'Emma', 'Johan', 'Erik', 'Oskar'];
const FIRST2 = ['Viktor', 'Nils', 'Gustav', 'Olle', 'Linnea', 'Astrid', 'Ingrid', 'Björn', 'Åsa'];
const LAST = ['Sandström', 'Lindqvist', 'Holm', 'Nyström', 'Åberg', 'Forsberg', 'Sjöberg'];
const LAST2 = ['Wikström', 'Hedlund', 'Björk', 'Dahl', 'Ström', 'Engström', 'Öberg', 'Blom'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti'];
const MONTHS2 = ['september', 'oktober', 'november', 'december'];

/** A small seeded PRNG (mulberry32): the same seed gives the same register. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T extends { w: number }>(xs: readonly T[]): T => {
    let r = next() * xs.reduce((s, x) => s + x.w, 0);
    for (const x of xs) if ((r -= x.w) < 0) return x;
    return xs[xs.length - 1]!;
  };
  /** One key of a weight table such as MESS.owner. */
  const kind = <K extends string>(table: Record<K, number>): K =>
    weighted(Object.entries(table).map(([k, w]) => ({ k: k as K, w: w as number }))).k;
  return { next, int, pick, chance, weighted, kind };
}
type Rng = ReturnType<typeof prng>;

/** foldKey of the contract: lower case, diacritics folded, non-alphanumerics one space. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const personKey = (name: string) => fold(name).split(' ').sort().join(' ');
function trigrams(s: string) {
  const out = new Set<string>();
  for (const w of fold(s).split(' ')) {
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}
function similarity(a: string, b: string) {
  const x = trigrams(a);
  const y = trigrams(b);
  let both = 0;
  for (const t of x) if (y.has(t)) both += 1;
  return both / (x.size + y.size - both || 1);
}

/**
 * One letter of the unit's name changed so that it still means that unit: not another unit's name
 * or short name, at least 0.6 similar to its own name and 0.15 ahead of every other. Null if no
 * letter does.
 */
function misspelling(unit: MessyUnit, units: readonly MessyUnit[]): string | null {
  const taken = new Set(units.flatMap((u) => [u.name, u.shortName ?? ''].map(fold)));
  const n = unit.name.length;
  for (let k = 0; k < n; k++) {
    const i = (Math.floor((n * 2) / 3) + k) % n;
    const c = unit.name[i]!;
    if (i === 0 || !/\p{Ll}/u.test(c)) continue;
    const text = unit.name.slice(0, i) + (c === 'e' ? 'a' : 'e') + unit.name.slice(i + 1);
    if (taken.has(fold(text))) continue;
    const own = similarity(text, unit.name);
    const other = Math.max(
      0,
      ...units.filter((u) => u !== unit).map((u) => similarity(text, u.name)),
    );
    if (own >= 0.6 && own >= other + 0.15) return text;
  }
  return null;
}

/** A cell as written: text, a number, a date cell, or a sum of two columns with its result. */
type Cell = string | number | Date | { sum: [Field, Field]; result: number };
type Row = { name: string; unit: MessyUnit; cells: Partial<Record<Field, Cell>> };

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const groups = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** An amount as the register writes it, and what the reader makes of it. */
function amount(rng: Rng, format = rng.kind(MESS.amount)) {
  const plain = rng.int(5, 3000) * 1000 + (rng.chance(0.3) ? 500 : 0);
  const written = (cell: Cell, value: number, approximate = false) => ({
    cell,
    value: value as number | null,
    approximate,
  });
  switch (format) {
    case 'number':
      return written(plain, plain);
    case 'numberAsText':
      return written(String(plain), plain);
    case 'spacesKr':
      return written(`${groups(plain, ' ')} kr`, plain);
    case 'nbsp':
      return written(groups(plain, '\u00a0'), plain);
    case 'tkr': {
      const t = rng.int(20, 950);
      return written(`${t} tkr`, t * 1000);
    }
    case 'caMkr': {
      const tenths = rng.int(10, 49);
      return written(`ca ${Math.floor(tenths / 10)},${tenths % 10} mkr`, tenths * 100_000, true);
    }
    case 'caKr':
      return written(`ca ${groups(plain, ' ')}`, plain, true);
    case 'unread':
      return {
        cell: rng.pick(['se avtal', '100–200 tkr', 'hmm']),
        value: null,
        approximate: false,
      };
  }
}

/** A contract end date as the register writes it, and the date the reader makes of it. */
function contractEnd(
  rng: Rng,
  today: string,
): { cell: Cell; date: string | null; read: Read<'d'> } {
  const format = rng.kind(MESS.contractEnd);
  if (format === 'blank') return { cell: '', date: null, read: 'blank' };
  if (format === 'openEnded')
    return { cell: rng.pick(['tillsvidare', 'Tills vidare', 'löpande']), date: null, read: 'd' };
  if (format === 'unread')
    return { cell: rng.pick(['se avtal', 'förlängs årligen']), date: null, read: 'unread' };
  const t = new Date(`${today}T00:00:00Z`);
  const d = new Date(t.getTime() + rng.int(-365, 4 * 365) * 86_400_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  switch (format) {
    case 'serial':
      return {
        cell: (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000,
        date: iso(y, m, day),
        read: 'd',
      };
    case 'dateCell':
      return { cell: d, date: iso(y, m, day), read: 'd' };
    case 'dayFirst':
      return { cell: `${day}/${m} ${y}`, date: iso(y, m, day), read: 'd' };
    case 'iso':
      return { cell: iso(y, m, day), date: iso(y, m, day), read: 'd' };
    case 'month':
      return {
        cell: `${[...MONTHS, ...MONTHS2][m - 1]!} ${y}`,
        date: iso(y, m, lastDay(y, m)),
        read: 'd',
      };
  }
}

/** Invented system names, unique by the duplicate key (case, spacing and diacritics ignored). */
function systemNames(rng: Rng, n: number) {
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < n) {
    let name = rng.pick([...NAME_PARTS.stem, ...NAME_PARTS.stem2]) + rng.pick(NAME_PARTS.end);
    if (rng.chance(0.4)) name += ` ${rng.pick(NAME_PARTS.word)}`;
    if (rng.chance(0.2)) name += ` ${rng.pick(NAME_PARTS.version)}`;
    if (seen.size > 20_000) name += ` ${names.length}`;
    const key = fold(name).replace(/ /g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** The same name with only case or spacing changed. */
function nameVariant(rng: Rng, name: string) {
  switch (rng.int(0, 3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return name.includes(' ') ? name.replace(' ', '  ') : `${name.slice(0, 3)} ${name.slice(3)}`;
    default:
      return ` ${name}  `;
  }
}

function titleCase(name: string) {
  return name
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

export async function messyRegister(
  opts: MessyOptions,
): Promise<{ file: Buffer; facts: MessyFacts }> {
  const { units, people, today } = opts;
  const boards = opts.boards ?? [];
  const n = opts.rows ?? 1000;
  const windowEnd = addMonths(today, opts.warningMonths ?? 18);
  if (units.length === 0 || people.length < 2) throw new Error('needs units and two people');
  const rng = prng(opts.seed ?? 1);

  const facts: MessyFacts = {
    rows: 0,
    systems: n,
    duplicateRows: 0,
    summaryRows: 0,
    blankRows: 0,
    owners: { email: 0, knownName: 0, newName: 0, role: 0, several: 0, missing: 0 },
    newPeople: [],
    personalDataWithoutDpa: 0,
    contractsEnding: 0,
    costTotal: 0,
    approximateCosts: 0,
    byCategory: { core: 0, support: 0, infrastructure: 0, unknown: 0, unread: 0, blank: 0 },
    byLifecycle: {
      planned: 0,
      introducing: 0,
      operating: 0,
      phasing_out: 0,
      phased_out: 0,
      unknown: 0,
      unread: 0,
      blank: 0,
    },
    unreadCells: 0,
    unknownCells: 0,
    unitTexts: {},
    boardTexts: {},
  };
  /** Counts a read cell of a distinct system's row. */
  const counted = <R extends string>(read: R) => {
    if (read === 'unread') facts.unreadCells += 1;
    if (read === 'unknown') facts.unknownCells += 1;
    return read;
  };
  const word = <V extends string>(table: Word<V>[]) => {
    const w = rng.weighted(table);
    return { text: w.text, read: counted(w.read) };
  };

  // The people the register names who are not in the tenant: a pool, reused across systems.
  const known = new Set(people.map((p) => personKey(p.name)));
  const pool: string[] = [];
  for (const first of [...FIRST, ...FIRST2])
    for (const last of [...LAST, ...LAST2])
      if (!known.has(personKey(`${first} ${last}`))) pool.push(`${first} ${last}`);
  if (pool.length === 0) throw new Error('every invented name is taken by a known person');
  const newPool = Array.from({ length: Math.max(3, Math.round(n / 40)) }, () => rng.pick(pool));
  const newUsed = new Set<string>();

  const misspelt = new Map(units.map((u) => [u, misspelling(u, units)]));
  const adminText = (u: MessyUnit) => {
    const unitIndex = units.indexOf(u);
    const board = boards[unitIndex % (boards.length || 1)];
    let text = u.name;
    switch (rng.kind(MESS.administration)) {
      case 'otherCase':
        text = rng.chance(0.5) ? u.name.toUpperCase() : u.name.toLowerCase();
        break;
      case 'shortName':
        text = u.shortName ?? u.name;
        break;
      case 'misspelt':
        text = misspelt.get(u) ?? u.name;
        break;
      case 'exact':
        break;
    }
    facts.unitTexts[text] = u.name;
    let boardText = '';
    if (board) {
      boardText = board.shortName && rng.chance(0.3) ? board.shortName : board.name;
      facts.boardTexts[boardText] = board.name;
    }
    return { text, boardText };
  };

  const personName = (name: string) => {
    const words = name.split(' ');
    if (words.length === 2 && rng.chance(MESS.nameSwapped)) return `${words[1]}, ${words[0]}`;
    return rng.chance(MESS.nameLowerCase) ? name.toLowerCase() : name;
  };
  const email = (p: MessyPerson) =>
    rng.chance(MESS.emailUpperCase) ? p.email.toUpperCase() : p.email;
  const owner = (): string => {
    const kind = rng.kind(MESS.owner);
    switch (kind) {
      case 'email':
        facts.owners.email += 1;
        return email(rng.pick(people));
      case 'knownName':
        facts.owners.knownName += 1;
        return personName(rng.pick(people).name);
      case 'newName': {
        facts.owners.newName += 1;
        const name = rng.pick(newPool);
        if (!newUsed.has(name)) facts.newPeople.push(titleCase(name));
        newUsed.add(name);
        return personName(name);
      }
      case 'role':
        facts.owners.role += 1;
        return rng.pick(ROLES);
      case 'several': {
        facts.owners.several += 1;
        const a = rng.pick(people);
        let b = rng.pick(people);
        while (b === a) b = rng.pick(people);
        return rng.pick([
          `${a.name} / ${b.name}`,
          `${a.name} och ${b.name}`,
          `${a.email}; ${b.email}`,
        ]);
      }
      case 'placeholder':
      case 'blank':
        facts.owners.missing += 1;
        return kind === 'blank' ? '' : rng.pick(PLACEHOLDERS);
    }
  };
  const manager = () => {
    const r = rng.next();
    if (r < 0.45) return email(rng.pick(people));
    if (r < 0.75) return rng.pick(people).name;
    return r < 0.95 ? '' : 'Vakant';
  };

  /** The cost cells of one system, with the total the reader makes of them. */
  const costs = (): Partial<Record<Field, Cell>> => {
    const shape = rng.kind(MESS.costs);
    if (shape === 'none') return {};
    const cells: Partial<Record<Field, Cell>> = {};
    let approximate = false;
    let parts = 0;
    const part = (f: Field, format?: keyof typeof MESS.amount) => {
      if (shape !== 'formula' && rng.chance(MESS.partBlank)) return 0;
      const a = amount(rng, format);
      cells[f] = a.cell;
      if (a.value === null) counted('unread');
      approximate ||= a.approximate;
      parts += a.value ?? 0;
      return a.value ?? 0;
    };
    if (shape === 'formula') {
      const sum = part('costLicence', 'number') + part('costOperation', 'number');
      cells.costTotal = { sum: ['costLicence', 'costOperation'], result: sum };
      facts.costTotal += sum;
    } else if (shape === 'typedTotal') {
      if (rng.chance(0.5)) part('costLicence', 'number');
      const total = amount(rng, rng.kind({ ...MESS.amount, unread: 0 }));
      cells.costTotal = total.cell;
      approximate ||= total.approximate;
      facts.costTotal += total.value!;
    } else {
      part('costLicence');
      part('costOperation');
      facts.costTotal += parts;
    }
    if (approximate) facts.approximateCosts += 1;
    return cells;
  };

  /** One distinct system's row: every value chosen here, and its facts counted. */
  const system = (
    name: string,
    unit: MessyUnit,
    admin: { text: string; boardText: string },
  ): Row => {
    const category = word(CATEGORY);
    facts.byCategory[category.read] += 1;
    const lifecycle = word(LIFECYCLE);
    facts.byLifecycle[lifecycle.read] += 1;
    const personal = word(YES_NO);
    const dpa = word(DPA);
    if (personal.read === 'yes' && ['missing', 'blank', 'unknown', 'unread'].includes(dpa.read))
      facts.personalDataWithoutDpa += 1;
    const end = contractEnd(rng, today);
    counted(end.read);
    if (
      (lifecycle.read === 'operating' || lifecycle.read === 'phasing_out') &&
      end.date !== null &&
      end.date >= today &&
      end.date <= windowEnd
    )
      facts.contractsEnding += 1;
    const users = word(USERS);
    const count = rng.int(5, 4000);
    const usersCell: Cell =
      users.text === '#'
        ? count
        : users.text === '#text'
          ? String(count)
          : users.text.replace('#', groups(count, ' '));
    return {
      name,
      unit,
      cells: {
        name,
        administration: admin.text,
        board: admin.boardText,
        owner: owner(),
        manager: manager(),
        supplier: rng.pick(SUPPLIERS),
        category: category.text,
        lifecycle: lifecycle.text,
        users: usersCell,
        ...costs(),
        personalData: personal.text,
        dpa: dpa.text,
        dpia: word(DPIA).text,
        levels: word(LEVELS).text,
        contractRef: rng.chance(MESS.contractRef)
          ? `AVT-${rng.int(2015, 2025)}-${rng.int(1, 999)}`
          : '',
        contractEndsOn: end.cell,
        extension: rng.pick(EXTENSION),
        noticeMonths: word(NOTICE).text,
        hosting: rng.pick(HOSTING),
        comment: rng.pick(COMMENTS),
      },
    };
  };

  // The rows in file order: systems, a duplicate now and then, a blank row now and then.
  const names = systemNames(rng, n);
  const originals: Row[] = [];
  const layout: (Row | null)[] = [];
  let unit = rng.pick(units);
  let admin = adminText(unit);
  for (let i = 0; i < n; i++) {
    if (i > 0 && !rng.chance(MESS.sameAdministration)) {
      unit = rng.pick(units);
      admin = adminText(unit);
    }
    const row = system(names[i]!, unit, admin);
    originals.push(row);
    layout.push(row);
    if (rng.chance(MESS.duplicateRow)) {
      const of = originals[rng.int(Math.max(0, originals.length - 200), originals.length - 1)]!;
      const other = units.length > 1 ? units.filter((u) => u !== of.unit) : units;
      const otherUnit = rng.pick(other);
      const again = adminText(otherUnit);
      const name = nameVariant(rng, of.name);
      layout.push({
        name,
        unit: otherUnit,
        cells: {
          ...of.cells,
          name,
          administration: again.text,
          board: again.boardText,
        },
      });
      facts.duplicateRows += 1;
    }
    if (i < n - 1 && rng.chance(MESS.blankRow)) {
      layout.push(null);
      facts.blankRows += 1;
    }
  }
  facts.rows = n + facts.duplicateRows;

  const file = await workbook(layout, rng, today);
  facts.summaryRows = 2;
  return { file, facts };
}

async function workbook(layout: (Row | null)[], rng: Rng, today: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Region Exempel';
  wb.created = new Date(`${today}T08:00:00Z`);
  wb.modified = wb.created;
  const help = wb.addWorksheet('Instruktioner');
  help.getColumn(1).width = 100;
  for (const line of [
    'Instruktioner för systemförteckningen',
    '',
    'Förteckningen omfattar regionens alla IT-system.',
    'Varje förvaltning ansvarar för sina rader.',
    'Fyll i systemägare och objektledare med namn eller e-post. Kostnader anges per år i kronor.',
    'Klassning anges som K/R/T enligt regionens modell för informationsklassning.',
    'Frågor om förteckningen besvaras av digitaliseringsenheten.',
  ])
    help.addRow([line]);

  const ws = wb.addWorksheet(MESSY_LAYOUT.registerSheet);
  ws.getCell('A1').value = MESSY_LAYOUT.title;
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Senast uppdaterad';
  ws.getCell('B2').value = new Date(`${today}T00:00:00Z`);
  MESSY_COLUMNS.forEach(([, heading], i) => {
    ws.getCell(MESSY_LAYOUT.headingRow, i + 1).value = heading;
  });
  ws.getColumn(COL.contractRef).hidden = true;

  const sums: Partial<Record<Field, number>> = {};
  let r = MESSY_LAYOUT.firstDataRow;
  for (const row of layout) {
    if (row)
      for (const [f, cell] of Object.entries(row.cells) as [Field, Cell][]) {
        if (cell === '' || cell === undefined) continue;
        const c = ws.getCell(r, COL[f]);
        if (typeof cell === 'object' && !(cell instanceof Date)) {
          c.value = {
            formula: `${letter(cell.sum[0])}${r}+${letter(cell.sum[1])}${r}`,
            result: cell.result,
          };
          sums[f] = (sums[f] ?? 0) + cell.result;
        } else {
          c.value = cell;
          if (typeof cell === 'number' && f !== 'contractEndsOn') sums[f] = (sums[f] ?? 0) + cell;
        }
      }
    r += 1;
  }

  // Runs of rows with the same administration text, merged vertically now and then.
  let start = 0;
  for (let i = 1; i <= layout.length; i++) {
    const same = (a: Row | null | undefined, b: Row | null | undefined) =>
      a && b && a.cells.administration && a.cells.administration === b.cells.administration;
    if (i < layout.length && same(layout[start], layout[i])) continue;
    if (i - start >= 2 && layout[start] && rng.chance(MESS.mergeRun)) {
      const top = MESSY_LAYOUT.firstDataRow + start;
      ws.mergeCells(top, COL.administration, top + i - start - 1, COL.administration);
    }
    start = i;
  }

  // At the bottom: a "Summa" row with SUM formulas, and a row of only sums with a blank name.
  const last = r - 1;
  const summa = ws.getRow(r);
  summa.getCell(COL.name).value = 'Summa';
  for (const f of ['costLicence', 'costOperation', 'costTotal'] as const)
    summa.getCell(COL[f]).value = {
      formula: `SUM(${letter(f)}${MESSY_LAYOUT.firstDataRow}:${letter(f)}${last})`,
      result: sums[f] ?? 0,
    };
  const only = ws.getRow(r + 1);
  for (const f of ['users', 'costLicence', 'costOperation', 'costTotal'] as const)
    only.getCell(COL[f]).value = sums[f] ?? 0;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
