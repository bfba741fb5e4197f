import { z } from 'zod';
import type { FieldError } from '../shared/errors.js';
import { Id, IsoDate, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';
import { ASSIGNMENT_STATES, OBLIGATION_STATES, OPEN_STATES, POSITIONS } from './obligations.js';

/**
 * The audit cycle (DOMAIN.md, Audits): an audit (granskning) with numbered questions, assessments
 * per question and body, recommendations to bodies, remittances for a reply or for information,
 * replies (yttrande) with the actions they promise, and follow-up audits years later that find
 * each recommendation acted on, or not.
 */
export const AUDIT_KINDS = [
  'basic_review',
  'deep_audit',
  'follow_up',
  'commissioned_review',
] as const;
/** Ja / Delvis / Nej / Ej tillämpligt. */
export const ASSESSMENT_VALUES = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type AssessmentValue = (typeof ASSESSMENT_VALUES)[number];
export const ASSESSMENT_MODES = ['per_body', 'whole', 'prose', 'not_assessed'] as const;
export const CRITERION_KINDS = ['law', 'internal', 'other'] as const;
export const REMITTANCE_KINDS = ['reply', 'information'] as const;
/** "All audited bodies", "all committees" (nämnder), "the regional board and all committees". */
export const ADDRESS_GROUPS = ['all_audited', 'all_committees', 'board_and_committees'] as const;
export type AddressGroup = (typeof ADDRESS_GROUPS)[number];
/** planerad, pågår, klar, stoppad */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'stopped'] as const;
export const EVIDENCE_KINDS = [
  'decision',
  'document',
  'goal',
  'initiative',
  'attachment',
  'link',
] as const;
/** åtgärdad, delvis åtgärdad, ej åtgärdad */
export const FOLLOW_UP_STATUSES = ['resolved', 'partly_resolved', 'not_resolved'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const REPORT_BACK_KINDS = ['date', 'meeting', 'none'] as const;

const Criterion = z
  .object({
    kind: z.enum(CRITERION_KINDS),
    name: z.string().trim().min(1).max(300),
    reference: z.string().trim().max(100).nullable().optional(),
  })
  .strict();
/** A month as YYYY-MM. */
export const IsoMonth = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'audits.badMonth');
/** "At <body>'s ordinary meeting in <month year>": resolves to that meeting's date. */
export const MeetingRefSchema = z.object({ bodyId: Id, month: IsoMonth }).strict();
/** A question the auditors want the body to answer, numbered as in their letter. */
const RemittanceQuestion = z
  .object({ number: z.string().trim().min(1).max(20), text: RequiredText(2000) })
  .strict();
/** Typed as numbered lines ("1. …"), or as the list itself. */
const RemittanceQuestions = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? parseNumberedLines(v).map((l) => ({ number: l.number, text: l.text }))
      : v == null
        ? []
        : v,
  z.array(RemittanceQuestion).max(100),
);
const Remittance = z
  .object({
    bodyId: Id,
    kind: z.enum(REMITTANCE_KINDS),
    /** The auditor group (revisionsgrupp) that sends it, when not the audit's own. */
    auditorGroup: OptionalText(200),
    deadline: IsoDate.nullable().optional(),
    /** A deadline set as a meeting of a body: the date once the meeting is on record. */
    deadlineMeeting: MeetingRefSchema.nullable().optional(),
    responsiblePersonId: Id.nullable().optional(),
    questions: RemittanceQuestions.default([]),
    /** Berörd: concerned without being an addressee (only with kind information). */
    concerned: z.boolean().default(false),
  })
  .strict();
export type Remittance = z.infer<typeof Remittance>;
/** A remittance as the API gives it (the questions always as their list). */
const RemittanceView = Remittance.extend({ questions: z.array(RemittanceQuestion) });

const AuditFields = {
  title: RequiredText(300),
  kind: z.enum(AUDIT_KINDS),
  auditorGroup: OptionalText(200),
  commissionedBy: OptionalText(200),
  auditFirm: OptionalText(200),
  reportDate: IsoDate.nullable().optional(),
  caseNumber: OptionalText(100),
  auditedBodyIds: z.array(Id).max(100).default([]),
  criteria: z.array(Criterion).max(50).default([]),
  scope: OptionalText(8000),
  methodInterviewed: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  methodDocuments: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
  followsUpAuditIds: z.array(Id).max(20).default([]),
  overallAssessment: z.enum(ASSESSMENT_VALUES).nullable().optional(),
  overallText: OptionalText(8000),
  remittances: z.array(Remittance).max(100).default([]),
  /** Whether the presidia were given the chance to comment on the facts (sakgranskning). */
  presidiaConsulted: z.boolean().nullable().optional(),
  /** The date the firm was given the assignment. */
  assignedOn: IsoDate.nullable().optional(),
  /** The date of the auditors' letter (missiv) that sends the report. */
  letterDate: IsoDate.nullable().optional(),
};
export const AuditInput = z.object(AuditFields).strict();
export type AuditInput = z.infer<typeof AuditInput>;
export const AuditUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(AuditFields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
    auditedBodyIds: z.array(Id).max(100).optional(),
    criteria: z.array(Criterion).max(50).optional(),
    methodInterviewed: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
    methodDocuments: z.array(z.string().trim().min(1).max(300)).max(200).optional(),
    followsUpAuditIds: z.array(Id).max(20).optional(),
    remittances: z.array(Remittance).max(100).optional(),
  })
  .strict() as unknown as z.ZodType<Partial<AuditInput> & { version: number }>;

const Cell = z
  .object({ bodyId: Id, value: z.enum(ASSESSMENT_VALUES).nullable(), text: OptionalText(4000) })
  .strict();
const QuestionFields = {
  number: z.string().trim().min(1).max(20),
  text: RequiredText(2000),
  parentId: Id.nullable().optional(),
  mode: z.enum(ASSESSMENT_MODES).default('per_body'),
  appliesToBodyIds: z.array(Id).max(100).default([]),
  cells: z.array(Cell).max(100).default([]),
  wholeValue: z.enum(ASSESSMENT_VALUES).nullable().optional(),
  prose: OptionalText(8000),
  /** In a follow-up audit: the earlier recommendations this question checks. */
  checksRecommendationIds: z.array(Id).max(50).default([]),
};
/** A question; `prose` is the auditors' prose for the whole question. */
export const QuestionInput = z.object(QuestionFields).strict();
export type QuestionInput = z.infer<typeof QuestionInput>;
export const QuestionUpdate = z
  .object({
    version: z.number().int().min(1),
    number: z.string().trim().min(1).max(20).optional(),
    text: RequiredText(2000).optional(),
    parentId: Id.nullable().optional(),
    mode: z.enum(ASSESSMENT_MODES).optional(),
    appliesToBodyIds: z.array(Id).max(100).optional(),
    cells: z.array(Cell).max(100).optional(),
    wholeValue: z.enum(ASSESSMENT_VALUES).nullable().optional(),
    prose: OptionalText(8000),
    checksRecommendationIds: z.array(Id).max(50).optional(),
  })
  .strict();
/** Several questions typed at once: one per line, "1. text", "1.1 text" (a sub-question). */
export const QuestionBulk = z
  .object({ lines: z.string().max(50_000), appliesToBodyIds: z.array(Id).max(100).default([]) })
  .strict();

/**
 * Parses typed question lines: a number ("1", "1.", "1.2", "2 a") then the text. Numbers with a dot
 * inside ("1.2") are sub-questions of the number before the first dot. A bulleted line, as
 * reports list recommendations, gets the next number; a line that is neither continues the item
 * before it (text pasted from a report wraps).
 */
export function parseNumberedLines(
  text: string,
  /** The numbers already used: an unnumbered item continues after the highest of them. */
  existing: readonly string[] = [],
): { number: string; parent: string | null; text: string; line: number }[] {
  const out: { number: string; parent: string | null; text: string; line: number }[] = [];
  const topOf = (n: string) => Number.parseInt(n, 10) || 0;
  const nextNumber = () =>
    String(
      Math.max(
        0,
        ...existing.map(topOf),
        ...out.filter((o) => !o.parent).map((o) => topOf(o.number)),
      ) + 1,
    );
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    // A bullet ("•", "–", "-", "*") starts the next item, as reports list recommendations.
    const bullet = /^[•·▪●\-–—*]\s*(.+)$/.exec(line);
    if (bullet) {
      out.push({ number: nextNumber(), parent: null, text: bullet[1]!.trim(), line: i + 1 });
      return;
    }
    const m = /^(\d+(?:\.\d+)*(?:\s?[a-z])?)[.):]?\s+(.+)$/i.exec(line);
    if (!m) {
      const last = out.at(-1);
      if (last) last.text = `${last.text} ${line}`;
      else out.push({ number: nextNumber(), parent: null, text: line, line: i + 1 });
      return;
    }
    const number = m[1]!.replace(/\s/g, '');
    const dot = number.indexOf('.');
    out.push({
      number,
      parent: dot > 0 ? number.slice(0, dot) : null,
      text: m[2]!.trim(),
      line: i + 1,
    });
  });
  return out;
}

/** Numbers used twice among these, or already used: each with the first line that repeats it. */
export function takenNumbers(
  numbers: readonly string[],
  existing: readonly string[],
): { index: number; number: string }[] {
  const seen = new Set(existing);
  const out: { index: number; number: string }[] = [];
  numbers.forEach((number, index) => {
    if (seen.has(number)) out.push({ index, number });
    seen.add(number);
  });
  return out;
}

/**
 * The matrix rules: a cell may only hold a value for a body the question applies to, and only in
 * per-body mode; a whole-question value only in whole mode; an unassessed question holds no values.
 */
export function checkQuestion(
  q: {
    mode: string;
    appliesToBodyIds: readonly string[];
    cells: readonly { bodyId: string; value: string | null; text?: string | null }[];
    wholeValue?: string | null;
  },
  auditedBodyIds: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  q.appliesToBodyIds.forEach((b, i) => {
    if (!auditedBodyIds.includes(b))
      errors.push({ path: `appliesToBodyIds.${i}`, key: 'audits.notAudited' });
  });
  q.cells.forEach((c, i) => {
    if (c.value === null && !c.text) return;
    if (q.mode !== 'per_body') errors.push({ path: `cells.${i}`, key: 'audits.cellsOnlyPerBody' });
    else if (!q.appliesToBodyIds.includes(c.bodyId))
      errors.push({ path: `cells.${i}`, key: 'audits.cellNotApplicable' });
  });
  if (q.wholeValue && q.mode !== 'whole')
    errors.push({ path: 'wholeValue', key: 'audits.wholeOnlyInWholeMode' });
  return errors;
}

/** The concrete bodies a group names, within this audit. */
export function expandGroup(
  group: AddressGroup,
  audited: readonly { id: string; kind: string }[],
): string[] {
  if (group === 'all_audited') return audited.map((b) => b.id);
  if (group === 'all_committees') return audited.filter((b) => b.kind === 'board').map((b) => b.id);
  return audited.filter((b) => b.kind === 'board' || b.kind === 'regional_board').map((b) => b.id);
}

export const RecommendationInput = z
  .object({
    number: z.string().trim().min(1).max(20),
    text: RequiredText(4000),
    addressedGroup: z.enum(ADDRESS_GROUPS).nullable().optional(),
    addresseeBodyIds: z.array(Id).max(100).default([]),
    questionId: Id.nullable().optional(),
  })
  .strict();
export const RecommendationUpdate = z
  .object({
    version: z.number().int().min(1),
    number: z.string().trim().min(1).max(20).optional(),
    text: RequiredText(4000).optional(),
    addressedGroup: z.enum(ADDRESS_GROUPS).nullable().optional(),
    addresseeBodyIds: z.array(Id).max(100).optional(),
    questionId: Id.nullable().optional(),
  })
  .strict();
export const RecommendationBulk = z
  .object({
    lines: z.string().max(50_000),
    addressedGroup: z.enum(ADDRESS_GROUPS).nullable().optional(),
    addresseeBodyIds: z.array(Id).max(100).default([]),
  })
  .strict();

/** What a reply says to one recommendation: that it answers it, its position, and its words. */
export const ReplyAnswer = z
  .object({
    recommendationId: Id,
    position: z.enum(POSITIONS).nullable().optional(),
    text: OptionalText(8000),
  })
  .strict();
export type ReplyAnswer = z.infer<typeof ReplyAnswer>;
const ReplyFields = {
  text: OptionalText(20_000),
  receivedOn: IsoDate.nullable().optional(),
  decisionId: Id.nullable().optional(),
  /** The recommendations it answers; a body may answer some now and the rest in a later reply. */
  answers: z.array(ReplyAnswer).max(100),
  /** The numbers of the auditors' questions it answers. */
  answeredQuestions: z.array(z.string().trim().min(1).max(20)).max(100),
};
export const ReplyInput = z
  .object({
    auditId: Id,
    bodyId: Id,
    ...ReplyFields,
    answers: ReplyFields.answers.default([]),
    answeredQuestions: ReplyFields.answeredQuestions.default([]),
  })
  .strict();
export const ReplyUpdate = z
  .object({
    version: z.number().int().min(1),
    ...ReplyFields,
    answers: ReplyFields.answers.optional(),
    answeredQuestions: ReplyFields.answeredQuestions.optional(),
  })
  .strict();

const Evidence = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    id: Id.nullable().optional(),
    label: z.string().trim().min(1).max(300),
    url: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;
export const ActionInput = z
  .object({
    recommendationId: Id,
    bodyId: Id,
    replyId: Id.nullable().optional(),
    title: RequiredText(1000),
    ownerPersonId: Id.nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    status: z.enum(ACTION_STATUSES).default('planned'),
    evidence: z.array(Evidence).max(50).default([]),
  })
  .strict();
export const ActionUpdate = z
  .object({
    version: z.number().int().min(1),
    title: RequiredText(1000).optional(),
    ownerPersonId: Id.nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    evidence: z.array(Evidence).max(50).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
  })
  .strict();

export const AssignmentInput = z
  .object({
    decisionId: Id.nullable().optional(),
    sourceAuditId: Id.nullable().optional(),
    recommendationId: Id.nullable().optional(),
    title: RequiredText(2000),
    assigneeBodyIds: z.array(Id).max(100).default([]),
    assigneeGroup: z.enum(['all_committees', 'all_boards']).nullable().optional(),
    assigneePersonId: Id.nullable().optional(),
    reportBack: z.enum(REPORT_BACK_KINDS).default('none'),
    reportBackOn: IsoDate.nullable().optional(),
    /** The meeting as written ("the board's ordinary meeting in January 2025"). */
    reportBackMeeting: OptionalText(300),
    /** The meeting as data: whose, which month; read from the text when not given. */
    reportBackMeetingRef: MeetingRefSchema.nullable().optional(),
    /** Given by a preparing step and not yet adopted (read from the decision when not given). */
    proposed: z.boolean().optional(),
  })
  .strict()
  .refine((a) => a.reportBack !== 'date' || Boolean(a.reportBackOn), {
    path: ['reportBackOn'],
    message: 'audits.reportBackDateRequired',
  })
  .refine(
    (a) => a.reportBack !== 'meeting' || Boolean(a.reportBackMeeting || a.reportBackMeetingRef),
    { path: ['reportBackMeeting'], message: 'audits.reportBackMeetingRequired' },
  )
  .refine(
    (a) => a.assigneeBodyIds.length > 0 || Boolean(a.assigneeGroup) || Boolean(a.assigneePersonId),
    { path: ['assigneeBodyIds'], message: 'audits.assigneeRequired' },
  );
/** Move a proposed assignment to the decision that adopted it, later in the chain. */
export const AssignmentAdopt = z
  .object({ version: z.number().int().min(1), decisionId: Id })
  .strict();
export const AssignmentUpdate = z
  .object({
    version: z.number().int().min(1),
    title: RequiredText(2000).optional(),
    assigneePersonId: Id.nullable().optional(),
    reportBack: z.enum(REPORT_BACK_KINDS).optional(),
    reportBackOn: IsoDate.nullable().optional(),
    reportBackMeeting: OptionalText(300),
    reportBackMeetingRef: MeetingRefSchema.nullable().optional(),
    reportedOn: IsoDate.nullable().optional(),
    reportDecisionId: Id.nullable().optional(),
    reportText: OptionalText(8000),
  })
  .strict();

export const FindingInput = z
  .object({
    followUpAuditId: Id,
    recommendationId: Id,
    text: RequiredText(8000),
    statuses: z
      .array(z.object({ bodyId: Id, status: z.enum(FOLLOW_UP_STATUSES) }).strict())
      .max(100)
      .default([]),
    observations: z
      .array(z.object({ bodyId: Id, text: z.string().trim().min(1).max(4000) }).strict())
      .max(100)
      .default([]),
  })
  .strict();
export const FindingUpdate = z
  .object({
    version: z.number().int().min(1),
    text: RequiredText(8000).optional(),
    statuses: z
      .array(z.object({ bodyId: Id, status: z.enum(FOLLOW_UP_STATUSES) }).strict())
      .max(100)
      .optional(),
    observations: z
      .array(z.object({ bodyId: Id, text: z.string().trim().min(1).max(4000) }).strict())
      .max(100)
      .optional(),
  })
  .strict();

/** A status in a follow-up belongs to an addressee; about anyone else the auditors make an observation. */
export function checkFinding(
  f: { statuses: readonly { bodyId: string }[] },
  addressees: readonly string[],
): FieldError[] {
  return f.statuses.flatMap((s, i) =>
    addressees.includes(s.bodyId)
      ? []
      : [{ path: `statuses.${i}`, key: 'audits.statusOnlyForAddressee' }],
  );
}

export const ACTION_FLAGS = ['no_owner', 'no_due_date', 'overdue'] as const;
export type ActionFlag = (typeof ACTION_FLAGS)[number];
/** Promised actions without owner or date are kept, and flagged; an action past its date and not done or stopped is overdue. */
export function actionFlags(
  a: { ownerPersonId: string | null; dueOn: string | null; status: string },
  today: string,
): ActionFlag[] {
  const flags: ActionFlag[] = [];
  if (!a.ownerPersonId) flags.push('no_owner');
  if (!a.dueOn) flags.push('no_due_date');
  else if (a.dueOn < today && a.status !== 'done' && a.status !== 'stopped') flags.push('overdue');
  return flags;
}

export const ASSIGNMENT_FLAGS = ['overdue', 'no_report_back', 'meeting_not_planned'] as const;
export type AssignmentFlag = (typeof ASSIGNMENT_FLAGS)[number];
/**
 * An assignment whose report-back (a date, or a meeting's date) has passed unreported is overdue;
 * one with no report-back at all is never reported; one due at a meeting not yet on the body's
 * calendar says so. A proposed assignment is not in force: it owes nothing yet.
 */
export function assignmentFlags(
  a: {
    reportBack: string;
    dueOn: string | null;
    dueResolved: boolean;
    reportedOn: string | null;
    state: string;
  },
  today: string,
): AssignmentFlag[] {
  if (a.reportedOn) return [];
  if (a.reportBack === 'none') return ['no_report_back'];
  const flags: AssignmentFlag[] = [];
  if (a.reportBack === 'meeting' && !a.dueResolved) flags.push('meeting_not_planned');
  if (a.state === 'active' && a.dueOn && a.dueOn < today) flags.push('overdue');
  return flags;
}

/** Where a recommendation stands for one addressee: see `openState` in obligations.ts. */
export const RECOMMENDATION_STATES = OPEN_STATES;

/** The follow-up's suggested status for an addressee from its actions: all done, some done, none. */
export function suggestFollowUpStatus(actions: readonly { status: string }[]): FollowUpStatus {
  const live = actions.filter((a) => a.status !== 'stopped');
  const done = live.filter((a) => a.status === 'done').length;
  if (live.length > 0 && done === live.length) return 'resolved';
  return done > 0 || live.some((a) => a.status === 'in_progress')
    ? 'partly_resolved'
    : 'not_resolved';
}

export type DeadlineKind = 'reply' | 'action' | 'report_back' | 'measurement';
/** Reminder steps: days relative to the deadline (negative before). Each is sent once per deadline. */
export const REMINDER_STEPS = [-14, -3, 1] as const;
/** Which reminder steps are due today for a deadline, given the steps already sent. */
export function dueReminderSteps(
  deadline: string,
  today: string,
  sent: readonly number[],
): number[] {
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000,
  );
  // Only the latest step that has come is sent: a deadline met late in the cycle does not get three mails at once.
  const reached = REMINDER_STEPS.filter((s) => days >= s && days <= s + 7);
  const latest = reached.at(-1);
  return latest !== undefined && !sent.includes(latest) ? [latest] : [];
}

export const Ref = z.object({ id: Id, name: z.string() });
export const Audit = Stamps.extend({
  id: Id,
  title: z.string(),
  kind: z.enum(AUDIT_KINDS),
  auditorGroup: z.string().nullable(),
  commissionedBy: z.string().nullable(),
  auditFirm: z.string().nullable(),
  reportDate: z.string().nullable(),
  caseNumber: z.string().nullable(),
  auditedBodies: z.array(Ref.extend({ kind: z.string() })),
  criteria: z.array(Criterion),
  scope: z.string().nullable(),
  methodInterviewed: z.array(z.string()),
  methodDocuments: z.array(z.string()),
  followsUp: z.array(Ref),
  followedUpBy: z.array(Ref),
  overallAssessment: z.enum(ASSESSMENT_VALUES).nullable(),
  overallText: z.string().nullable(),
  remittances: z.array(RemittanceView),
  presidiaConsulted: z.boolean().nullable(),
  assignedOn: z.string().nullable(),
  letterDate: z.string().nullable(),
  reportAttachmentId: Id.nullable(),
  recommendationCount: z.number().int(),
  openRecommendationCount: z.number().int(),
  /** Reply obligations: owed in all, still overdue, answered on time, answered late. */
  obligations: z.object({
    owed: z.number().int(),
    overdue: z.number().int(),
    answered: z.number().int(),
    answeredLate: z.number().int(),
  }),
});

export const Question = Stamps.extend({
  id: Id,
  auditId: Id,
  parentId: Id.nullable(),
  number: z.string(),
  text: z.string(),
  mode: z.enum(ASSESSMENT_MODES),
  appliesToBodyIds: z.array(Id),
  cells: z.array(
    z.object({
      bodyId: Id,
      value: z.enum(ASSESSMENT_VALUES).nullable(),
      text: z.string().nullable().optional(),
    }),
  ),
  wholeValue: z.enum(ASSESSMENT_VALUES).nullable(),
  prose: z.string().nullable(),
  checksRecommendationIds: z.array(Id),
  /** The earlier recommendations it checks, with their audit. */
  checks: z.array(z.object({ id: Id, number: z.string(), auditId: Id, auditTitle: z.string() })),
});
export const Obligation = z.object({
  recommendationId: Id,
  bodyId: Id,
  deadline: z.string().nullable(),
  state: z.enum(OBLIGATION_STATES),
  answeredOn: z.string().nullable(),
  replyId: Id.nullable(),
  position: z.enum(POSITIONS).nullable(),
  daysLate: z.number().int(),
});
export const Recommendation = Stamps.extend({
  id: Id,
  auditId: Id,
  questionId: Id.nullable(),
  number: z.string(),
  text: z.string(),
  addressedGroup: z.enum(ADDRESS_GROUPS).nullable(),
  addresseeBodyIds: z.array(Id),
  /** Per addressee: where it stands, and its reply obligation if a reply was asked for. */
  addressees: z.array(
    z.object({
      bodyId: Id,
      state: z.enum(OPEN_STATES),
      obligation: Obligation.nullable(),
      finding: z.enum(FOLLOW_UP_STATUSES).nullable(),
    }),
  ),
  /** "n av m mottagare åtgärdade". */
  progress: z.object({ resolved: z.number().int(), of: z.number().int() }),
  /** Follow-up questions that check it. */
  checkedBy: z.array(
    z.object({ questionId: Id, number: z.string(), auditId: Id, auditTitle: z.string() }),
  ),
});
export const Reply = Stamps.extend({
  id: Id,
  auditId: Id,
  bodyId: Id,
  text: z.string().nullable(),
  receivedOn: z.string().nullable(),
  decisionId: Id.nullable(),
  answers: z.array(
    z.object({
      recommendationId: Id,
      position: z.enum(POSITIONS).nullable().optional(),
      text: z.string().nullable().optional(),
    }),
  ),
  answeredQuestions: z.array(z.string()),
});
export const Action = Stamps.extend({
  id: Id,
  recommendationId: Id,
  bodyId: Id,
  replyId: Id.nullable(),
  title: z.string(),
  ownerPersonId: Id.nullable(),
  ownerPersonName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  evidence: z.array(Evidence),
  notes: z.array(
    z.object({ at: z.string(), by: z.string(), text: z.string(), status: z.string().optional() }),
  ),
  flags: z.array(z.enum(ACTION_FLAGS)),
});
export const Assignment = Stamps.extend({
  id: Id,
  decisionId: Id.nullable(),
  sourceAuditId: Id.nullable(),
  recommendationId: Id.nullable(),
  title: z.string(),
  assigneeBodyId: Id.nullable(),
  assigneeBodyName: z.string().nullable(),
  assigneeGroup: z.string().nullable(),
  assigneePersonId: Id.nullable(),
  assigneePersonName: z.string().nullable(),
  reportBack: z.enum(REPORT_BACK_KINDS),
  reportBackOn: z.string().nullable(),
  reportBackMeeting: z.string().nullable(),
  reportBackMeetingRef: z.object({ bodyId: Id, month: z.string() }).nullable(),
  reportBackMeetingBodyName: z.string().nullable(),
  /** The report-back's date: the date set, or the meeting's date (the month's end until known). */
  dueOn: z.string().nullable(),
  dueResolved: z.boolean(),
  state: z.enum(ASSIGNMENT_STATES),
  adoptedByDecisionId: Id.nullable(),
  /** The decisions behind it, earliest first: proposals, then the adopting decision. */
  chain: z.array(
    z.object({
      id: Id,
      reference: z.string(),
      title: z.string(),
      level: z.string(),
      bodyKind: z.string().nullable(),
      decidedOn: z.string().nullable(),
    }),
  ),
  reportedOn: z.string().nullable(),
  reportDecisionId: Id.nullable(),
  reportText: z.string().nullable(),
  flags: z.array(z.enum(ASSIGNMENT_FLAGS)),
});
export const Finding = Stamps.extend({
  id: Id,
  followUpAuditId: Id,
  recommendationId: Id,
  text: z.string(),
  statuses: z.array(z.object({ bodyId: Id, status: z.enum(FOLLOW_UP_STATUSES) })),
  observations: z.array(z.object({ bodyId: Id, text: z.string() })),
});
export const DEADLINE_KINDS = ['reply', 'action', 'report_back', 'measurement'] as const;
export const DeadlineSchema = z.object({
  key: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  date: z.string(),
  title: z.string(),
  auditId: Id.nullable(),
  auditTitle: z.string().nullable(),
  assignmentId: Id.nullable(),
  actionId: Id.nullable(),
  bodyId: Id.nullable(),
  bodyName: z.string().nullable(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  overdue: z.boolean(),
});
export const OpenRecommendation = z.object({
  recommendationId: Id,
  number: z.string(),
  text: z.string(),
  auditId: Id,
  auditTitle: z.string(),
  reportDate: z.string().nullable(),
  bodyId: Id.nullable(),
  bodyName: z.string().nullable(),
  state: z.enum(RECOMMENDATION_STATES),
  ageDays: z.number().int().nullable(),
  nextDeadline: z.string().nullable(),
  overdue: z.boolean(),
  obligation: Obligation.nullable(),
  progress: z.object({ resolved: z.number().int(), of: z.number().int() }),
  actions: z.number().int(),
  actionsDone: z.number().int(),
  actionFlags: z.array(z.enum(ACTION_FLAGS)),
  latestFinding: z
    .object({
      auditTitle: z.string(),
      text: z.string(),
      status: z.enum(FOLLOW_UP_STATUSES).nullable(),
    })
    .nullable(),
});
