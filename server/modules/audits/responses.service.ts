import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  actionFlags,
  assignmentFlags,
  checkFinding,
  suggestFollowUpStatus,
  ActionInput,
  AssignmentAdopt,
  ActionUpdate,
  AssignmentInput,
  AssignmentUpdate,
  FindingInput,
  FindingUpdate,
  ReplyInput,
  ReplyUpdate,
} from '../../../domain/audits/audit.js';
import {
  adoptedState,
  initialAssignmentState,
  isLaterInChain,
  monthOfText,
  openState,
  resolveMeeting,
} from '../../../domain/audits/obligations.js';
import { decisionReference } from '../../../domain/organization/decision.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import {
  assertOrgOwned,
  bodiesInForce,
  decisionsWithProposals,
  laterDecisions,
  meetingsOfBodies,
  personName,
  personNameOf,
  personNames,
  unitNames,
  unitTarget,
} from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { getAudit } from './audits.service.js';
import { auditStanding } from './standing.js';
import {
  assignments,
  auditActions,
  auditReplies,
  audits,
  followUpFindings,
  recommendations,
} from './tables.js';

/** Replies, actions and assignments belong to a body: its editors (and coordinators) record them. */
async function bodyTarget(db: Db | Tx, ctx: Ctx, bodyId: string | null) {
  return bodyId ? await unitTarget(db, ctx, bodyId) : ('tenant' as const);
}

// Replies ---------------------------------------------------------------------------------------

export async function listReplies(db: Db, ctx: Ctx, auditId: string) {
  await getAudit(db, ctx, auditId);
  return db
    .select()
    .from(auditReplies)
    .where(and(eq(auditReplies.tenantId, ctx.tenantId), eq(auditReplies.auditId, auditId)));
}

/**
 * What a reply answers: recommendations of this audit addressed to its body, each once, and the
 * numbers of questions the auditors put to that body.
 */
async function checkAnswers(
  db: Db | Tx,
  audit: typeof audits.$inferSelect,
  bodyId: string,
  answers: readonly { recommendationId: string }[] | undefined,
  questions: readonly string[] | undefined,
) {
  const errors: { path: string; key: string }[] = [];
  if (answers?.length) {
    const recs = await db
      .select({ id: recommendations.id, addressees: recommendations.addresseeBodyIds })
      .from(recommendations)
      .where(eq(recommendations.auditId, audit.id));
    answers.forEach((a, i) => {
      const rec = recs.find((r) => r.id === a.recommendationId);
      if (!rec?.addressees.includes(bodyId))
        errors.push({ path: `answers.${i}.recommendationId`, key: 'audits.answerNotAddressed' });
      else if (answers.findIndex((x) => x.recommendationId === a.recommendationId) !== i)
        errors.push({ path: `answers.${i}.recommendationId`, key: 'audits.answerTwice' });
    });
  }
  const asked = audit.remittances.find((r) => r.bodyId === bodyId)?.questions ?? [];
  (questions ?? []).forEach((n, i) => {
    if (!asked.some((q) => q.number === n))
      errors.push({ path: `answeredQuestions.${i}`, key: 'audits.questionNotAsked' });
  });
  if (errors.length) throw invalid('errors.validation', errors);
}

/** A reply is received on a day that has come: a later date would count it late, or on time, ahead. */
function assertReceived(ctx: Ctx, receivedOn: string | null | undefined) {
  if (receivedOn && receivedOn > todayOf(ctx.now))
    throw invalid('errors.validation', [{ path: 'receivedOn', key: 'audits.receivedInFuture' }]);
}

/** A body may reply more than once (some recommendations now, the rest later): each is a reply. */
export async function createReply(db: Db, ctx: Ctx, raw: z.input<typeof ReplyInput>) {
  const input = parseInput(ReplyInput, raw, ctx.lang);
  const audit = await findOwned(db, audits, ctx, input.auditId, 'audit');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, input.bodyId));
  if (
    !audit.auditedBodyIds.includes(input.bodyId) &&
    !audit.remittances.some((r) => r.bodyId === input.bodyId)
  )
    throw invalid('errors.validation', [{ path: 'bodyId', key: 'audits.notAudited' }]);
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
  await checkAnswers(db, audit, input.bodyId, input.answers, input.answeredQuestions);
  assertReceived(ctx, input.receivedOn);
  return db.transaction((tx) =>
    createAudited(tx, ctx, auditReplies, input, { entity: 'audit_reply' }),
  );
}

export async function updateReply(db: Db, ctx: Ctx, id: string, raw: z.input<typeof ReplyUpdate>) {
  const input = parseInput(ReplyUpdate, raw, ctx.lang);
  const before = await findOwned(db, auditReplies, ctx, id, 'reply');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.bodyId));
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
  const audit = await findOwned(db, audits, ctx, before.auditId, 'audit');
  await checkAnswers(db, audit, before.bodyId, input.answers, input.answeredQuestions);
  assertReceived(ctx, input.receivedOn);
  const { version, ...changes } = input;
  return db.transaction((tx) =>
    updateAudited(tx, ctx, auditReplies, id, version, changes, {
      entity: 'audit_reply',
      notFound: 'reply',
      before,
    }),
  );
}

// Actions ---------------------------------------------------------------------------------------

/** An action as pages show it: its flags, and its owner's name beside the id. */
export const actionView = (
  a: typeof auditActions.$inferSelect,
  today: string,
  ownerPersonName: string | null,
) => ({
  ...a,
  ownerPersonName,
  flags: actionFlags(a, today),
});
const ownerNameOf = async (db: Db | Tx, ctx: Ctx, a: { ownerPersonId: string | null }) =>
  a.ownerPersonId ? await personNameOf(db, ctx, a.ownerPersonId) : null;

export async function listActions(db: Db, ctx: Ctx, auditId: string) {
  await getAudit(db, ctx, auditId);
  const rows = await db
    .select({ a: auditActions, ownerPersonName: personName(auditActions.ownerPersonId) })
    .from(auditActions)
    .innerJoin(recommendations, eq(recommendations.id, auditActions.recommendationId))
    .where(and(eq(auditActions.tenantId, ctx.tenantId), eq(recommendations.auditId, auditId)))
    .orderBy(asc(recommendations.sortKey), asc(auditActions.createdAt));
  const today = todayOf(ctx.now);
  return rows.map((r) => actionView(r.a, today, r.ownerPersonName));
}

async function checkEvidence(
  db: Db | Tx,
  ctx: Ctx,
  evidence: readonly { kind: string; id?: string | null }[] | undefined,
) {
  await assertOrgOwned(
    db,
    ctx,
    'decision',
    (evidence ?? []).filter((e) => e.kind === 'decision').map((e) => e.id),
  );
}

export async function createAction(db: Db, ctx: Ctx, raw: z.infer<typeof ActionInput>) {
  const input = parseInput(ActionInput, raw, ctx.lang);
  const rec = await findOwned(db, recommendations, ctx, input.recommendationId, 'recommendation');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, input.bodyId));
  if (!rec.addresseeBodyIds.includes(input.bodyId))
    throw invalid('errors.validation', [{ path: 'bodyId', key: 'audits.notAddressee' }]);
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId]);
  if (input.replyId) await findOwned(db, auditReplies, ctx, input.replyId, 'reply');
  await checkEvidence(db, ctx, input.evidence);
  // Done needs evidence, whether it is created done or closed later.
  if (input.status === 'done' && input.evidence.length === 0)
    throw invalid('errors.validation', [{ path: 'evidence', key: 'audits.doneNeedsEvidence' }]);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      auditActions,
      { ...input, notes: [] },
      { entity: 'audit_action' },
    );
    return actionView(row, todayOf(ctx.now), await ownerNameOf(tx, ctx, row));
  });
}

/** An edit can carry a progress note; notes are kept in order with who wrote them, when, and the status then. */
export async function updateAction(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof ActionUpdate>,
) {
  const input = parseInput(ActionUpdate, raw, ctx.lang);
  const before = await findOwned(db, auditActions, ctx, id, 'action');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.bodyId));
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId]);
  await checkEvidence(db, ctx, input.evidence);
  const { version, note, ...changes } = input;
  const status = changes.status ?? before.status;
  if (status === 'done' && (changes.evidence ?? before.evidence).length === 0)
    throw invalid('errors.validation', [{ path: 'evidence', key: 'audits.doneNeedsEvidence' }]);
  const notes = note
    ? [...before.notes, { at: ctx.now.toISOString(), by: ctx.actor.name, text: note, status }]
    : undefined;
  return db.transaction(async (tx) => {
    const after = await updateAudited(
      tx,
      ctx,
      auditActions,
      id,
      version,
      { ...changes, ...(notes ? { notes } : {}) },
      { entity: 'audit_action', notFound: 'action', before },
    );
    return actionView(after, todayOf(ctx.now), await ownerNameOf(tx, ctx, after));
  });
}

// Assignments ----------------------------------------------------------------------------------

type AssignmentRow = typeof assignments.$inferSelect;

/**
 * The meeting a report-back "at the meeting in …" names: stored as whose and which month, or, for
 * one written before that was stored, read from its text (the month) and its decision (the body).
 */
function meetingRefOf(
  a: AssignmentRow,
  decisionBodyId: string | null,
): { bodyId: string; month: string } | null {
  if (a.reportBack !== 'meeting') return null;
  const bodyId = a.reportBackMeetingBodyId ?? decisionBodyId ?? a.assigneeBodyId;
  const month =
    a.reportBackMeetingMonth ??
    (a.reportBackMeeting ? monthOfText(a.reportBackMeeting, a.createdAt.getUTCFullYear()) : null);
  return bodyId && month ? { bodyId, month } : null;
}

/**
 * Assignments as pages show them: the names of body and person, the report-back's date (a
 * meeting's date once the meeting is on record), the decision chain behind it, and its flags.
 */
export async function assignmentViews(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId' | 'now'>,
  rows: readonly AssignmentRow[],
) {
  const today = todayOf(ctx.now);
  const chainOf = await decisionsWithProposals(
    db,
    ctx,
    rows.flatMap((a) => [a.decisionId, a.adoptedByDecisionId]),
  );
  // A meeting named without its body is the meeting of the body that decided (or adopted) it.
  const refs = rows.map((a) => {
    const decided = a.adoptedByDecisionId ?? a.decisionId;
    return meetingRefOf(a, decided ? (chainOf.get(decided)?.bodyUnitId ?? null) : null);
  });
  const meetings = await meetingsOfBodies(
    db,
    ctx,
    refs.flatMap((r) => (r ? [r.bodyId] : [])),
  );
  const names = await unitNames(db, [
    ...rows.flatMap((a) => (a.assigneeBodyId ? [a.assigneeBodyId] : [])),
    ...refs.flatMap((r) => (r ? [r.bodyId] : [])),
  ]);
  const people = await personNames(
    db,
    rows.flatMap((a) => (a.assigneePersonId ? [a.assigneePersonId] : [])),
  );
  return rows.map((a, i) => {
    const ref = refs[i]!;
    const resolved = ref ? resolveMeeting(ref, meetings) : null;
    const dueOn = a.reportBack === 'date' ? a.reportBackOn : (resolved?.date ?? null);
    const dueResolved = a.reportBack !== 'meeting' || Boolean(resolved?.resolved);
    // The chain: from the adopting decision (or the giving one) back through its proposals.
    const chain = [];
    const seen = new Set<string>();
    for (
      let at = a.adoptedByDecisionId ?? a.decisionId;
      at && !seen.has(at);
      at = chainOf.get(at)?.proposedByDecisionId ?? null
    ) {
      seen.add(at);
      const d = chainOf.get(at);
      if (d) chain.unshift(d);
    }
    if (a.decisionId && !seen.has(a.decisionId) && chainOf.get(a.decisionId))
      chain.unshift(chainOf.get(a.decisionId)!);
    const view = {
      ...a,
      assigneeBodyName: a.assigneeBodyId ? (names.get(a.assigneeBodyId) ?? null) : null,
      assigneePersonName: a.assigneePersonId ? (people.get(a.assigneePersonId) ?? null) : null,
      reportBackMeetingRef: ref,
      reportBackMeetingBodyName: ref ? (names.get(ref.bodyId) ?? null) : null,
      dueOn,
      dueResolved,
      state: a.state as 'proposed' | 'active',
      chain: chain.map((d) => ({
        id: d.id,
        reference: decisionReference(d) || d.title,
        title: d.title,
        level: d.level,
        bodyKind: d.bodyKind,
        decidedOn: d.decidedOn,
      })),
    };
    return { ...view, flags: assignmentFlags(view, today) };
  });
}
export type AssignmentView = Awaited<ReturnType<typeof assignmentViews>>[number];

export async function listAssignments(
  db: Db,
  ctx: Ctx,
  q: {
    bodyId?: string | undefined;
    flag?: string | undefined;
    state?: string | undefined;
    decisionId?: string | undefined;
    sourceAuditId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, ctx.tenantId),
        q.bodyId ? eq(assignments.assigneeBodyId, q.bodyId) : undefined,
        q.state ? eq(assignments.state, q.state) : undefined,
        q.decisionId
          ? or(
              eq(assignments.decisionId, q.decisionId),
              eq(assignments.adoptedByDecisionId, q.decisionId),
            )
          : undefined,
        q.sourceAuditId ? eq(assignments.sourceAuditId, q.sourceAuditId) : undefined,
      ),
    )
    .orderBy(sql`${assignments.reportBackOn} NULLS LAST`, asc(assignments.title))
    .limit(5_000);
  const all = (await assignmentViews(db, ctx, rows))
    .filter((a) => !q.flag || a.flags.includes(q.flag as never))
    .sort((x, y) => (x.dueOn ?? '9999').localeCompare(y.dueOn ?? '9999'));
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, all };
}

/** The bodies a group names, among those in force today. */
async function groupBodies(db: Db | Tx, ctx: Ctx, group: string) {
  const kinds = group === 'all_committees' ? ['board'] : ['board', 'regional_board'];
  return (await bodiesInForce(db, ctx, kinds)).map((r) => r.id);
}

/** A report-back at a meeting is stored as whose meeting and which month. */
function meetingColumns(input: {
  reportBackMeetingRef?: { bodyId: string; month: string } | null | undefined;
}) {
  if (input.reportBackMeetingRef === undefined) return {};
  return {
    reportBackMeetingBodyId: input.reportBackMeetingRef?.bodyId ?? null,
    reportBackMeetingMonth: input.reportBackMeetingRef?.month ?? null,
  };
}

/**
 * Gives an assignment. Given by a preparing body (or proposed by a review), it is proposed, and a
 * group ("all committees") stays one proposal until adopted. In force, a group expands to one
 * assignment per body that exists then, each reported back on its own.
 */
export async function createAssignments(db: Db, ctx: Ctx, raw: z.input<typeof AssignmentInput>) {
  const input = parseInput(AssignmentInput, raw, ctx.lang);
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId, null]);
  if (input.sourceAuditId) await findOwned(db, audits, ctx, input.sourceAuditId, 'audit');
  if (input.recommendationId)
    await findOwned(db, recommendations, ctx, input.recommendationId, 'recommendation');
  await assertOrgOwned(db, ctx, 'person', [input.assigneePersonId]);
  await assertOrgOwned(db, ctx, 'unit', [
    ...input.assigneeBodyIds,
    input.reportBackMeetingRef?.bodyId,
  ]);
  const decision = input.decisionId
    ? (await decisionsWithProposals(db, ctx, [input.decisionId])).get(input.decisionId)
    : undefined;
  const state = initialAssignmentState({
    decisionBodyKind: decision?.bodyKind ?? null,
    hasDecision: Boolean(decision),
    fromReview: Boolean(input.sourceAuditId),
    proposed: input.proposed,
  });
  let bodies = input.assigneeBodyIds;
  if (input.assigneeGroup && state === 'active')
    bodies = [...new Set([...bodies, ...(await groupBodies(db, ctx, input.assigneeGroup))])];
  const targets: (string | null)[] = bodies.length ? bodies : [null];
  for (const b of targets) authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, b));
  const { assigneeBodyIds: _ids, reportBackMeetingRef: _ref, proposed: _p, ...rest } = input;
  const meeting = meetingColumns(input);
  return db.transaction(async (tx) => {
    const out = [];
    for (const b of targets)
      out.push(
        await createAudited(
          tx,
          ctx,
          assignments,
          { ...rest, ...meeting, state, assigneeBodyId: b },
          { entity: 'assignment' },
        ),
      );
    return assignmentViews(tx, ctx, out);
  });
}

function assertReportBack(a: AssignmentRow) {
  if (a.reportBack === 'date' && !a.reportBackOn)
    throw invalid('errors.validation', [
      { path: 'reportBackOn', key: 'audits.reportBackDateRequired' },
    ]);
  if (a.reportBack === 'meeting' && !a.reportBackMeeting && !a.reportBackMeetingMonth)
    throw invalid('errors.validation', [
      { path: 'reportBackMeeting', key: 'audits.reportBackMeetingRequired' },
    ]);
}

export async function updateAssignment(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.input<typeof AssignmentUpdate>,
) {
  const input = parseInput(AssignmentUpdate, raw, ctx.lang);
  const before = await findOwned(db, assignments, ctx, id, 'assignment');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.assigneeBodyId));
  await assertOrgOwned(db, ctx, 'decision', [input.reportDecisionId]);
  await assertOrgOwned(db, ctx, 'person', [input.assigneePersonId]);
  await assertOrgOwned(db, ctx, 'unit', [input.reportBackMeetingRef?.bodyId]);
  const { version, reportBackMeetingRef: _ref, ...rest } = input;
  const changes = { ...rest, ...meetingColumns(input) };
  assertReportBack({
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  } as AssignmentRow);
  return db.transaction(async (tx) => {
    const after = await updateAudited(tx, ctx, assignments, id, version, changes, {
      entity: 'assignment',
      action: changes.reportedOn ? 'report_back' : 'update',
      before,
    });
    return (await assignmentViews(tx, ctx, [after]))[0]!;
  });
}

/** Decisions that could adopt a proposed assignment: those later in its decision's chain. */
export async function adoptionCandidates(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const a = await findOwned(db, assignments, ctx, id, 'assignment');
  if (!a.decisionId) return [];
  return (await laterDecisions(db, ctx, a.decisionId)).map((d) => ({
    id: d.id,
    reference: decisionReference(d) || d.title,
    title: d.title,
    level: d.level,
    bodyKind: d.bodyKind,
    decidedOn: d.decidedOn,
  }));
}

/**
 * Moves a proposed assignment to the decision that adopted it, later in its chain (AU → styrelse
 * → fullmäktige). Adopted by a deciding body it is active; a group proposal then expands to the
 * bodies in force at adoption, one assignment each. Adopted by another preparing body, it stays
 * proposed, now resting on that decision.
 */
export async function adoptAssignment(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.input<typeof AssignmentAdopt>,
) {
  const input = parseInput(AssignmentAdopt, raw, ctx.lang);
  const before = await findOwned(db, assignments, ctx, id, 'assignment');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.assigneeBodyId));
  if (before.state !== 'proposed')
    throw invalid('errors.validation', [{ path: 'decisionId', key: 'audits.notProposed' }]);
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
  const chain = await decisionsWithProposals(db, ctx, [input.decisionId]);
  const given = before.adoptedByDecisionId ?? before.decisionId;
  const proposedBy = new Map([...chain.values()].map((d) => [d.id, d.proposedByDecisionId]));
  if (given && !isLaterInChain(input.decisionId, given, proposedBy))
    throw invalid('errors.validation', [{ path: 'decisionId', key: 'audits.notLaterInChain' }]);
  const state = adoptedState(chain.get(input.decisionId)?.bodyKind ?? null);
  const fanOut =
    state === 'active' && before.assigneeGroup && !before.assigneeBodyId
      ? await groupBodies(db, ctx, before.assigneeGroup)
      : [];
  for (const b of fanOut) authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, b));
  return db.transaction(async (tx) => {
    const [first, ...others] = fanOut;
    const after = await updateAudited(
      tx,
      ctx,
      assignments,
      id,
      input.version,
      { adoptedByDecisionId: input.decisionId, state, ...(first ? { assigneeBodyId: first } : {}) },
      { entity: 'assignment', action: 'adopt', before },
    );
    const out = [after];
    const {
      id: _id,
      version: _v,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      tenantId: _t,
      ...copy
    } = after;
    for (const b of others)
      out.push(
        await createAudited(
          tx,
          ctx,
          assignments,
          { ...copy, assigneeBodyId: b },
          {
            entity: 'assignment',
          },
        ),
      );
    return assignmentViews(tx, ctx, out);
  });
}

// Follow-up -------------------------------------------------------------------------------------

/** The recommendations a follow-up audit looks at: those of every audit it follows up. */
async function followedRecommendations(
  db: Db | Tx,
  ctx: Ctx,
  followUp: typeof audits.$inferSelect,
) {
  if (followUp.followsUpAuditIds.length === 0) return [];
  return db
    .select()
    .from(recommendations)
    .where(
      and(
        eq(recommendations.tenantId, ctx.tenantId),
        inArray(recommendations.auditId, followUp.followsUpAuditIds),
      ),
    )
    .orderBy(asc(recommendations.sortKey));
}

/**
 * What Styrbord already knows about each earlier recommendation, for the follow-up to start from:
 * per addressee, the reply, the actions with their status and evidence, and a suggested status.
 */
export async function followUpPrefill(db: Db, ctx: Ctx, followUpAuditId: string) {
  await getAudit(db, ctx, followUpAuditId);
  const followUp = await findOwned(db, audits, ctx, followUpAuditId, 'audit');
  const recs = await followedRecommendations(db, ctx, followUp);
  const recIds = recs.map((r) => r.id);
  const named = recIds.length
    ? await db
        .select({ a: auditActions, ownerPersonName: personName(auditActions.ownerPersonId) })
        .from(auditActions)
        .where(inArray(auditActions.recommendationId, recIds))
    : [];
  const ownerName = new Map(named.map((r) => [r.a.id, r.ownerPersonName]));
  const acts = named.map((r) => r.a);
  const replies = followUp.followsUpAuditIds.length
    ? await db
        .select()
        .from(auditReplies)
        .where(inArray(auditReplies.auditId, followUp.followsUpAuditIds))
        .orderBy(asc(auditReplies.receivedOn))
    : [];
  const findings = recIds.length
    ? await db
        .select()
        .from(followUpFindings)
        .where(
          and(
            eq(followUpFindings.followUpAuditId, followUpAuditId),
            inArray(followUpFindings.recommendationId, recIds),
          ),
        )
    : [];
  const today = todayOf(ctx.now);
  const earlier = followUp.followsUpAuditIds.length
    ? await db.select().from(audits).where(inArray(audits.id, followUp.followsUpAuditIds))
    : [];
  const standing = await auditStanding(db, ctx, earlier);
  return recs.map((r) => ({
    recommendation: r,
    finding: findings.find((f) => f.recommendationId === r.id) ?? null,
    addressees: r.addresseeBodyIds.map((bodyId) => {
      const mine = acts.filter((a) => a.recommendationId === r.id && a.bodyId === bodyId);
      const obligation =
        standing
          .get(r.auditId)
          ?.obligations.find((o) => o.recommendationId === r.id && o.bodyId === bodyId) ?? null;
      // The reply that answered it; else the body's latest reply to the audit.
      const reply =
        replies.find((x) => x.id === obligation?.replyId) ??
        replies.filter((x) => x.auditId === r.auditId && x.bodyId === bodyId).at(-1) ??
        null;
      return {
        bodyId,
        reply,
        actions: mine.map((a) => actionView(a, today, ownerName.get(a.id) ?? null)),
        // What Styrbord knew before this follow-up's own conclusion.
        state: openState({ hasAddressee: true, obligation, actions: mine, finding: null }),
        suggestedStatus: suggestFollowUpStatus(mine),
      };
    }),
  }));
}

async function findingContext(
  db: Db | Tx,
  ctx: Ctx,
  followUpAuditId: string,
  recommendationId: string,
) {
  const followUp = await findOwned(db, audits, ctx, followUpAuditId, 'audit');
  const rec = await findOwned(db, recommendations, ctx, recommendationId, 'recommendation');
  if (!followUp.followsUpAuditIds.includes(rec.auditId))
    throw invalid('errors.validation', [{ path: 'recommendationId', key: 'audits.notFollowedUp' }]);
  return rec;
}

export async function createFinding(db: Db, ctx: Ctx, raw: z.infer<typeof FindingInput>) {
  const input = parseInput(FindingInput, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const rec = await findingContext(db, ctx, input.followUpAuditId, input.recommendationId);
  const errors = checkFinding(input, rec.addresseeBodyIds);
  if (errors.length) throw invalid('errors.validation', errors);
  await assertOrgOwned(
    db,
    ctx,
    'unit',
    input.observations.map((o) => o.bodyId),
  );
  return db.transaction((tx) =>
    createAudited(tx, ctx, followUpFindings, input, { entity: 'follow_up_finding' }),
  );
}

export async function updateFinding(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof FindingUpdate>,
) {
  const input = parseInput(FindingUpdate, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const before = await findOwned(db, followUpFindings, ctx, id, 'finding');
  const rec = await findOwned(db, recommendations, ctx, before.recommendationId, 'recommendation');
  const errors = input.statuses
    ? checkFinding({ statuses: input.statuses }, rec.addresseeBodyIds)
    : [];
  if (errors.length) throw invalid('errors.validation', errors);
  await assertOrgOwned(
    db,
    ctx,
    'unit',
    (input.observations ?? []).map((o) => o.bodyId),
  );
  const { version, ...changes } = input;
  return db.transaction((tx) =>
    updateAudited(tx, ctx, followUpFindings, id, version, changes, {
      entity: 'follow_up_finding',
      notFound: 'finding',
      before,
    }),
  );
}

/** One recommendation's findings; another tenant's recommendation is a 404, as an unknown one. */
export async function findingsOfRecommendation(db: Db, ctx: Ctx, recommendationId: string) {
  await findOwned(db, recommendations, ctx, recommendationId, 'recommendation');
  return findingsFor(db, ctx, [recommendationId]);
}

/** Findings on a recommendation from every later follow-up: the chain across audits. */
export async function findingsFor(db: Db, ctx: Ctx, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .select({ f: followUpFindings, auditTitle: audits.title, reportDate: audits.reportDate })
    .from(followUpFindings)
    .innerJoin(audits, eq(audits.id, followUpFindings.followUpAuditId))
    .where(
      and(
        eq(followUpFindings.tenantId, ctx.tenantId),
        inArray(followUpFindings.recommendationId, recommendationIds),
      ),
    )
    .orderBy(asc(audits.reportDate));
}
