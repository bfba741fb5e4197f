import { MONTH_NAMES } from '../shared/dates.js';
/**
 * What an audit obliges each body to do, and whether it has (DOMAIN.md, Audits): a remittance for
 * a reply makes one reply obligation per recommendation addressed to that body; a reply says which
 * recommendations it answers; the auditors' numbered questions are answered the same way; a
 * follow-up finding closes a (recommendation, addressee); deadlines can be a body's meeting.
 * Pure rules: the server reads the rows, these decide.
 */

// Meetings as deadlines ----------------------------------------------------------------------

/** "At the board's ordinary meeting in January 2025": the body, and the month as YYYY-MM. */
export type MeetingRef = { bodyId: string; month: string };
export type MeetingDeadline = {
  /** The meeting's date once one is recorded or planned; until then the month's last day. */
  date: string;
  /** Whether a meeting of the body in that month is on record (held or planned). */
  resolved: boolean;
  meetingId: string | null;
};

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The date a meeting reference stands for: the body's first meeting in that month (its ordinary
 * meeting; an extra one later in the month does not move the deadline). With no meeting of the
 * body on record for the month, the deadline is the month's last day, so it still falls due.
 */
export function resolveMeeting(
  ref: MeetingRef,
  meetings: readonly { id: string; bodyUnitId: string | null; heldOn: string }[],
): MeetingDeadline {
  const first = meetings
    .filter((m) => m.bodyUnitId === ref.bodyId && m.heldOn.startsWith(`${ref.month}-`))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
  return first
    ? { date: first.heldOn, resolved: true, meetingId: first.id }
    : { date: lastDayOf(ref.month), resolved: false, meetingId: null };
}

const MONTHS_LOWER = [MONTH_NAMES.sv, MONTH_NAMES.en.map((n) => n.toLowerCase())];

/**
 * The month a written meeting reference names ("sammanträdet i januari 2024", "Jan 2024",
 * "2024-01"), or null. A month named without a year is taken from `fallbackYear`.
 */
export function monthOfText(text: string, fallbackYear?: number): string | null {
  const s = text.toLowerCase();
  const iso = /\b(20\d{2})-(0[1-9]|1[0-2])\b/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}`;
  // A month's name or its start ("jan", "sept."), then perhaps a year.
  for (const m of s.matchAll(/([a-zåäö]{3,})\.?(?:\s+(20\d{2}))?/g)) {
    const word = m[1]!;
    const i = MONTHS_LOWER.map((names) => names.findIndex((n) => n.startsWith(word))).find(
      (x) => x >= 0,
    );
    if (i === undefined) continue;
    const year = m[2] ? Number(m[2]) : fallbackYear;
    return year ? `${year}-${String(i + 1).padStart(2, '0')}` : null;
  }
  return null;
}

// Reply obligations ----------------------------------------------------------------------------

export const POSITIONS = ['agrees', 'partly', 'disagrees'] as const;
export type Position = (typeof POSITIONS)[number];

export const OBLIGATION_STATES = ['awaiting', 'overdue', 'answered', 'answered_late'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export type RemittanceLike = {
  bodyId: string;
  kind: 'reply' | 'information';
  /** The deadline as resolved (a date, or a meeting's date): null when none was set. */
  deadline: string | null;
};
export type ReplyLike = {
  id: string;
  bodyId: string;
  /** Null: a draft, not yet received; it answers nothing yet. */
  receivedOn: string | null;
  answers: readonly { recommendationId: string; position?: Position | null }[];
  answeredQuestions: readonly string[];
};
export type Obligation = {
  recommendationId: string;
  bodyId: string;
  deadline: string | null;
  state: ObligationState;
  answeredOn: string | null;
  replyId: string | null;
  position: Position | null;
  /** Days past the deadline: still unanswered (overdue) or answered late; else 0. */
  daysLate: number;
};

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The body's remittance for a reply, if the report was sent to it for one. */
const replyRemittanceOf = <R extends RemittanceLike>(remittances: readonly R[], bodyId: string) =>
  remittances.find((r) => r.bodyId === bodyId && r.kind === 'reply') ?? null;

/**
 * One obligation per (recommendation, addressee) whose addressee was sent the report for a reply;
 * none for a body that had it for information. An obligation is met by the earliest received
 * reply of that body that answers the recommendation; one met after the deadline stays late.
 */
export function obligationsOf(
  recommendations: readonly { id: string; addresseeBodyIds: readonly string[] }[],
  remittances: readonly RemittanceLike[],
  replies: readonly ReplyLike[],
  today: string,
): Obligation[] {
  const out: Obligation[] = [];
  for (const r of recommendations)
    for (const bodyId of new Set(r.addresseeBodyIds)) {
      const remittance = replyRemittanceOf(remittances, bodyId);
      if (!remittance) continue;
      out.push(obligationFor(r.id, bodyId, remittance.deadline, replies, today));
    }
  return out;
}

function obligationFor(
  recommendationId: string,
  bodyId: string,
  deadline: string | null,
  replies: readonly ReplyLike[],
  today: string,
): Obligation {
  const answering = replies
    .filter((x) => x.bodyId === bodyId && x.receivedOn)
    .map((x) => ({
      reply: x,
      answer: x.answers.find((a) => a.recommendationId === recommendationId),
    }))
    .filter((x) => x.answer)
    .sort((a, b) => a.reply.receivedOn!.localeCompare(b.reply.receivedOn!))[0];
  if (answering) {
    const on = answering.reply.receivedOn!;
    const late = Boolean(deadline && on > deadline);
    return {
      recommendationId,
      bodyId,
      deadline,
      state: late ? 'answered_late' : 'answered',
      answeredOn: on,
      replyId: answering.reply.id,
      position: answering.answer!.position ?? null,
      daysLate: late ? daysBetween(deadline!, on) : 0,
    };
  }
  const overdue = Boolean(deadline && deadline < today);
  return {
    recommendationId,
    bodyId,
    deadline,
    state: overdue ? 'overdue' : 'awaiting',
    answeredOn: null,
    replyId: null,
    position: null,
    daysLate: overdue ? daysBetween(deadline!, today) : 0,
  };
}

// The auditors' questions ----------------------------------------------------------------------

export const QUESTION_STATES = ['answered', 'pending', 'unanswered'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/**
 * Each numbered question the auditors put to a body: answered when a received reply of the body
 * says it answers it; unanswered (obesvarad fråga) once the body has replied without answering
 * it, or its deadline has passed; pending before either.
 */
export function questionStates(
  questions: readonly { number: string; text: string }[],
  bodyId: string,
  deadline: string | null,
  replies: readonly ReplyLike[],
  today: string,
): { number: string; text: string; state: QuestionState; replyId: string | null }[] {
  const received = replies
    .filter((x) => x.bodyId === bodyId && x.receivedOn)
    .sort((a, b) => a.receivedOn!.localeCompare(b.receivedOn!));
  const closed = received.length > 0 || Boolean(deadline && deadline < today);
  return questions.map((q) => {
    const by = received.find((x) => x.answeredQuestions.includes(q.number));
    return {
      number: q.number,
      text: q.text,
      state: by ? 'answered' : closed ? 'unanswered' : 'pending',
      replyId: by?.id ?? null,
    };
  });
}

// Where a recommendation stands for an addressee ---------------------------------------------

export const OPEN_STATES = [
  'no_addressee',
  'awaiting_reply',
  'declined',
  'no_actions',
  'open',
  'done',
  'resolved',
] as const;
export type OpenState = (typeof OPEN_STATES)[number];
/** States that leave the open list: every action done, or the auditors found it acted on. */
export const CLOSED_STATES: readonly OpenState[] = ['done', 'resolved'];

/**
 * One (recommendation, addressee)'s state. The auditors' latest finding decides first: *åtgärdad*
 * closes it; *delvis* or *ej åtgärdad* keeps it open even if every action is done. Without a
 * finding: a reply still owed is awaited; a body that disagrees and plans nothing has declined;
 * then the actions decide. Where no reply was asked for, nothing is "awaited".
 */
export function openState(p: {
  hasAddressee: boolean;
  obligation: Pick<Obligation, 'state' | 'position'> | null;
  actions: readonly { status: string }[];
  finding: 'resolved' | 'partly_resolved' | 'not_resolved' | null;
}): OpenState {
  if (!p.hasAddressee) return 'no_addressee';
  if (p.finding === 'resolved') return 'resolved';
  const live = p.actions.filter((a) => a.status !== 'stopped');
  const allDone = live.length > 0 && live.every((a) => a.status === 'done');
  if (p.actions.length === 0) {
    const s = p.obligation?.state;
    if (s === 'awaiting' || s === 'overdue') return 'awaiting_reply';
    if (p.obligation?.position === 'disagrees') return 'declined';
    return 'no_actions';
  }
  if (allDone) return p.finding ? 'open' : 'done';
  return 'open';
}

/** "n av m mottagare åtgärdade": addressees whose state is closed, of all addressees. */
export function resolvedCount(states: readonly OpenState[]) {
  return { resolved: states.filter((s) => CLOSED_STATES.includes(s)).length, of: states.length };
}

// Assignments -----------------------------------------------------------------------------------

export const ASSIGNMENT_STATES = ['proposed', 'active'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/**
 * An assignment given by a preparing body (an arbetsutskott), or proposed by a review with no
 * decision yet, is proposed; it becomes active when the adopting decision later in the chain is
 * recorded and the assignment moved to it. Given by the deciding body itself, it is active.
 */
export function initialAssignmentState(p: {
  decisionBodyKind: string | null;
  hasDecision: boolean;
  fromReview: boolean;
  proposed?: boolean | undefined;
}): AssignmentState {
  if (p.proposed !== undefined) return p.proposed ? 'proposed' : 'active';
  if (!p.hasDecision) return p.fromReview ? 'proposed' : 'active';
  return p.decisionBodyKind === 'working_committee' ? 'proposed' : 'active';
}

/** The state after moving to an adopting decision: still proposed if that too is only preparing. */
export const adoptedState = (adoptingBodyKind: string | null): AssignmentState =>
  adoptingBodyKind === 'working_committee' ? 'proposed' : 'active';

/**
 * Whether `adopting` is later in the chain than `given`: following the adopting decision's
 * proposals back (proposedByDecisionId) reaches the decision that gave the assignment.
 */
export function isLaterInChain(
  adopting: string,
  given: string,
  proposedBy: ReadonlyMap<string, string | null>,
): boolean {
  const seen = new Set<string>();
  let at: string | null | undefined = proposedBy.get(adopting);
  while (at && !seen.has(at)) {
    if (at === given) return true;
    seen.add(at);
    at = proposedBy.get(at);
  }
  return false;
}

// The assessment matrix -------------------------------------------------------------------------

export const MATRIX_VALUES = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type MatrixValue = (typeof MATRIX_VALUES)[number];
export type Totals = Record<MatrixValue | 'none', number>;
const zero = (): Totals => ({ yes: 0, partly: 0, no: 0, not_applicable: 0, none: 0 });

export type MatrixQuestion = {
  id: string;
  number: string;
  text: string;
  mode: string;
  appliesToBodyIds: readonly string[];
  cells: readonly { bodyId: string; value: string | null }[];
  wholeValue: string | null;
};

/**
 * The matrix an audit firm fills in, with totals: one row per assessed question (a question
 * marked *bedöms inte* is no row); per body a cell, *ET* where the question does not apply (the
 * report's one word for it, whether so assessed or outside the question's scope). Totals
 * count each value for the whole matrix, per body (column) and per question (row); `none` counts
 * applicable cells not yet assessed. A question assessed as a whole counts once, in its row and
 * the whole matrix, not in any body's column.
 */
export function assessmentMatrix(questions: readonly MatrixQuestion[], bodyIds: readonly string[]) {
  const total = zero();
  const byBody = new Map(bodyIds.map((b) => [b, zero()]));
  const rows = questions
    .filter((q) => q.mode !== 'not_assessed')
    .map((q) => {
      const rowTotals = zero();
      const cells = bodyIds.map((bodyId) => {
        if (q.mode !== 'per_body') return { bodyId, applies: null, value: null };
        // Where the question does not apply the report says ET (ej tillämpligt), as a value.
        if (!q.appliesToBodyIds.includes(bodyId)) {
          rowTotals.not_applicable += 1;
          byBody.get(bodyId)!.not_applicable += 1;
          total.not_applicable += 1;
          return { bodyId, applies: false, value: 'not_applicable' as MatrixValue };
        }
        const value = (q.cells.find((c) => c.bodyId === bodyId)?.value ??
          null) as MatrixValue | null;
        const key = value ?? 'none';
        rowTotals[key] += 1;
        byBody.get(bodyId)![key] += 1;
        total[key] += 1;
        return { bodyId, applies: true, value };
      });
      if (q.mode === 'whole') {
        const key = (q.wholeValue ?? 'none') as MatrixValue | 'none';
        rowTotals[key] += 1;
        total[key] += 1;
      }
      return {
        questionId: q.id,
        number: q.number,
        text: q.text,
        mode: q.mode,
        wholeValue: (q.wholeValue ?? null) as MatrixValue | null,
        cells,
        totals: rowTotals,
      };
    });
  return {
    rows,
    columns: bodyIds.map((bodyId) => ({ bodyId, totals: byBody.get(bodyId)! })),
    totals: total,
  };
}
