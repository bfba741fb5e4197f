import type { FieldError } from '../shared/errors.js';
import type { CadenceYear, ForumFlag, ForumLifecycle } from './forum.js';

/*
 * The forum rules: its life from planned to discontinued, its seats, its cadence per calendar
 * year and the flags the seeds keep finding (mandate unclear, no members, meetings missed).
 */

type LifecycleFields = {
  lifecycle: ForumLifecycle;
  establishedOn: string | null;
  establishedDecisionId: string | null;
  discontinuedOn: string | null;
  discontinuedDecisionId: string | null;
};

/** The stage a forum is in today: a discontinuation decided for a later date takes effect on it. */
export function forumStatus(
  f: { lifecycle: ForumLifecycle; discontinuedOn: string | null },
  today: string,
): ForumLifecycle {
  if (f.lifecycle === 'discontinued' && f.discontinuedOn && f.discontinuedOn > today)
    return 'active';
  return f.lifecycle;
}

/**
 * The stage of a forum recorded without one (older callers, imports): from its dates and
 * decisions, as the backfill of existing forums does.
 */
export function impliedLifecycle(
  f: Partial<Omit<LifecycleFields, 'lifecycle'>>,
  today: string,
): ForumLifecycle {
  if (f.discontinuedOn || f.discontinuedDecisionId) return 'discontinued';
  if (f.establishedOn && f.establishedOn > today)
    return f.establishedDecisionId ? 'under_establishment' : 'planned';
  return 'active';
}

/** Which stages a forum may move to from its stage (moving back is a correction only where it makes sense). */
export const LIFECYCLE_TRANSITIONS: Record<ForumLifecycle, readonly ForumLifecycle[]> = {
  planned: ['under_establishment', 'active'],
  under_establishment: ['active', 'discontinued'],
  active: ['discontinued'],
  discontinued: ['active'],
};

export function lifecycleTransitionAllowed(from: ForumLifecycle, to: ForumLifecycle) {
  return from === to || LIFECYCLE_TRANSITIONS[from].includes(to);
}

/**
 * What a stage needs: under establishment names the setting-up decision; planned has none yet;
 * discontinued names its date and decision; only a discontinued forum carries those.
 */
export function lifecycleIssues(f: LifecycleFields): FieldError[] {
  const issues: FieldError[] = [];
  if (f.lifecycle === 'planned' && f.establishedDecisionId)
    issues.push({ path: 'establishedDecisionId', key: 'org.forum.plannedHasDecision' });
  if (f.lifecycle === 'under_establishment' && !f.establishedDecisionId)
    issues.push({ path: 'establishedDecisionId', key: 'org.forum.establishmentDecisionRequired' });
  if (f.lifecycle === 'discontinued') {
    if (!f.discontinuedOn)
      issues.push({ path: 'discontinuedOn', key: 'org.forum.discontinuedOnRequired' });
    if (!f.discontinuedDecisionId)
      issues.push({
        path: 'discontinuedDecisionId',
        key: 'org.forum.discontinuedDecisionRequired',
      });
    if (f.discontinuedOn && f.establishedOn && f.discontinuedOn < f.establishedOn)
      issues.push({ path: 'discontinuedOn', key: 'org.forum.discontinuedBeforeEstablished' });
  } else {
    if (f.discontinuedOn)
      issues.push({ path: 'discontinuedOn', key: 'org.forum.discontinuedOnlyWhenDiscontinued' });
    if (f.discontinuedDecisionId)
      issues.push({
        path: 'discontinuedDecisionId',
        key: 'org.forum.discontinuedOnlyWhenDiscontinued',
      });
  }
  return issues;
}

/** A member holds a seat today when from/to covers today (an open end counts). */
export const holdsSeatOn = (m: { fromOn: string | null; toOn: string | null }, today: string) =>
  (!m.fromOn || m.fromOn <= today) && (!m.toOn || m.toOn >= today);

/** Ledamöter and ersättare counted apart, current ones only. */
export function seatCounts(
  members: readonly { memberRole: string; fromOn: string | null; toOn: string | null }[],
  today: string,
) {
  let memberCount = 0;
  let deputyCount = 0;
  for (const m of members) {
    if (!holdsSeatOn(m, today)) continue;
    if (m.memberRole === 'deputy') deputyCount++;
    else memberCount++;
  }
  return { memberCount, deputyCount };
}

// ---------------------------------------------------------------- cadence per calendar year

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const daysInYear = (year: number) => dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);

type CadenceForum = {
  lifecycle: ForumLifecycle;
  meetingsPerYear: number | null;
  establishedOn: string | null;
  discontinuedOn: string | null;
  /** When the forum was recorded: where expectations start when no establishment date is known. */
  createdOn: string;
};

/** The days of `year` in which the forum was active, from its start to its end (inclusive). */
function activeDays(f: CadenceForum, year: number, until?: string) {
  const start = f.establishedOn ?? f.createdOn;
  const end = f.lifecycle === 'discontinued' && f.discontinuedOn ? f.discontinuedOn : null;
  const from = Math.max(dayNumber(`${year}-01-01`), dayNumber(start));
  let to = dayNumber(`${year}-12-31`);
  if (end) to = Math.min(to, dayNumber(end));
  if (until) to = Math.min(to, dayNumber(until));
  return Math.max(0, to - from + 1);
}

/**
 * The cadence of one calendar year: *n av m planerade möten <år>*. m is meetingsPerYear pro rata
 * for the part of the year the forum was active (a forum set up in July plans half); n counts the
 * meetings held that year (dated today or earlier); meetings dated ahead are the calendar
 * (`scheduled`). By today the forum should have held the meetings due so far, less a grace of a
 * quarter of the interval between meetings; a past year is behind when n < m.
 */
export function cadenceOfYear(
  f: CadenceForum,
  meetingDates: readonly string[],
  year: number,
  today: string,
): CadenceYear {
  const inYear = meetingDates.filter((d) => d.startsWith(`${year}-`));
  const held = inYear.filter((d) => d <= today).length;
  const scheduled = inYear.length - held;
  const perYear = f.meetingsPerYear ?? 0;
  const yearDays = daysInYear(year);
  const planned = Math.round((perYear * activeDays(f, year)) / yearDays);
  const currentYear = Number(today.slice(0, 4));
  let expectedByToday = planned;
  if (year === currentYear && perYear > 0) {
    const grace = (yearDays / perYear) * 0.25;
    const soFar = activeDays(f, year, today);
    expectedByToday = Math.min(
      planned,
      Math.max(0, Math.floor((perYear * (soFar - grace)) / yearDays)),
    );
  } else if (year > currentYear) expectedByToday = 0;
  return { year, held, planned, scheduled, expectedByToday, behind: held < expectedByToday };
}

/**
 * The cadence for the years the forum was active, newest first: at least the current and the
 * previous year (when it was active then), at most `years` years back.
 */
export function forumCadence(
  f: CadenceForum,
  meetingDates: readonly string[],
  today: string,
  years = 5,
): CadenceYear[] {
  if (!f.meetingsPerYear || f.lifecycle === 'planned' || f.lifecycle === 'under_establishment')
    return [];
  const currentYear = Number(today.slice(0, 4));
  const out: CadenceYear[] = [];
  for (let y = currentYear; y > currentYear - years; y--)
    if (activeDays(f, y) > 0) out.push(cadenceOfYear(f, meetingDates, y, today));
  return out;
}

/**
 * Flags of a forum today. A discontinued forum never raises one. *mandat saknas* while planned or
 * under establishment too (the mandate should be settled before it starts); *medlemmar saknas*
 * and the cadence only once it is active. The cadence flag looks at the current year (behind what
 * is due by today) and the previous one (fewer held than planned); older years are shown, not
 * flagged.
 */
export function forumFlags(
  f: { mandate: string | null; lifecycle: ForumLifecycle; discontinuedOn: string | null },
  facts: { memberCount: number; deputyCount: number; cadence: readonly CadenceYear[] },
  today: string,
): ForumFlag[] {
  const status = forumStatus(f, today);
  if (status === 'discontinued') return [];
  const flags: ForumFlag[] = [];
  if (!f.mandate) flags.push('no_mandate');
  if (status !== 'active') return flags;
  if (facts.memberCount + facts.deputyCount === 0) flags.push('no_members');
  const currentYear = Number(today.slice(0, 4));
  if (facts.cadence.some((c) => c.year >= currentYear - 1 && c.year <= currentYear && c.behind))
    flags.push('missed_cadence');
  return flags;
}
