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
  paragraph: OptionalText(40),
  caseNumber: OptionalText(80),
  level: DecisionLevel,
  outcome: Outcome.nullable().optional(),
  title: RequiredText(400),
  body: OptionalText(20000),
  proposedByDecisionId: Id.nullable().optional(),
  basis: z.array(z.string().trim().min(1).max(400)).max(50).optional(),
  links: z.array(DecisionLink).max(50).optional(),
};

const hasDecider = (d: { bodyUnitId?: string | null; forumId?: string | null }) =>
  Boolean(d.bodyUnitId) || Boolean(d.forumId);

export const DecisionInput = z
  .object(DecisionFields)
  .strict()
  .refine(hasDecider, { path: ['bodyUnitId'], message: 'org.decision.deciderRequired' });

export const DecisionUpdate = z
  .object({
    version: z.number().int().min(1),
    ...DecisionFields,
    kind: z.enum(DECISION_KINDS).optional(),
    level: DecisionLevel.optional(),
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
  paragraph: z.string().nullable(),
  caseNumber: z.string().nullable(),
  level: DecisionLevel,
  outcome: Outcome.nullable(),
  title: z.string(),
  body: z.string().nullable(),
  proposedByDecisionId: Id.nullable(),
  basis: z.array(z.string()),
  links: z.array(DecisionLink),
  reference: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  bodyUnitId: Id.optional(),
  forumId: Id.optional(),
  level: DecisionLevel.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(['decidedOn', 'title', 'caseNumber']),
});

/**
 * The reference auditors quote: body, date and paragraph, then the case number,
 * e.g. "RS 2024-03-26 § 72 (RS 2022/1850)". Officials' decisions have no paragraph.
 */
export function decisionReference(d: {
  bodyShortName?: string | null;
  decidedOn: string | null;
  paragraph: string | null;
  caseNumber: string | null;
}): string {
  const head = [
    d.bodyShortName,
    d.decidedOn,
    d.paragraph ? (d.paragraph.startsWith('§') ? d.paragraph : `§ ${d.paragraph}`) : null,
  ]
    .filter(Boolean)
    .join(' ');
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
