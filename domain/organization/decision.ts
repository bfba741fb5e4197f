import { MONTH_NAMES } from '../shared/dates.js';
import { z } from 'zod';
import {
  Id,
  IsoDate,
  OptionalText,
  RequiredText,
  Stamps,
  ListQuery,
  sortParam,
} from '../shared/schemas.js';
import type { FieldError } from '../shared/errors.js';

/** Level matters: a strategy decided by an official does not steer like one the board adopted. */
export const DECISION_LEVELS = ['assembly', 'board', 'committee', 'official', 'delegated'] as const;
export const DecisionLevel = z.enum(DECISION_LEVELS);
/** bifall, avslag, återremiss, bordlagd */
export const OUTCOMES = ['approved', 'rejected', 'referred_back', 'tabled'] as const;
export const Outcome = z.enum(OUTCOMES);
/**
 * What a body or forum records: a decision (beslut); a recommendation or proposal (rekommendation,
 * förslag) from a preparing or advisory forum; an information item (informationsärende, which
 * auditors count as evidence); an official's executive or delegated decision
 * (verkställighets-/delegationsbeslut, by a named post, with no paragraph).
 */
export const DECISION_KINDS = ['decision', 'recommendation', 'information', 'executive'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * Whether a decision can be cited as the adoption of a document, goal, list or initiative. Only a
 * decision (or an official's executive decision) adopts, and only with outcome bifall: återremiss,
 * avslag and bordlagd adopt nothing. A decision recorded without an outcome counts as made.
 * Recommendations and information items never adopt.
 */
export type AdoptionRefusal = 'not_a_decision' | 'not_approved';
export function adoptionRefusal(d: {
  kind: string;
  outcome: string | null;
}): AdoptionRefusal | null {
  if (d.kind !== 'decision' && d.kind !== 'executive') return 'not_a_decision';
  if (d.outcome !== null && d.outcome !== 'approved') return 'not_approved';
  return null;
}

export const LINK_KINDS = [
  'unit',
  'forum',
  'document',
  'initiative',
  'goal',
  'system',
  'audit',
  'other',
] as const;
/**
 * What a forum may record under its mandate: a forum that advises or prepares cannot decide, so
 * it records recommendations or proposals and information items (and an executive decision that
 * a named post makes at its meeting, which is the post's, not the forum's). A forum whose mandate
 * is not recorded is flagged for it, not refused.
 */
export function kindsAllowedFor(mandate: string | null | undefined): readonly DecisionKind[] {
  if (mandate === 'advises' || mandate === 'prepares')
    return ['recommendation', 'information', 'executive'];
  return DECISION_KINDS;
}
export const forumMayRecord = (mandate: string | null | undefined, kind: DecisionKind) =>
  kindsAllowedFor(mandate).includes(kind);

/**
 * How precise a decision's date is: a day, a month ("augusti 2024", stored as the 1st) or not
 * stated at all ("framgår ej", no date stored). Never invent a day the source does not give.
 */
export const DATE_PRECISIONS = ['day', 'month', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The levels an official's executive or delegated decision can have. */
export const EXECUTIVE_LEVELS = ['official', 'delegated'] as const;

/** Subject tags of information items, compared in lower case ("Digitalisering" = "digitalisering"). */
export const normalizeSubjects = (subjects: readonly string[]) => [
  ...new Set(subjects.map((s) => s.trim().toLocaleLowerCase('sv-SE')).filter(Boolean)),
];

export const DecisionLink = z
  .object({
    kind: z.enum(LINK_KINDS),
    targetId: Id.nullable().optional(),
    label: RequiredText(300),
  })
  .strict();

const DecisionFields = {
  kind: z.enum(DECISION_KINDS).default('decision'),
  bodyUnitId: Id.nullable().optional(),
  forumId: Id.nullable().optional(),
  meetingId: Id.nullable().optional(),
  decidedOn: IsoDate.nullable().optional(),
  datePrecision: z.enum(DATE_PRECISIONS).optional(),
  paragraph: OptionalText(40),
  caseNumber: OptionalText(80),
  /** Level of the decision; an executive decision defaults to an official's. */
  level: DecisionLevel.optional(),
  outcome: Outcome.nullable().optional(),
  /** The post that made an executive decision (regiondirektör), and optionally who held it. */
  decidedByTitle: OptionalText(200),
  decidedByPersonId: Id.nullable().optional(),
  subjects: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  title: RequiredText(400),
  body: OptionalText(20000),
  proposedByDecisionId: Id.nullable().optional(),
  basis: z.array(z.string().trim().min(1).max(400)).max(50).optional(),
  links: z.array(DecisionLink).max(50).optional(),
};

type DeciderFields = {
  kind?: string | undefined;
  bodyUnitId?: string | null | undefined;
  forumId?: string | null | undefined;
  decidedByTitle?: string | null | undefined;
  decidedByPersonId?: string | null | undefined;
};
/** A body or a forum decides; an executive decision may instead name only the post that made it. */
export const hasDecider = (d: DeciderFields) =>
  Boolean(d.bodyUnitId) ||
  Boolean(d.forumId) ||
  (d.kind === 'executive' && (Boolean(d.decidedByTitle) || Boolean(d.decidedByPersonId)));

/**
 * The rules on a decision as a whole (create, and update on the merged record): who decided,
 * the named post of an executive decision and its level, the level of the others, no outcome on
 * an information item, and a date that matches its precision.
 */
export function decisionIssues(
  d: DeciderFields & {
    level?: string | null | undefined;
    outcome?: string | null | undefined;
    decidedOn?: string | null | undefined;
    datePrecision?: DatePrecision | undefined;
  },
): FieldError[] {
  const issues: FieldError[] = [];
  if (!hasDecider(d))
    issues.push({
      path: 'bodyUnitId',
      key:
        d.kind === 'executive' ? 'org.decision.executiveDecider' : 'org.decision.deciderRequired',
    });
  if (d.kind === 'executive') {
    if (!d.decidedByTitle && !d.decidedByPersonId)
      issues.push({ path: 'decidedByTitle', key: 'org.decision.postRequired' });
    if (d.level && !(EXECUTIVE_LEVELS as readonly string[]).includes(d.level))
      issues.push({ path: 'level', key: 'org.decision.executiveLevel' });
  } else if (!d.level) issues.push({ path: 'level', key: 'org.decision.levelRequired' });
  if (d.kind === 'information' && d.outcome)
    issues.push({ path: 'outcome', key: 'org.decision.outcomeOnInformation' });
  if (d.datePrecision === 'unknown' && d.decidedOn)
    issues.push({ path: 'decidedOn', key: 'org.decision.dateWithUnknown' });
  if ((d.datePrecision === 'day' || d.datePrecision === 'month') && !d.decidedOn)
    issues.push({ path: 'decidedOn', key: 'org.decision.dateRequired' });
  return issues;
}

/**
 * The stored date and precision: no precision given means a day when a date is given and not
 * stated when none is; a month-precise date is stored as the month's first day.
 */
export function decisionDate(d: {
  decidedOn?: string | null | undefined;
  datePrecision?: DatePrecision | undefined;
}): { decidedOn: string | null; datePrecision: DatePrecision } {
  const precision = d.datePrecision ?? (d.decidedOn ? 'day' : 'unknown');
  if (precision === 'unknown' || !d.decidedOn) return { decidedOn: null, datePrecision: 'unknown' };
  if (precision === 'month')
    return { decidedOn: `${d.decidedOn.slice(0, 7)}-01`, datePrecision: precision };
  return { decidedOn: d.decidedOn, datePrecision: precision };
}

const NOT_STATED = { sv: 'framgår ej', en: 'not stated' } as const;

/**
 * A decision's date as a person reads it: the day as given (ISO, as minutes cite it), a month as
 * "augusti 2024", an unknown date as "framgår ej". Null when there is nothing to say.
 */
export function formatDecisionDate(
  decidedOn: string | null,
  precision: DatePrecision | null | undefined,
  lang: 'sv' | 'en' = 'sv',
): string | null {
  const p = precision ?? (decidedOn ? 'day' : 'unknown');
  if (p === 'unknown' || !decidedOn) return p === 'unknown' ? NOT_STATED[lang] : null;
  if (p === 'month')
    return `${MONTH_NAMES[lang][Number(decidedOn.slice(5, 7)) - 1]} ${decidedOn.slice(0, 4)}`;
  return decidedOn;
}

export const DecisionInput = z.object(DecisionFields).strict();

export const DecisionUpdate = z
  .object({
    version: z.number().int().min(1),
    ...DecisionFields,
    kind: z.enum(DECISION_KINDS).optional(),
    title: RequiredText(400).optional(),
  })
  .strict();

export const Decision = Stamps.extend({
  id: Id,
  kind: z.enum(DECISION_KINDS),
  bodyUnitId: Id.nullable(),
  bodyName: z.string().nullable(),
  forumId: Id.nullable(),
  forumName: z.string().nullable(),
  meetingId: Id.nullable(),
  decidedOn: z.string().nullable(),
  datePrecision: z.enum(DATE_PRECISIONS),
  /** The date in words: "2024-03-26", "augusti 2024", "framgår ej". */
  dateText: z.string().nullable(),
  paragraph: z.string().nullable(),
  caseNumber: z.string().nullable(),
  level: DecisionLevel,
  outcome: Outcome.nullable(),
  decidedByTitle: z.string().nullable(),
  decidedByPersonId: Id.nullable(),
  decidedByPersonName: z.string().nullable(),
  subjects: z.array(z.string()),
  title: z.string(),
  body: z.string().nullable(),
  proposedByDecisionId: Id.nullable(),
  basis: z.array(z.string()),
  links: z.array(DecisionLink),
  reference: z.string(),
  /** What was saved but does not follow the region's rules (a case number in another format), in words. */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  bodyUnitId: Id.optional(),
  forumId: Id.optional(),
  level: DecisionLevel.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
  subject: z.string().trim().min(1).max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(['decidedOn', 'title', 'caseNumber']),
});

/**
 * The reference auditors quote: body, date and paragraph, then the case number,
 * e.g. "RS 2024-03-26 § 72 (RS 2022/1850)". Officials' decisions have no paragraph.
 */
export function decisionReference(
  d: {
    bodyShortName?: string | null;
    decidedOn: string | null;
    paragraph: string | null;
    caseNumber: string | null;
    /** Absent: a day when a date is given; a decision recorded without date then reads as before. */
    datePrecision?: string | null;
    decidedByTitle?: string | null;
  },
  lang: 'sv' | 'en' = 'sv',
): string {
  const precision = (d.datePrecision ?? null) as DatePrecision | null;
  const date =
    precision === 'unknown' || (precision && !d.decidedOn)
      ? null
      : formatDecisionDate(d.decidedOn, precision ?? 'day', lang);
  let head = [
    d.bodyShortName ?? d.decidedByTitle,
    date,
    d.paragraph ? (d.paragraph.startsWith('§') ? d.paragraph : `§ ${d.paragraph}`) : null,
  ]
    .filter(Boolean)
    .join(' ');
  if (precision === 'unknown')
    head = head ? `${head}, ${lang === 'en' ? 'date not stated' : 'datum framgår ej'}` : head;
  if (d.caseNumber) return head ? `${head} (${d.caseNumber})` : d.caseNumber;
  return head;
}

/** Meetings of a body or a forum: date, agenda items, minutes. */
export const AgendaItem = z
  .object({ title: RequiredText(300), isStanding: z.boolean().default(false) })
  .strict();
export const MeetingInput = z
  .object({
    bodyUnitId: Id.nullable().optional(),
    forumId: Id.nullable().optional(),
    heldOn: IsoDate,
    title: OptionalText(300),
    agenda: z.array(AgendaItem).max(100).optional(),
  })
  .strict()
  .refine((m) => Boolean(m.bodyUnitId) !== Boolean(m.forumId), {
    path: ['forumId'],
    message: 'org.meeting.oneHolder',
  });
/**
 * A body's meeting calendar for a period: several meeting dates at once (planned meetings are
 * meetings with a date ahead). Dates already on the calendar are left as they are.
 */
export const MeetingCalendarInput = z
  .object({
    bodyUnitId: Id.nullable().optional(),
    forumId: Id.nullable().optional(),
    dates: z.array(IsoDate).min(1).max(60),
    title: OptionalText(300),
  })
  .strict()
  .refine((m) => Boolean(m.bodyUnitId) !== Boolean(m.forumId), {
    path: ['forumId'],
    message: 'org.meeting.oneHolder',
  });
export const MeetingUpdate = z
  .object({
    version: z.number().int().min(1),
    heldOn: IsoDate.optional(),
    title: OptionalText(300),
    agenda: z.array(AgendaItem).max(100).optional(),
  })
  .strict();
export const Meeting = Stamps.extend({
  id: Id,
  bodyUnitId: Id.nullable(),
  forumId: Id.nullable(),
  holderName: z.string(),
  heldOn: z.string(),
  title: z.string().nullable(),
  agenda: z.array(z.object({ title: z.string(), isStanding: z.boolean() })),
  minutes: z
    .object({ id: Id, filename: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  decisionCount: z.number().int(),
});
export const MeetingListQuery = ListQuery.extend({
  forumId: Id.optional(),
  bodyUnitId: Id.optional(),
});
