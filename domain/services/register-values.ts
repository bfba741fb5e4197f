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
 * line breaks inside a cell) made one ordinary space, soft hyphens and control characters
 * removed, trimmed.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\u00AD/g, '')
    .replace(SPACES, ' ')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .replace(/^ | $/g, '');
}

/**
 * The key two spellings of the same word share: cleanText, lower case, diacritics folded
 * (å→a, ä→a, ö→o, é→e …), every run of characters that are neither letters nor digits made one
 * space, trimmed. "Hälso- och sjukvårds­förvaltningen " and "halso och sjukvardsforvaltningen"
 * have the same key.
 */
export function foldKey(raw: string): string {
  return plain(raw)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key of a system name for finding near duplicates: foldKey without any spaces. */
export function duplicateKey(name: string): string {
  return foldKey(name).replace(/ /g, '');
}

/** True for a cell that holds nothing: empty, spaces, "-", "–", "—", "." */
export function isBlank(raw: string): boolean {
  return BLANKS.has(cleanText(raw));
}

/**
 * Category words: verksamhetskritisk / kritisk / kritiskt / kärnverksamhet / core / business
 * critical → core; verksamhetsstödjande / verksamhetsstöd / stöd / stödsystem / administrativt
 * stöd / support → support; it-infrastruktur / infrastruktur / infra / plattform / infrastructure
 * → infrastructure. Case, spacing and diacritics do not matter.
 */
export function readCategory(raw: string): Reading<Category> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const category = CATEGORY_WORDS.get(foldKey(text));
  return category ? { kind: 'value', value: category } : unread(text, 'word');
}

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
export function readLifecycle(raw: string): Reading<{ lifecycle: Lifecycle; on: string | null }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const lead = matchLead(text, LIFECYCLE_WORDS);
  if (!lead) return unread(text, 'word');
  const on = trailingDate(lead);
  if (on === 'unread') return unread(text, /\d/.test(lead.rest) ? 'date' : 'word');
  return withApproximate({ lifecycle: lead.value, on: on.date }, on.approximate);
}

/**
 * Yes/no cells: ja / j / yes / y / x / 1 / sant / true / ✓ → true; nej / n / no / 0 / falskt /
 * false / ingen / inga → false; vet ej / okänt / oklart / ? / osäkert / unknown → unknown. A yes
 * with a qualifier after a comma, dash or parenthesis ("Ja, känsliga", "Ja (känsliga)", "ja -
 * känsliga uppgifter") is true; `sensitive` is true when the qualifier says känslig / sensitive /
 * art. 9 / särskilda kategorier.
 */
export function readYesNo(raw: string): Reading<{ answer: boolean; sensitive: boolean }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const lead = matchLead(checkMarkAsYes(text), YES_NO_WORDS);
  if (!lead || (lead.rest !== '' && !lead.separated)) return unread(text, 'word');
  const answer = lead.value;
  const qualifier = ` ${foldKey(lead.rest)} `;
  const sensitive = answer && SENSITIVE.test(qualifier) && !NOT_SENSITIVE.test(qualifier);
  return withApproximate({ answer, sensitive }, /\?$/.test(text));
}

/**
 * The processing agreement (personuppgiftsbiträdesavtal, PUB-avtal): a date (any form readDate
 * takes) → signed on that date; a yes word or "finns" / "tecknat" / "signerat" → signed without a
 * date; a no word or "saknas" / "ej tecknat" → missing; "ej aktuellt" / "ej tillämpligt" / "behövs
 * ej" / "egen drift" / "n/a" → not_needed; unknown words → unknown.
 */
export function readDpa(raw: string): Reading<{ status: DpaStatus; signedOn: string | null }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const date = readDate(text);
  if (date.kind === 'value' && date.value.date !== null) {
    return withApproximate({ status: 'signed', signedOn: date.value.date }, date.approximate);
  }
  const lead = matchLead(checkMarkAsYes(text), DPA_WORDS);
  if (!lead) return unread(text, 'word');
  const on = trailingDate(lead);
  if (on === 'unread') return unread(text, /\d/.test(lead.rest) ? 'date' : 'word');
  const signedOn = lead.value === 'signed' ? on.date : null;
  return withApproximate({ status: lead.value, signedOn }, signedOn !== null && on.approximate);
}

/**
 * DPIA (konsekvensbedömning): ja / gjord / klar / genomförd / done / a date → done (with the date);
 * nej / ej gjord / saknas / behövs / pågår / planerad → needed; behövs ej / ej aktuellt / ej
 * tillämpligt / not needed → not_needed; unknown words → unknown.
 */
export function readDpia(raw: string): Reading<{ status: DpiaStatus; on: string | null }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const date = readDate(text);
  if (date.kind === 'value' && date.value.date !== null) {
    return withApproximate({ status: 'done', on: date.value.date }, date.approximate);
  }
  const lead = matchLead(checkMarkAsYes(text), DPIA_WORDS);
  if (!lead) return unread(text, 'word');
  const on = trailingDate(lead);
  if (on === 'unread') return unread(text, /\d/.test(lead.rest) ? 'date' : 'word');
  const status = lead.value;
  const day = status === 'not_needed' ? null : on.date;
  return withApproximate({ status, on: day }, day !== null && on.approximate);
}

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
export function readDate(raw: string): Reading<{ date: string | null }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  if (OPEN_ENDED.has(foldKey(text))) return { kind: 'value', value: { date: null } };
  const found = parseDate(plain(text).replace(/\.$/, ''));
  if (!found) return unread(text, 'date');
  return withApproximate({ date: found.date }, found.approximate);
}

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
export function readAmount(raw: string): Reading<number> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const marked = stripApproximate(plain(text));
  let s = stripCurrency(marked.rest);
  let factor = 1;
  const unit = AMOUNT_UNIT.exec(s);
  if (unit) {
    factor = /^(?:t|k)/.test(unit[1] ?? '') ? 1_000 : 1_000_000;
    s = stripCurrency(s.slice(0, unit.index));
  }
  const n = readNumberText(s);
  if (typeof n === 'string') return unread(text, n);
  return withApproximate(Math.round(n * factor * 100) / 100, marked.approximate);
}

/** A whole count (users): "500", "ca 500" (approximate), "1 200 st", "500+", "~40"; else unread. */
export function readCount(raw: string): Reading<number> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const marked = stripApproximate(plain(text));
  let s = marked.rest.replace(COUNT_UNIT, '');
  let approximate = marked.approximate;
  if (/\+$/.test(s)) {
    approximate = true;
    s = s.replace(/\s*\+$/, '');
  }
  const n = readNumberText(s);
  if (typeof n === 'string') return unread(text, n);
  if (!Number.isInteger(n)) return unread(text, 'number');
  return withApproximate(n, approximate);
}

/**
 * One level of the K/R/T scale (0–4): "3", "K3", "Nivå 3", "3 - Hög"; words: låg → 1, medel /
 * måttlig → 2, hög → 3, mycket hög / kritisk → 4 (documented, since regions' scales differ);
 * otherwise unread ('level').
 */
export function readLevel(raw: string): Reading<number> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const word = LEVEL_WORDS.get(foldKey(text));
  if (word !== undefined) return { kind: 'value', value: word };
  const m = LEVEL_NUMBER.exec(plain(text));
  if (!m) return unread(text, 'level');
  const level = Number(m[1]);
  return level <= 4 ? { kind: 'value', value: level } : unread(text, 'level');
}

/**
 * All three levels in one cell: "3/3/2", "3-3-2", "3 3 2", "K3 R3 T2", "K:3, R:3, T:2" (order
 * K, R, T unless letters say otherwise; English C/I/A letters too).
 */
export function readLevels(raw: string): Reading<{ c: number; i: number; a: number }> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const s = plain(text).replace(LEVELS_PREFIX, '');
  const levels: { c?: number; i?: number; a?: number } = {};
  const lettered = LEVELS_LETTERED.exec(s);
  const bare = LEVELS_BARE.exec(s);
  if (lettered) {
    for (let k = 1; k < 7; k += 2) {
      const key = LEVEL_LETTERS[lettered[k] ?? ''];
      if (!key || levels[key] !== undefined) return unread(text, 'level');
      levels[key] = Number(lettered[k + 1]);
    }
  } else if (bare) {
    [levels.c, levels.i, levels.a] = [Number(bare[1]), Number(bare[2]), Number(bare[3])];
  } else {
    return unread(text, 'level');
  }
  const { c = 9, i = 9, a = 9 } = levels;
  if (c > 4 || i > 4 || a > 4) return unread(text, 'level');
  return { kind: 'value', value: { c, i, a } };
}

/**
 * A notice period as months: "3", "3 mån", "6 månader", "1 år" → 12, "90 dagar" → 3 (rounded
 * up).
 */
export function readMonths(raw: string): Reading<number> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  const marked = stripApproximate(plain(text));
  let s = marked.rest;
  let perUnit = 1;
  const unit = MONTHS_UNIT.exec(s);
  if (unit) {
    perUnit = unit[1] ? 1 : unit[2] ? 12 : unit[3] ? (7 * 12) / 365 : 12 / 365;
    s = s.slice(0, unit.index);
  }
  const n = readNumberText(s);
  if (typeof n === 'string') return unread(text, n);
  return withApproximate(Math.ceil(n * perUnit - 1e-9), marked.approximate);
}

/**
 * A list in one cell, split on ";", newlines, "," and " / " (a slash with spaces): cleaned,
 * non-blank, unique in order.
 */
export function readList(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(LIST_SEPARATORS)) {
    const item = cleanText(part);
    const key = foldKey(item) || item;
    if (isBlank(item) || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

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
  /**
   * Two or more people in one cell ("Anna Berg / Per Ek", "Anna Berg och Per Ek",
   * "a@x.se; b@x.se").
   */
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
export function readPerson(raw: string): PersonReading {
  const text = cleanText(raw);
  if (isBlank(text)) return { kind: 'blank' };
  if (isPlaceholder(text)) return { kind: 'placeholder', text };
  const emails = text.match(EMAIL) ?? [];
  if (emails.length === 1) {
    const email = (emails[0] ?? '').toLowerCase();
    const beside = cleanText(text.replace(EMAIL, ' ').replace(/mailto:|[<>()[\]"',;]/gi, ' '));
    const name = beside === '' ? null : readPerson(beside);
    return { kind: 'email', email, name: name?.kind === 'name' ? name.name : null };
  }
  if (emails.length > 1) {
    const parts = raw.split(EMAIL_SEPARATORS).filter((p) => !isBlank(p));
    const people =
      parts.length > 1
        ? parts.map(readPerson)
        : emails.map((e): PersonReading => ({ kind: 'email', email: e.toLowerCase(), name: null }));
    return { kind: 'several', people, text };
  }
  const bare = raw.replace(/\([^()]*\)/g, ' ');
  const parts = bare.split(PERSON_SEPARATORS).filter((p) => !isBlank(p));
  if (parts.length > 1) return { kind: 'several', people: parts.map(readPerson), text };
  const line = cleanText(bare);
  const commaParts = line.split(',').map(cleanText);
  if (commaParts.length > 1) {
    const counts = commaParts.map((p) => (p === '' ? 0 : p.split(' ').length));
    if (counts.every((n) => n >= 2)) {
      return { kind: 'several', people: commaParts.map(readPerson), text };
    }
    if (counts.length === 2 && counts[0] === 1 && counts[1] === 1) {
      const swapped = readPerson(`${commaParts[1]} ${commaParts[0]}`);
      return swapped.kind === 'role' ? { kind: 'role', role: text } : swapped;
    }
  }
  const words = line.split(' ');
  const isRole =
    words.length > 4 ||
    foldKey(line)
      .split(' ')
      .some((w) => ROLE_ENDINGS.some((end) => w.endsWith(end)));
  if (!isRole && words.length >= 2 && words.every((w) => NAME_WORD.test(w))) {
    return { kind: 'name', name: words.map(titleCase).join(' ') };
  }
  return { kind: 'role', role: text };
}

/** The key a person's name is matched on: foldKey of the name with its words sorted. */
export function personKey(name: string): string {
  return foldKey(name).split(' ').filter(Boolean).sort().join(' ');
}

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
export function matchUnit(
  raw: string,
  units: readonly UnitLike[],
): { unit: UnitLike; how: 'exact' | 'initials' | 'similar'; score: number } | null {
  const key = duplicateKey(raw);
  if (key === '') return null;
  const exact = units.find(
    (u) =>
      duplicateKey(u.name) === key || (u.shortName !== null && duplicateKey(u.shortName) === key),
  );
  if (exact) return { unit: exact, how: 'exact', score: 1 };
  if (/^\p{L}{2,8}$/u.test(key)) {
    const byInitials = units.filter((u) => unitInitials(u.name) === key);
    if (byInitials.length === 1 && byInitials[0]) {
      return { unit: byInitials[0], how: 'initials', score: INITIALS_SCORE };
    }
  }
  if (raw.includes('.')) {
    const shortened = units.filter((u) => abbreviates(raw, u.name));
    if (shortened.length === 1 && shortened[0])
      return { unit: shortened[0], how: 'initials', score: INITIALS_SCORE };
  }
  const scored = units
    .map((unit) => ({
      unit,
      score: Math.max(
        similarity(raw, unit.name),
        unit.shortName ? similarity(raw, unit.shortName) : 0,
      ),
    }))
    .sort((x, y) => y.score - x.score);
  const [best, next] = scored;
  if (!best || best.score < SIMILAR_MIN) return null;
  if (next && best.score - next.score < SIMILAR_LEAD) return null;
  return { unit: best.unit, how: 'similar', score: best.score };
}

/**
 * Whether a cell written with dots shortens a name: each of its parts, in order, is found in the
 * name with its spaces removed, the first at the start ("Tandvårdsförv." and "Kultur- och
 * bildn.förv" shorten "Tandvårdsförvaltningen" and "Kultur- och bildningsförvaltningen").
 */
export function abbreviates(raw: string, name: string): boolean {
  const parts = raw
    .split(/[.\s]+/)
    .map((p) => duplicateKey(p))
    .filter(Boolean);
  if (!parts.length || parts.join('').length < 3) return false;
  const whole = duplicateKey(name);
  let at = 0;
  for (const [i, part] of parts.entries()) {
    const found = whole.indexOf(part, at);
    if (found < 0 || (i === 0 && found !== 0)) return false;
    at = found + part.length;
  }
  return true;
}

/** Trigram similarity of two strings' foldKeys, 0–1. */
export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return foldKey(a) === foldKey(b) ? 1 : 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

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
export const FIELD_HEADINGS: Record<RegisterField, readonly string[]> = {
  id: ['Id', 'Id (Styrbord)', 'System-id', 'System id', 'Styrbord-id'],
  name: [
    'Namn',
    'Name',
    'System',
    'Systemnamn',
    'IT-system',
    'Applikation',
    'Objekt',
    'Tjänst/system',
    'System name',
    'Application',
  ],
  aliases: ['Alias', 'Aliases', 'Kortnamn', 'Förkortning', 'Andra namn', 'Short name', 'Kallas'],
  description: ['Beskrivning', 'Description', 'Syfte', 'Användningsområde', 'Purpose'],
  administration: [
    'Förvaltning',
    'Administration',
    'Ägande förvaltning',
    'Ägande enhet',
    'Organisation',
    'Verksamhet',
    'Enhet',
    'Owning unit',
    'Organization',
  ],
  board: ['Nämnd', 'Board', 'Ansvarig nämnd', 'Styrelse'],
  owner: ['Systemägare', 'System owner', 'Ägare', 'Objektägare', 'Owner'],
  manager: [
    'Objektledare',
    'System manager',
    'Förvaltningsledare',
    'Systemförvaltare',
    'Systemansvarig',
    'IT-objektledare',
    'Manager',
  ],
  supplier: ['Leverantör', 'Supplier', 'Vendor', 'Leverantor'],
  category: ['Kategori', 'Category', 'Systemkategori', 'Typ', 'Klassning verksamhet', 'Systemtyp'],
  lifecycle: ['Livscykel', 'Lifecycle', 'Status', 'Fas', 'Livscykelstatus'],
  users: ['Antal användare', 'Users', 'Användare', 'Number of users'],
  userUnits: ['Användande enheter', 'Used by', 'Användande förvaltningar', 'Används av'],
  costLicence: [
    'Licenskostnad',
    'Licence cost',
    'Kostnad licens',
    'Licens',
    'Licenser (kr/år)',
    'License cost',
  ],
  costOperation: [
    'Drift- och supportkostnad',
    'Operating cost',
    'Driftkostnad',
    'Kostnad drift',
    'Support',
    'Förvaltningskostnad',
    'Support/underhåll',
    'Operation cost',
  ],
  costStaff: ['Personalkostnad', 'Staff cost', 'Kostnad personal'],
  costTotal: [
    'Total årskostnad',
    'Total yearly cost',
    'Totalkostnad',
    'Kostnad per år',
    'Årskostnad',
    'Total kostnad/år',
    'Summa kostnad',
    'Total cost',
  ],
  personalData: ['Personuppgifter', 'Personal data', 'PU', 'Behandlar personuppgifter'],
  dpa: [
    'PUB-avtal',
    'DPA',
    'Personuppgiftsbiträdesavtal',
    'PuB-avtal',
    'PUB-avtal datum',
    'DPA signed on',
  ],
  dpia: ['Konsekvensbedömning', 'DPIA', 'Konsekvensbedömning dataskydd', 'KB'],
  levels: [
    'K/R/T',
    'C/I/A',
    'KRT',
    'Informationsklassning',
    'Klassning K/R/T',
    'Säkerhetsklassning',
  ],
  confidentiality: ['Konfidentialitet', 'Confidentiality', 'K'],
  integrity: ['Riktighet', 'Integrity', 'R'],
  availability: ['Tillgänglighet', 'Availability', 'T'],
  classifiedOn: ['Klassad datum', 'Classified on', 'Klassningsdatum', 'Klassad'],
  contractRef: [
    'Avtalsnummer',
    'Contract number',
    'Avtal',
    'Avtalsnr',
    'Avtals-id',
    'Diarienummer avtal',
  ],
  contractEndsOn: [
    'Avtalets slutdatum',
    'Contract ends',
    'Avtal löper ut',
    'Avtalsslut',
    'Slutdatum avtal',
    'Avtal t.o.m.',
  ],
  extension: ['Förlängningsoption', 'Extension option', 'Option', 'Förlängning', 'Optioner'],
  noticeMonths: ['Uppsägningstid', 'Notice period', 'Uppsägning (mån)'],
  hosting: ['Drift', 'Hosting', 'Driftform', 'Driftas av', 'Driftmiljö', 'Var driftas'],
  capabilities: [
    'Förmågor',
    'Capabilities',
    'Process',
    'Processer',
    'Verksamhetsprocess',
    'Förmåga',
  ],
  comment: ['Kommentar', 'Comment', 'Anmärkning', 'Övrigt', 'Noteringar', 'Notes'],
};

/**
 * The field a heading names, or null. Exact foldKey match first, then known variants with a
 * trailing "(…)" or unit ("(kr)", "tkr", "per år") dropped.
 */
export function headingField(heading: string): RegisterField | null {
  const index = headingIndex();
  let text = cleanText(heading);
  for (;;) {
    let key = foldKey(text);
    for (;;) {
      const field = index.get(key);
      if (field) return field;
      const shorter = key.replace(HEADING_UNIT, '');
      if (shorter === key || shorter === '') break;
      key = shorter;
    }
    const shorter = text.replace(/\s*\([^()]*\)\s*$/, '');
    if (shorter === text || shorter === '') return null;
    text = shorter;
  }
}

/**
 * A row that sums or counts the others, not a system: its first non-blank cell is "Summa",
 * "Totalt", "Total", "Sum", "S:a", "Antal", "Totalsumma", "Delsumma", "Summering" (any case,
 * optionally followed by more text or ":"), or the name cell is blank and every non-blank cell is
 * a number.
 */
export function isSummaryRow(cells: readonly string[], nameColumn: number): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  const firstCell = filled[0];
  if (firstCell === undefined) return false;
  if (SUMMARY_WORD.test(cleanText(firstCell))) return true;
  const name = cells[nameColumn];
  return (
    (name === undefined || isBlank(name)) && filled.every((c) => readAmount(c).kind === 'value')
  );
}

// ---------------------------------------------------------------------------------------------
// The rules' words and patterns, and the helpers the readers share.

/** Every kind of space, tab and line break, and the zero-width spaces. */
const SPACES = /[\s\u0085\u180E\u200B\u2060]+/g;
/** Letters Unicode does not decompose into a base letter and a mark. */
/** Control characters other than spaces and line breaks (those are spaces): dropped. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const SPECIAL_LETTERS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const BLANKS = new Set(['', '-', '–', '—', '.']);

/** cleanText, lower case, diacritics folded; punctuation kept. */
function plain(raw: string): string {
  return cleanText(raw)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøœßđðłþıς]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Words to values, keyed on foldKey; a word that would mean two things is a mistake here. */
function wordMap<T>(groups: readonly (readonly [T, readonly string[]])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of groups) {
    for (const word of words) {
      const key = foldKey(word);
      const had = map.get(key);
      if (had !== undefined && had !== value) throw new Error(`"${word}" means two things`);
      map.set(key, value);
    }
  }
  return map;
}

const UNKNOWN_WORDS = new Set(
  [
    'vet ej',
    'vet inte',
    'okänt',
    'okänd',
    'oklart',
    'osäkert',
    'ej känt',
    'inte känt',
    'unknown',
    'not known',
    "don't know",
  ].map(foldKey),
);

function isUnknown(text: string): boolean {
  return /^\?+$/.test(text) || UNKNOWN_WORDS.has(foldKey(text));
}

/** The first two rules of every reader: blank, then a "we do not know" word. */
function blankOrUnknown(text: string): Reading<never> | null {
  if (isBlank(text)) return { kind: 'blank' };
  if (isUnknown(text)) return { kind: 'unknown', text };
  return null;
}

function unread(text: string, reason: UnreadReason): Reading<never> {
  return { kind: 'unread', text, reason };
}

function withApproximate<T>(value: T, approximate: boolean | undefined): Reading<T> {
  return approximate ? { kind: 'value', value, approximate: true } : { kind: 'value', value };
}

type Lead<T> = { value: T; rest: string; separated: boolean };
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The longest phrase of `words` (up to four words) the text starts with, and what follows it:
 * `rest` without the separating punctuation, `separated` when a comma, colon, semicolon, dash,
 * point or parenthesis came first.
 */
function matchLead<T>(text: string, words: ReadonlyMap<string, T>): Lead<T> | null {
  const tokens = [...text.matchAll(TOKEN)];
  if (tokens[0]?.index !== 0) return null;
  for (let k = Math.min(tokens.length, 4); k > 0; k--) {
    const value = words.get(
      tokens
        .slice(0, k)
        .map((t) => foldKey(t[0]))
        .join(' '),
    );
    const last = tokens[k - 1];
    if (value === undefined || !last) continue;
    const after = text.slice(last.index + last[0].length);
    return {
      value,
      rest: after.replace(/^[\s,;:.(\-–—]+/, '').replace(/[\s).!?]+$/, ''),
      separated: /^\s*[,;:.(\-–—]/.test(after),
    };
  }
  return null;
}

/** A leading check mark reads as "ja". */
function checkMarkAsYes(text: string): string {
  return text.replace(/^[✓✔☑]\uFE0F?/u, 'ja ');
}

const DATE_PREPOSITION = new RegExp(
  String.raw`^(?:sedan|fr[aå]n|fr\.?\s?o\.?\s?m\.?|per|senast|under|efter|i|till och med|till|` +
    String.raw`t\.?\s?o\.?\s?m\.?|since|from|by|in|until|on)\s+`,
  'i',
);

/**
 * The date after a word (lifecycle, DPA, DPIA): nothing → no date; a date, optionally after
 * "sedan", "från", "per", "senast", "t.o.m." …; a qualifier without digits after a separator is
 * ignored; anything else is unread.
 */
function trailingDate(
  lead: Lead<unknown>,
): { date: string | null; approximate: boolean } | 'unread' {
  if (lead.rest === '') return { date: null, approximate: false };
  const marked = stripApproximate(lead.rest.replace(DATE_PREPOSITION, ''));
  const read = readDate(marked.rest);
  if (read.kind === 'value') {
    return { date: read.value.date, approximate: marked.approximate || read.approximate === true };
  }
  if (read.kind === 'unknown') return { date: null, approximate: false };
  if (lead.separated && !/\d/.test(lead.rest)) return { date: null, approximate: false };
  return 'unread';
}

const CATEGORY_WORDS = wordMap<Category>([
  [
    'core',
    [
      'verksamhetskritisk',
      'verksamhetskritiskt',
      'verksamhetskritiska',
      'kritisk',
      'kritiskt',
      'kärnverksamhet',
      'core',
      'business critical',
    ],
  ],
  [
    'support',
    [
      'verksamhetsstödjande',
      'verksamhetsstöd',
      'stöd',
      'stödsystem',
      'administrativt stöd',
      'support',
    ],
  ],
  ['infrastructure', ['it-infrastruktur', 'infrastruktur', 'infra', 'plattform', 'infrastructure']],
]);

const LIFECYCLE_WORDS = wordMap<Lifecycle>([
  [
    'planned',
    [
      'planerad',
      'planering',
      'upphandling pågår',
      'upphandlas',
      'ny',
      'nytt',
      'kommande',
      'planned',
    ],
  ],
  [
    'introducing',
    ['under införande', 'införande', 'införs', 'pilot', 'implementering', 'introducing'],
  ],
  [
    'operating',
    [
      'i drift',
      'drift',
      'aktiv',
      'produktion',
      'i produktion',
      'i bruk',
      'förvaltning',
      'operating',
      'active',
      'live',
    ],
  ],
  ['phasing_out', ['under avveckling', 'avvecklas', 'ska avvecklas', 'fasas ut', 'phasing out']],
  ['phased_out', ['avvecklad', 'ur drift', 'nedlagd', 'ersatt', 'phased out', 'retired']],
]);

const YES = ['ja', 'j', 'yes', 'y', 'x', '1', 'sant', 'true'];
const NO = ['nej', 'n', 'no', '0', 'falskt', 'false', 'ingen', 'inga'];
const YES_NO_WORDS = wordMap<boolean>([
  [true, YES],
  [false, NO],
]);
/** On the folded qualifier, padded with spaces. */
const SENSITIVE =
  / (?:kanslig|sensitiv|art 9 |artikel 9 |article 9 |sarskild[a-z]* kategori|special categor)/;
const NOT_SENSITIVE = / (?:ej|inte|icke|ingen|inga|not|no|non) /;

const NOT_APPLICABLE = [
  'ej aktuellt',
  'inte aktuellt',
  'ej tillämpligt',
  'inte tillämpligt',
  'ej relevant',
  'n/a',
  'not applicable',
];
const DPA_WORDS = wordMap<DpaStatus>([
  [
    'signed',
    [...YES, 'finns', 'tecknat', 'tecknad', 'signerat', 'signerad', 'undertecknat', 'signed'],
  ],
  [
    'missing',
    [
      ...NO,
      'saknas',
      'ej tecknat',
      'inte tecknat',
      'ej signerat',
      'ej undertecknat',
      'finns ej',
      'finns inte',
      'missing',
    ],
  ],
  ['not_needed', [...NOT_APPLICABLE, 'behövs ej', 'behövs inte', 'egen drift', 'na', 'not needed']],
]);

const DPIA_WORDS = wordMap<DpiaStatus>([
  ['done', [...YES, 'gjord', 'klar', 'genomförd', 'utförd', 'done']],
  [
    'needed',
    [
      ...NO,
      'ej gjord',
      'inte gjord',
      'saknas',
      'behövs',
      'pågår',
      'påbörjad',
      'planerad',
      'needed',
    ],
  ],
  ['not_needed', [...NOT_APPLICABLE, 'behövs ej', 'behövs inte', 'not needed']],
]);

const OPEN_ENDED = new Set(
  ['tillsvidare', 'tills vidare', 'löpande', 'ingen slutdag', 'evigt', 'open-ended', 'ongoing'].map(
    foldKey,
  ),
);

/** Swedish and English month names and abbreviations, on plain text. */
const MONTH_NAMES: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

type FoundDate = { date: string; approximate: boolean };
type DateParts = readonly (string | undefined)[];

function fullYear(y: string | undefined): number {
  const n = Number(y);
  return y?.length === 2 ? 2000 + n : n;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

function dayOf(y: string | undefined, m: number, d: string | undefined): FoundDate | null {
  const year = fullYear(y);
  const day = Number(d);
  if (year < 1000 || m < 1 || m > 12 || day < 1 || day > lastDayOf(year, m)) return null;
  return { date: isoOf(year, m, day), approximate: false };
}

function monthEnd(y: string | undefined, m: number): FoundDate | null {
  const year = fullYear(y);
  if (year < 1000 || m < 1 || m > 12) return null;
  return { date: isoOf(year, m, lastDayOf(year, m)), approximate: true };
}

function monthOf(name: string | undefined): number {
  return MONTH_NAMES[name ?? ''] ?? 0;
}

/** The forms readDate takes, on plain text (lower case, diacritics folded). */
const DATE_FORMS: readonly (readonly [RegExp, (m: DateParts) => FoundDate | null])[] = [
  [
    new RegExp(
      String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` +
        String.raw`(?:(?:t|\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?` +
        String.raw`\s*(?:z|[+-]\d{2}:?\d{2})?)?$`,
    ),
    (m) => dayOf(m[1], Number(m[3]), m[4]),
  ],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => dayOf(m[1], Number(m[2]), m[3])],
  [
    /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{4}|\d{2})$/,
    (m) => dayOf(m[3], Number(m[2]), m[1]),
  ],
  [
    /^(\d{1,2})(?:\.|:[ae])?(?:\s+|\s*-\s*)(\p{L}+)\.?(?:\s+|\s*[-,]\s*)(\d{4}|\d{2})$/u,
    (m) => dayOf(m[3], monthOf(m[2]), m[1]),
  ],
  [
    /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u,
    (m) => dayOf(m[3], monthOf(m[1]), m[2]),
  ],
  [/^(\d{4})[-/](\d{1,2})$/, (m) => monthEnd(m[1], Number(m[2]))],
  [/^(\d{1,2})\s*[/.-]\s*(\d{4})$/, (m) => monthEnd(m[2], Number(m[1]))],
  [/^(\p{L}+)\.?\s*(?:[-'’]\s*)?(\d{4}|\d{2})$/u, (m) => monthEnd(m[2], monthOf(m[1]))],
  [
    /^(?:q|kv|kvartal)\s*([1-4])(?:\s*[-/]\s*|\s*)(\d{4}|\d{2})$/,
    (m) => monthEnd(m[2], Number(m[1]) * 3),
  ],
  [/^(\d{4})\s*[-/]?\s*(?:q|kv)\s*([1-4])$/, (m) => monthEnd(m[1], Number(m[2]) * 3)],
  [
    /^(\d{4})$/,
    (m) => {
      const year = Number(m[1]);
      return year >= 1900 && year <= 2199 ? { date: `${m[1]}-12-31`, approximate: true } : null;
    },
  ],
  [
    /^(\d{5})(?:\.\d+)?$/,
    (m) => {
      const serial = Number(m[1]);
      const date = serial >= 20000 && serial <= 80000 ? excelSerialToIso(serial) : null;
      return date ? { date, approximate: false } : null;
    },
  ],
];

function parseDate(s: string): FoundDate | null {
  for (const [form, read] of DATE_FORMS) {
    const m = form.exec(s);
    if (m) return read(m);
  }
  return null;
}

const APPROX_LEAD = new RegExp(
  String.raw`^(?:(?:ca|c:a|cirka|circa|ungefar|runt|omkring|uppskattat|uppskattning|uppsk|` +
    String.raw`approx|approximately|about)\.?(?=[\s\d]|$)|[~≈])\s*`,
);
const APPROX_TRAIL = /\s*(?:\?+|\((?:ca|cirka|uppskattat|uppskattning|approx)\.?\))$/;

/** Removes the words and signs that mark a number approximate (on plain text). */
function stripApproximate(s: string): { rest: string; approximate: boolean } {
  let rest = s.trim();
  let approximate = false;
  for (;;) {
    const m = APPROX_LEAD.exec(rest) ?? APPROX_TRAIL.exec(rest);
    if (!m) return { rest, approximate };
    approximate = true;
    rest = (rest.slice(0, m.index) + rest.slice(m.index + m[0].length)).trim();
  }
}

const CURRENCY_LEAD = /^(?:sek|kr\.?)\s*/;
const CURRENCY_TRAIL = new RegExp(
  String.raw`\s*(?:(?<=[\s\d])(?:kr\.?|kronor|sek)|:-|\/\s*ar|per\s+ar|om\s+aret|arligen|` +
    String.raw`per\s+year|\/\s*year|\/\s*yr)$`,
);

function stripCurrency(s: string): string {
  let rest = s.trim();
  for (;;) {
    const next = rest.replace(CURRENCY_LEAD, '').replace(CURRENCY_TRAIL, '').trim();
    if (next === rest) return rest;
    rest = next;
  }
}

const AMOUNT_UNIT =
  /\s*(?<=[\s\d])(tkr|tsek|tkronor|tusen|k|mkr|msek|mnkr|miljoner|miljon|milj\.?)$/;
const COUNT_UNIT =
  /\s*(?<=[\s\d+])(?:st\.?|stycken|anvandare|anv\.?|personer|pers\.?|users|people)$/;
/** Groups: 1 months, 2 years, 3 weeks, 4 days. */
const MONTHS_UNIT = new RegExp(
  String.raw`\s*(?<=[\s\d])(?:(man|manad|manader|manaders|mnd|m|months?|mo)|(ar|ars|years?|yr)|` +
    String.raw`(veckor|vecka|veckors|v|weeks?|w)|(dagar|dag|dagars|d|days?))\.?$`,
);
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e[+-]?\d+$/;

/**
 * A non-negative number as written: spaces, points or commas as thousands separators by the rules
 * of readAmount, a decimal point or comma, or Excel's scientific notation.
 */
function readNumberText(raw: string): number | 'number' | 'negative' | 'range' {
  const s = raw.trim();
  const scientific = SCIENTIFIC.test(s);
  if (/^[-−–—]\s*\d/.test(s)) return 'negative';
  if (!scientific && /\d\D*?[-–—]\s*\d|\d.*\s(?:till|to)\s.*\d/.test(s)) return 'range';
  const n = scientific ? Number(s.replace(',', '.')) : parseDigits(s);
  return n === null || !Number.isFinite(n) ? 'number' : n;
}

function parseDigits(s: string): number | null {
  if (/\s/.test(s)) {
    const m = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(s);
    return m ? Number(`${(m[1] ?? '').replace(/ /g, '')}.${m[2] ?? '0'}`) : null;
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const points = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (points > 0 && commas > 0) {
    const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const decimal = s.charAt(last);
    const thousands = decimal === '.' ? ',' : '.';
    const whole = s.slice(0, last);
    if (s.split(decimal).length !== 2 || !groupedBy(whole, thousands)) return null;
    return Number(`${whole.split(thousands).join('')}.${s.slice(last + 1)}`);
  }
  if (points === 0 && commas === 0) return Number(s);
  const sep = points > 0 ? '.' : ',';
  if (points + commas > 1) return groupedBy(s, sep) ? Number(s.split(sep).join('')) : null;
  const [whole = '', fraction = ''] = s.split(sep);
  const decimal =
    (sep === ',' && fraction.length <= 2) || fraction.length !== 3 || whole.length > 3;
  return Number(decimal ? `${whole}.${fraction}` : whole + fraction);
}

/** "1.250.000" by "." : one to three digits, then groups of exactly three. */
function groupedBy(s: string, sep: string): boolean {
  const [head = '', ...groups] = s.split(sep);
  return /^\d{1,3}$/.test(head) && groups.length > 0 && groups.every((g) => /^\d{3}$/.test(g));
}

const LEVEL_WORDS = wordMap<number>([
  [1, ['låg', 'lågt', 'low']],
  [2, ['medel', 'måttlig', 'måttligt', 'medium']],
  [3, ['hög', 'högt', 'high']],
  [4, ['mycket hög', 'mycket högt', 'kritisk', 'kritiskt', 'very high', 'critical']],
]);
const LEVEL_NUMBER =
  /^(?:(?:k|r|t|c|i|a|niva|level|klass)\s*[:.=]?\s*)?(\d+)(?:(?:\s*[-–—:,(]\s*|\s+)\D*)?$/;
const LEVELS_PREFIX = /^(?:k\s*\/?\s*r\s*\/?\s*t|c\s*\/?\s*i\s*\/?\s*a)\s*[:=]?\s*/;
const LETTERED_LEVEL = String.raw`([krtcia])\s*[:=.]?\s*(\d+)`;
const LEVELS_LETTERED = new RegExp(
  `^${[LETTERED_LEVEL, LETTERED_LEVEL, LETTERED_LEVEL].join(String.raw`\s*[,;/-]?\s*`)}$`,
);
const LEVELS_BARE = /^(\d+)(?:\s*[/,;-]\s*|\s+)(\d+)(?:\s*[/,;-]\s*|\s+)(\d+)$/;
const LEVEL_LETTERS: Record<string, 'c' | 'i' | 'a'> = {
  k: 'c',
  c: 'c',
  r: 'i',
  i: 'i',
  t: 'a',
  a: 'a',
};

const LIST_SEPARATORS = /[;,\n\r\u2028\u2029]|\s+\/\s+/;

const PLACEHOLDERS = new Set(
  [
    'saknas',
    'vakant',
    'vakans',
    'tbd',
    'tba',
    'ej utsedd',
    'inte utsedd',
    'ej tillsatt',
    'ingen',
    'ingen utsedd',
    'okänd',
    'okänt',
    'vet ej',
    'n/a',
    'na',
    'nn',
    'unknown',
    'none',
  ].map(foldKey),
);

function isPlaceholder(text: string): boolean {
  return /^[?!.\-–—\s]+$/.test(text) || PLACEHOLDERS.has(foldKey(text));
}

const EMAIL = /[\p{L}\p{N}._%+'’-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const EMAIL_SEPARATORS = /[;,\n\r\u2028\u2029]|\s(?:och|&|\/|\+)\s/iu;
/** " och " after a hyphen ("Hälso- och sjukvård") joins a compound and is no separator. */
const PERSON_SEPARATORS = /[;+\n\r\u2028\u2029]|\s&\s|\s\/\s|(?<!-)\s+och\s+/iu;
const ROLE_ENDINGS = [
  'direktör',
  'chef',
  'ansvarig',
  'ägare',
  'ledare',
  'samordnare',
  'förvaltare',
  'strateg',
  'controller',
  'handläggare',
  'specialist',
  'samordning',
  'förvaltningen',
  'avdelningen',
  'enheten',
  'nämnden',
].map(foldKey);
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;

/** "maja" and "MAJA" → "Maja", "anna-karin" → "Anna-Karin"; mixed case ("McDonald") is kept. */
function titleCase(word: string): string {
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return word;
  return word
    .split(/(-)/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('');
}

const COMPOUND_PARTS = ['förvaltning', 'nämnd', 'styrelse', 'sjukvård', 'tjänst'].map(foldKey);
const INITIALS_SCORE = 0.9;
/** matchUnit's `similar`: at least this similar, and this far ahead of the next unit. */
export const SIMILAR_MIN = 0.6;
export const SIMILAR_LEAD = 0.1;

/** "Hälso- och sjukvårdsförvaltningen" → "hsf", "Regionstyrelsen" → "rs". */
export function unitInitials(name: string): string {
  return foldKey(name)
    .split(' ')
    .filter((w) => w !== '' && w !== 'och' && w !== 'for')
    .flatMap(compoundParts)
    .map((p) => p.charAt(0))
    .join('');
}

function compoundParts(word: string): string[] {
  const cuts = new Set([0]);
  for (const part of COMPOUND_PARTS) {
    for (let i = word.indexOf(part, 1); i > 0; i = word.indexOf(part, i + 1)) cuts.add(i);
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  return sorted.map((cut, k) => word.slice(cut, sorted[k + 1]));
}

/** pg_trgm's trigrams: each word of the foldKey padded with two spaces before and one after. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of foldKey(s).split(' ')) {
    if (word === '') continue;
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

let headings: Map<string, RegisterField> | undefined;
function headingIndex(): Map<string, RegisterField> {
  if (!headings) {
    headings = new Map();
    for (const field of REGISTER_FIELDS) {
      for (const heading of FIELD_HEADINGS[field]) headings.set(foldKey(heading), field);
    }
  }
  return headings;
}

/** Units written after a heading, on its foldKey: "kr", "tkr", "per år", "kr/år", "exkl moms" … */
const HEADING_UNIT = new RegExp(
  ` (?:${[
    ...['kr', 'tkr', 'sek', 'tsek', 'mkr', 'msek', 'kronor', 'per ar', 'kr ar', 'tkr ar', 'sek ar'],
    ...['i kr', 'i tkr', 'ar', 'exkl moms', 'ex moms', 'inkl moms', 'st'],
  ].join('|')})$`,
);

const SUMMARY_WORD =
  /^(?:summa|totalt|total|sum|s:a|antal|totalsumma|delsumma|summering)(?=$|[^\p{L}\p{N}])/iu;

/**
 * Text as written, cleaned, at most `maxLength` characters (else unread 'tooLong'); blank and
 * "we do not know" words as every reader reads them.
 */
export function readText(raw: string, maxLength: number): Reading<string> {
  const text = cleanText(raw);
  const first = blankOrUnknown(text);
  if (first) return first;
  return Array.from(text).length > maxLength
    ? unread(text, 'tooLong')
    : { kind: 'value', value: text };
}

/**
 * Excel's serial day number as yyyy-mm-dd: 1 = 1900-01-01, and Excel's 1900 leap-year bug kept
 * (60 is the 29 February 1900 that never was: null; 61 = 1900-03-01). Fractions (times) dropped.
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(day) || day < 1 || day === 60) return null;
  const ms = Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The inverse of excelSerialToIso, for dates from 1900-03-01 on (and 1900-01-01 to 02-28). */
export function isoToExcelSerial(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days <= 60 ? days - 1 : days;
}
