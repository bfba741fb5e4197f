/**
 * How the cells of a region's own system register are read (issue 14). Every rule is here, as a
 * pure function, so that it can be documented (docs/import-rules.md) and property-tested. A reader
 * never guesses a default: what it cannot read comes back as `unread` with a reason, and the import
 * keeps the original text as a problem on the system.
 *
 * Cells arrive as the text the table reader gives (server/platform/table-file.ts): numbers as
 * `String(number)` ("1250000", "0.5", "46112" for a date cell formatted as General), dates already
 * as yyyy-mm-dd, everything else as typed.
 */
import type { DPIA_STATUSES, LIFECYCLES, SYSTEM_CATEGORIES } from './system.js';

/** The result of reading one cell. `blank`: nothing there (empty, only spaces, "-", "–"). */
export type Reading<T> =
  | { kind: 'blank' }
  | { kind: 'value'; value: T; approximate?: boolean }
  /** A word that says "we do not know" ("Vet ej", "Okänt", "?"): read, and not a value. */
  | { kind: 'unknown'; text: string }
  | { kind: 'unread'; text: string; reason: UnreadReason };

/** Why a cell could not be read; each has a message `import.unread.<reason>` (sv, en). */
export type UnreadReason =
  | 'word' // not one of the words this column takes
  | 'number' // not a number
  | 'negative'
  | 'range' // "100–200 tkr", "3-5": a span, not one value
  | 'date' // not a date
  | 'level' // not a level on the 0–4 scale
  | 'tooLong';

export type Category = (typeof SYSTEM_CATEGORIES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type DpiaStatus = (typeof DPIA_STATUSES)[number];
export type DpaStatus = 'signed' | 'missing' | 'not_needed';

/**
 * Text as a person meant it: Unicode NFC, every kind of space (no-break, thin, zero-width, tab,
 * line breaks inside a cell) made one ordinary space, soft hyphens removed, trimmed.
 */
export declare function cleanText(raw: string): string;

/**
 * The key two spellings of the same word share: cleanText, lower case, diacritics folded
 * (å→a, ä→a, ö→o, é→e …), every run of characters that are neither letters nor digits made one
 * space, trimmed. "Hälso- och sjukvårds­förvaltningen " and "halso och sjukvardsforvaltningen"
 * have the same key.
 */
export declare function foldKey(raw: string): string;

/** The key of a system name for finding near duplicates: foldKey without any spaces. */
export declare function duplicateKey(name: string): string;

/** True for a cell that holds nothing: empty, spaces, "-", "–", "—", "." */
export declare function isBlank(raw: string): boolean;

/**
 * Category words: verksamhetskritisk / kritisk / kritiskt / kärnverksamhet / core / business
 * critical → core; verksamhetsstödjande / verksamhetsstöd / stöd / stödsystem / administrativt
 * stöd / support → support; it-infrastruktur / infrastruktur / infra / plattform / infrastructure
 * → infrastructure. Case, spacing and diacritics do not matter.
 */
export declare function readCategory(raw: string): Reading<Category>;

/**
 * Lifecycle words and an optional year or date: planerad / planering / upphandling pågår /
 * upphandlas / ny / kommande / planned → planned; under införande / införande / införs / pilot /
 * implementering / introducing → introducing; i drift / drift / aktiv / produktion / i produktion /
 * i bruk / förvaltning / operating / active / live → operating; under avveckling / avvecklas /
 * ska avvecklas / fasas ut / phasing out → phasing_out; avvecklad / ur drift / nedlagd / ersatt /
 * phased out / retired → phased_out. A year or date in the cell ("Avvecklas 2026", "Avvecklad
 * 2023-06-30", "Avvecklas mars 2027") becomes `on`, read as readDate reads it (a year is its last
 * day).
 */
export declare function readLifecycle(
  raw: string,
): Reading<{ lifecycle: Lifecycle; on: string | null }>;

/**
 * Yes/no cells: ja / j / yes / y / x / 1 / sant / true / ✓ → true; nej / n / no / 0 / falskt /
 * false / ingen / inga → false; vet ej / okänt / oklart / ? / osäkert / unknown → unknown. A yes
 * with a qualifier after a comma, dash or parenthesis ("Ja, känsliga", "Ja (känsliga)", "ja -
 * känsliga uppgifter") is true; `sensitive` is true when the qualifier says känslig / sensitive /
 * art. 9 / särskilda kategorier.
 */
export declare function readYesNo(raw: string): Reading<{ answer: boolean; sensitive: boolean }>;

/**
 * The processing agreement (personuppgiftsbiträdesavtal, PUB-avtal): a date (any form readDate
 * takes) → signed on that date; a yes word or "finns" / "tecknat" / "signerat" → signed without a
 * date; a no word or "saknas" / "ej tecknat" → missing; "ej aktuellt" / "ej tillämpligt" / "behövs
 * ej" / "egen drift" / "n/a" → not_needed; unknown words → unknown.
 */
export declare function readDpa(
  raw: string,
): Reading<{ status: DpaStatus; signedOn: string | null }>;

/**
 * DPIA (konsekvensbedömning): ja / gjord / klar / genomförd / done / a date → done (with the date);
 * nej / ej gjord / saknas / behövs / pågår / planerad → needed; behövs ej / ej aktuellt / ej
 * tillämpligt / not needed → not_needed; unknown words → unknown.
 */
export declare function readDpia(raw: string): Reading<{ status: DpiaStatus; on: string | null }>;

/**
 * A date as Swedish registers write it. `date: null` means open-ended.
 * - ISO 2027-03-31 (also with a time after it, or 2027/03/31, 20270331);
 * - day first: 31/3 2027, 31/3/2027, 31.3.2027, 31-3-2027, 31 mars 2027, 31 mar 2027;
 * - a month: "mars 2027", "Mars -27", "2027-03", "03/2027" → the month's last day;
 * - a year: "2027" → 2027-12-31; a quarter "Q1 2027" / "kv1 2027" → the quarter's last day;
 *   month, quarter and year are marked approximate;
 * - an Excel serial day number in a General-formatted cell (20000–80000, e.g. "46112") → its date;
 * - "tillsvidare", "tills vidare", "löpande", "ingen slutdag", "evigt", "open-ended", "ongoing" →
 *   open-ended (date null);
 * - anything else, and impossible dates (31/2 2027), is unread ('date').
 * Two-digit years are 20xx.
 */
export declare function readDate(raw: string): Reading<{ date: string | null }>;

/**
 * An amount of money in kronor:
 * - "1 250 000", "1 250 000 kr", "1 250 000:-", "1.250.000", "1,250,000", "SEK 300 000" → exact;
 * - a decimal comma or point: "1250000,50", "1,2 mkr";
 * - units: tkr / tsek / k / tusen → ×1 000; mkr / msek / mnkr / miljoner / milj → ×1 000 000;
 * - "ca", "cirka", "ungefär", "runt", "~", "≈", "uppskattat", "approx" mark it approximate, as does
 *   a trailing "?";
 * - a span ("100–200 tkr") is unread ('range'); a negative amount is unread ('negative');
 *   a number in Excel's scientific notation ("1.2e6") is read.
 * Rule for a point: one point followed by exactly three digits and nothing else ("1.250") is a
 * thousands separator; otherwise a point is a decimal point. The same for a comma, except that a
 * comma followed by one or two digits is always decimal.
 */
export declare function readAmount(raw: string): Reading<number>;

/** A whole count (users): "500", "ca 500" (approximate), "1 200 st", "500+", "~40"; else unread. */
export declare function readCount(raw: string): Reading<number>;

/**
 * One level of the K/R/T scale (0–4): "3", "K3", "Nivå 3", "3 - Hög"; words: låg → 1, medel /
 * måttlig → 2, hög → 3, mycket hög / kritisk → 4 (documented, since regions' scales differ);
 * otherwise unread ('level').
 */
export declare function readLevel(raw: string): Reading<number>;

/**
 * All three levels in one cell: "3/3/2", "3-3-2", "3 3 2", "K3 R3 T2", "K:3, R:3, T:2" (order
 * K, R, T unless letters say otherwise; English C/I/A letters too).
 */
export declare function readLevels(raw: string): Reading<{ c: number; i: number; a: number }>;

/** A notice period as months: "3", "3 mån", "6 månader", "1 år" → 12, "90 dagar" → 3 (rounded up). */
export declare function readMonths(raw: string): Reading<number>;

/** A list in one cell, split on ";", newlines, "," and " / " (a slash with spaces): cleaned, non-blank, unique in order. */
export declare function readList(raw: string): string[];

/** Who a register names as owner or manager, as people write it. */
export type PersonReading =
  | { kind: 'blank' }
  /** saknas, vakant, ?, tbd, ej utsedd, ingen, okänd, n/a, "-": no one, and never a name. */
  | { kind: 'placeholder'; text: string }
  | { kind: 'email'; email: string; name: string | null }
  /** "Maja Sandström", "Sandström, Maja", "maja sandström" → name "Maja Sandström". */
  | { kind: 'name'; name: string }
  /** A post, not a person: "Hälso- och sjukvårdsdirektör", "Förvaltningschef HSF", "IT-chef". */
  | { kind: 'role'; role: string }
  /** Two or more people in one cell ("Anna Berg / Per Ek", "Anna Berg och Per Ek", "a@x.se; b@x.se"). */
  | { kind: 'several'; people: PersonReading[]; text: string };

/**
 * Reads an owner or manager cell. Rules, in order: blank; placeholder words (whole cell, any
 * case, with or without trailing punctuation); e-mail addresses (one → email, with a name written
 * beside it as "Maja Sandström <maja@x.se>"; several → several); split on " och ", " & ", " / ",
 * ";", "+", newline, or a comma between two parts that are both two words or more → several;
 * "Efternamn, Förnamn" (one comma, one word each side) → name swapped; a role when a word ends in
 * or is one of: direktör, chef, ansvarig, ägare, ledare, samordnare, förvaltare, strateg,
 * controller, handläggare, specialist, samordning, förvaltningen, avdelningen, enheten, nämnden,
 * or the cell has more than four words; otherwise a name of two to four words, letters, hyphens
 * and apostrophes only, in title case. A parenthesised part ("Maja Sandström (HSF)") is dropped.
 * Anything else is a role (text kept as written, cleaned).
 */
export declare function readPerson(raw: string): PersonReading;

/** The key a person's name is matched on: foldKey of the name with its words sorted. */
export declare function personKey(name: string): string;

/** A unit as the import sees it. */
export type UnitLike = { id: string; name: string; shortName: string | null };

/**
 * Which unit an administration or board cell means: exact foldKey match of name or short name
 * (`exact`), then the unit whose name's initials (words and the parts "förvaltning", "nämnd",
 * "styrelse", "sjukvård", "tjänst" inside compounds count as words, "och" and "för" do not) equal
 * the cell ("HSF" → Hälso- och sjukvårdsförvaltningen) (`initials`), then the most similar name by
 * trigram similarity ≥ 0.6 if it is clearly ahead of the next (`similar`); else null. The import
 * proposes; the user confirms.
 */
export declare function matchUnit(
  raw: string,
  units: readonly UnitLike[],
): { unit: UnitLike; how: 'exact' | 'initials' | 'similar'; score: number } | null;

/** Trigram similarity of two strings' foldKeys, 0–1. */
export declare function similarity(a: string, b: string): number;

/** The register's fields the import reads. */
export const REGISTER_FIELDS = [
  'id',
  'name',
  'aliases',
  'description',
  'administration',
  'board',
  'owner',
  'manager',
  'supplier',
  'category',
  'lifecycle',
  'users',
  'userUnits',
  'costLicence',
  'costOperation',
  'costStaff',
  'costTotal',
  'personalData',
  'dpa',
  'dpia',
  'levels',
  'confidentiality',
  'integrity',
  'availability',
  'classifiedOn',
  'contractRef',
  'contractEndsOn',
  'extension',
  'noticeMonths',
  'hosting',
  'capabilities',
  'comment',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/**
 * The headings each field is known by (Swedish and English and their common variants), as
 * written; matching is on foldKey. The first is the template's Swedish heading, the second its
 * English one.
 */
export declare const FIELD_HEADINGS: Record<RegisterField, readonly string[]>;

/** The field a heading names, or null. Exact foldKey match first, then known variants with a trailing "(…)" or unit ("(kr)", "tkr", "per år") dropped. */
export declare function headingField(heading: string): RegisterField | null;

/**
 * A row that sums or counts the others, not a system: its first non-blank cell is "Summa",
 * "Totalt", "Total", "Sum", "S:a", "Antal", "Totalsumma", "Delsumma", "Summering" (any case,
 * optionally followed by more text or ":"), or the name cell is blank and every non-blank cell is
 * a number.
 */
export declare function isSummaryRow(cells: readonly string[], nameColumn: number): boolean;
