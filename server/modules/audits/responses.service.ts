import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  actionFlags,
  assignmentFlags,
  checkFinding,
  recommendationState,
  suggestFollowUpStatus,
  ActionInput,
  ActionUpdate,
  AssignmentInput,
  AssignmentUpdate,
  FindingInput,
  FindingUpdate,
  ReplyInput,
  ReplyUpdate,
} from '../../../domain/audits/audit.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import {
  assertOrgOwned,
  bodiesInForce,
  personName,
  personNameOf,
  unitName,
  unitNames,
  unitTarget,
} from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { getAudit } from './audits.service.js';
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

export async function createReply(db: Db, ctx: Ctx, raw: z.infer<typeof ReplyInput>) {
  const input = parseInput(ReplyInput, raw, ctx.lang);
  const audit = await findOwned(db, audits, ctx, input.auditId, 'audit');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, input.bodyId));
  if (
    !audit.auditedBodyIds.includes(input.bodyId) &&
    !audit.remittances.some((r) => r.bodyId === input.bodyId)
  )
    throw invalid('errors.validation', [{ path: 'bodyId', key: 'audits.notAudited' }]);
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
  const [exists] = await db
    .select({ id: auditReplies.id })
    .from(auditReplies)
    .where(and(eq(auditReplies.auditId, input.auditId), eq(auditReplies.bodyId, input.bodyId)));
  if (exists) throw invalid('errors.validation', [{ path: 'bodyId', key: 'audits.replyExists' }]);
  return db.transaction((tx) =>
    createAudited(tx, ctx, auditReplies, input, { entity: 'audit_reply' }),
  );
}

export async function updateReply(db: Db, ctx: Ctx, id: string, raw: z.infer<typeof ReplyUpdate>) {
  const input = parseInput(ReplyUpdate, raw, ctx.lang);
  const before = await findOwned(db, auditReplies, ctx, id, 'reply');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.bodyId));
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
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

/** An assignment as pages show it: its flags, and the names of its body and person. */
export const assignmentView = (
  a: typeof assignments.$inferSelect,
  today: string,
  names: { assigneeBodyName: string | null; assigneePersonName: string | null },
) => ({
  ...a,
  ...names,
  flags: assignmentFlags(a, today),
});
const assignmentNamesOf = async (db: Db | Tx, ctx: Ctx, a: typeof assignments.$inferSelect) => ({
  assigneeBodyName: a.assigneeBodyId
    ? ((await unitNames(db, [a.assigneeBodyId])).get(a.assigneeBodyId) ?? null)
    : null,
  assigneePersonName: a.assigneePersonId ? await personNameOf(db, ctx, a.assigneePersonId) : null,
});

export async function listAssignments(
  db: Db,
  ctx: Ctx,
  q: {
    bodyId?: string | undefined;
    flag?: string | undefined;
    decisionId?: string | undefined;
    sourceAuditId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select({
      a: assignments,
      assigneeBodyName: unitName(assignments.assigneeBodyId),
      assigneePersonName: personName(assignments.assigneePersonId),
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, ctx.tenantId),
        q.bodyId ? eq(assignments.assigneeBodyId, q.bodyId) : undefined,
        q.decisionId ? eq(assignments.decisionId, q.decisionId) : undefined,
        q.sourceAuditId ? eq(assignments.sourceAuditId, q.sourceAuditId) : undefined,
      ),
    )
    .orderBy(sql`${assignments.reportBackOn} NULLS LAST`, asc(assignments.title))
    .limit(5_000);
  const today = todayOf(ctx.now);
  const all = rows
    .map(({ a, ...names }) => assignmentView(a, today, names))
    .filter((a) => !q.flag || a.flags.includes(q.flag as never));
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, all };
}

/** A group ("all committees") expands to one assignment per body, each reported back on its own. */
export async function createAssignments(db: Db, ctx: Ctx, raw: z.infer<typeof AssignmentInput>) {
  const input = parseInput(AssignmentInput, raw, ctx.lang);
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId, null]);
  if (input.sourceAuditId) await findOwned(db, audits, ctx, input.sourceAuditId, 'audit');
  if (input.recommendationId)
    await findOwned(db, recommendations, ctx, input.recommendationId, 'recommendation');
  await assertOrgOwned(db, ctx, 'person', [input.assigneePersonId]);
  await assertOrgOwned(db, ctx, 'unit', input.assigneeBodyIds);
  let bodies = input.assigneeBodyIds;
  if (input.assigneeGroup) {
    const kinds =
      input.assigneeGroup === 'all_committees' ? ['board'] : ['board', 'regional_board'];
    const rows = await bodiesInForce(db, ctx, kinds);
    bodies = [...new Set([...bodies, ...rows.map((r) => r.id)])];
  }
  for (const b of bodies.length ? bodies : [null])
    authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, b));
  const { assigneeBodyIds: _ids, ...rest } = input;
  return db.transaction(async (tx) => {
    const out = [];
    for (const b of bodies.length ? bodies : [null]) {
      const row = await createAudited(
        tx,
        ctx,
        assignments,
        { ...rest, assigneeBodyId: b },
        { entity: 'assignment' },
      );
      out.push(assignmentView(row, todayOf(ctx.now), await assignmentNamesOf(tx, ctx, row)));
    }
    return out;
  });
}

export async function updateAssignment(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof AssignmentUpdate>,
) {
  const input = parseInput(AssignmentUpdate, raw, ctx.lang);
  const before = await findOwned(db, assignments, ctx, id, 'assignment');
  authorize(ctx, 'audits.respond', await bodyTarget(db, ctx, before.assigneeBodyId));
  await assertOrgOwned(db, ctx, 'decision', [input.reportDecisionId]);
  await assertOrgOwned(db, ctx, 'person', [input.assigneePersonId]);
  const { version, ...changes } = input;
  const merged = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  } as typeof before;
  if (merged.reportBack === 'date' && !merged.reportBackOn)
    throw invalid('errors.validation', [
      { path: 'reportBackOn', key: 'audits.reportBackDateRequired' },
    ]);
  if (merged.reportBack === 'meeting' && !merged.reportBackMeeting)
    throw invalid('errors.validation', [
      { path: 'reportBackMeeting', key: 'audits.reportBackMeetingRequired' },
    ]);
  return db.transaction(async (tx) => {
    const after = await updateAudited(tx, ctx, assignments, id, version, changes, {
      entity: 'assignment',
      action: changes.reportedOn ? 'report_back' : 'update',
      before,
    });
    return assignmentView(after, todayOf(ctx.now), await assignmentNamesOf(tx, ctx, after));
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
  return recs.map((r) => ({
    recommendation: r,
    finding: findings.find((f) => f.recommendationId === r.id) ?? null,
    addressees: r.addresseeBodyIds.map((bodyId) => {
      const mine = acts.filter((a) => a.recommendationId === r.id && a.bodyId === bodyId);
      const reply = replies.find((x) => x.auditId === r.auditId && x.bodyId === bodyId) ?? null;
      return {
        bodyId,
        reply,
        actions: mine.map((a) => actionView(a, today, ownerName.get(a.id) ?? null)),
        state: recommendationState(true, Boolean(reply?.receivedOn), mine),
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
