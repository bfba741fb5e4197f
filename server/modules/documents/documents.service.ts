import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  adoptionLevelOfDecision,
  documentFlags,
  DocumentInput,
  type DocumentListQuery,
  DocumentUpdate,
  isGoalWithoutOverarching,
  validityInOrder,
} from '../../../domain/documents/document.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { storeAttachment, type UploadedFile } from '../../platform/attachments.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { attachments, tenants } from '../../platform/tables.js';
import { assertGoalsOwned, goalsByIds } from '../goals/index.js';
import {
  assertAdoptingDecision,
  assertOrgOwned,
  decisionsWithProposals,
  personName,
  unitName,
  unitsWithSuccessors,
  unitTarget,
} from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { documentGoals, documentVersions, steeringDocuments } from './tables.js';

const goalIdsOf = sql<
  string[]
>`coalesce((SELECT json_agg(dg.goal_id) FROM document_goals dg WHERE dg.document_id = "steering_documents"."id"), '[]'::json)`;
const versionCount = sql<number>`(SELECT count(*)::int FROM document_versions dv WHERE dv.document_id = "steering_documents"."id")`;

const selectDocs = (db: Db) =>
  db
    .select({
      doc: steeringDocuments,
      ownerUnitName: unitName(steeringDocuments.ownerUnitId) as SQL<string>,
      adoptedByName: unitName(steeringDocuments.adoptedByUnitId),
      goalIds: goalIdsOf,
      versionCount,
    })
    .from(steeringDocuments);

type Row = {
  doc: typeof steeringDocuments.$inferSelect;
  ownerUnitName: string;
  adoptedByName: string | null;
  goalIds: string[];
  versionCount: number;
};
export type DocumentView = Awaited<ReturnType<typeof viewsOf>>[number];

async function maxAgeYears(db: Db | Tx, tenantId: string) {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return t?.settings.documentMaxAgeYears ?? 4;
}

/**
 * The documents as their readers see them, with the facts their flags need, read once for the
 * whole list: the goals they serve (is each one its own?), the cited decision's level and body,
 * and the adopting body with its successors (a predecessor body is shown as such).
 */
async function viewsOf(db: Db | Tx, ctx: Ctx, rows: Row[]) {
  const today = todayOf(ctx.now);
  const maxAge = await maxAgeYears(db, ctx.tenantId);
  const [goals, decisions] = await Promise.all([
    goalsByIds(
      db,
      ctx,
      rows.flatMap((r) => r.goalIds),
    ),
    decisionsWithProposals(
      db,
      ctx,
      rows.map((r) => r.doc.adoptionDecisionId),
    ),
  ]);
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const adopterIds = rows.map((r) => r.doc.adoptedByUnitId).filter((x): x is string => !!x);
  const adopters = await unitsWithSuccessors(db, ctx, adopterIds);
  return rows.map((r) => {
    const served = r.goalIds
      .map((id) => goalById.get(id))
      .filter((g) => g !== undefined)
      .map((g) => ({
        id: g.id,
        title: g.title,
        level: g.level,
        withoutOverarching: isGoalWithoutOverarching(g),
      }));
    const decision = r.doc.adoptionDecisionId ? decisions.get(r.doc.adoptionDecisionId) : undefined;
    const adopter = r.doc.adoptedByUnitId ? (adopters.get(r.doc.adoptedByUnitId) ?? null) : null;
    const facts = {
      ...r.doc,
      goalCount: r.goalIds.length,
      ownGoalCount: served.filter((g) => g.withoutOverarching).length,
      decisionLevel: decision?.level ?? null,
    };
    return {
      ...r.doc,
      ownerUnitName: r.ownerUnitName,
      adoptedByName: r.adoptedByName,
      goalIds: r.goalIds,
      versionCount: r.versionCount,
      flags: documentFlags(facts, today, maxAge),
      adopter,
      goals: served,
      decisionAdoptionLevel: decision ? adoptionLevelOfDecision(decision.level) : null,
      /** The body the decision cited was made by (the adopter when none is recorded). */
      decisionBodyUnitId: decision?.bodyUnitId ?? null,
    };
  });
}

/**
 * The register with its flags, which depend on today and a setting, so they are computed by the
 * domain rule. A region has some hundreds of steering documents: the list is filtered in memory.
 */
export async function listDocuments(db: Db, ctx: Ctx, q: z.infer<typeof DocumentListQuery>) {
  authorize(ctx, 'org.read');
  const rows = await selectDocs(db)
    .where(
      and(
        eq(steeringDocuments.tenantId, ctx.tenantId),
        q.type ? eq(steeringDocuments.type, q.type) : undefined,
        q.state ? eq(steeringDocuments.state, q.state) : undefined,
        q.ownerUnitId ? eq(steeringDocuments.ownerUnitId, q.ownerUnitId) : undefined,
        q.q
          ? sql`lower(${steeringDocuments.title}) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}`
          : undefined,
      ),
    )
    .orderBy(asc(steeringDocuments.title))
    .limit(5000);
  const all = (await viewsOf(db, ctx, rows)).filter((d) => !q.flag || d.flags.includes(q.flag));
  return { all, items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}

export async function getDocument(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await selectDocs(db).where(
    and(eq(steeringDocuments.id, id), eq(steeringDocuments.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.document');
  return (await viewsOf(db, ctx, [row]))[0]!;
}

async function docTarget(db: Db, ctx: Ctx, ownerUnitId: string) {
  return unitTarget(db, ctx, ownerUnitId);
}

async function checkRefs(
  db: Db,
  ctx: Ctx,
  d: Partial<z.infer<typeof DocumentInput>>,
  selfId: string | null,
) {
  await assertOrgOwned(db, ctx, 'person', [d.ownerPersonId]);
  await assertOrgOwned(db, ctx, 'unit', [d.adoptedByUnitId]);
  // Only a decision with outcome bifall adopts: återremiss, avslag and bordlagd adopt nothing,
  // and a recommendation or an information item is no adoption (issue 16).
  await assertAdoptingDecision(db, ctx, d.adoptionDecisionId, 'adoptionDecisionId');
  if (d.supersededById) {
    if (d.supersededById === selfId)
      throw invalid('errors.validation', [
        { path: 'supersededById', key: 'documents.ownSuccessor' },
      ]);
    await findOwned(db, steeringDocuments, ctx, d.supersededById, 'document');
  }
  await assertGoalsOwned(db, ctx, d.goalIds ?? []);
}

async function setGoals(tx: Tx, documentId: string, goalIds: string[]) {
  await tx.delete(documentGoals).where(eq(documentGoals.documentId, documentId));
  if (goalIds.length)
    await tx
      .insert(documentGoals)
      .values([...new Set(goalIds)].map((goalId) => ({ documentId, goalId })));
}

export async function createDocument(db: Db, ctx: Ctx, raw: z.infer<typeof DocumentInput>) {
  const input = parseInput(DocumentInput, raw, ctx.lang);
  authorize(ctx, 'documents.edit', await docTarget(db, ctx, input.ownerUnitId));
  await checkRefs(db, ctx, input, null);
  const { goalIds, ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, steeringDocuments, fields, {
      entity: 'document',
      extra: { goalIds },
    });
    await setGoals(tx, row.id, goalIds);
    return getDocument(tx, ctx, row.id);
  });
}

export async function updateDocument(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof DocumentUpdate>,
) {
  const input = parseInput(DocumentUpdate, raw, ctx.lang);
  const before = await getDocument(db, ctx, id);
  authorize(ctx, 'documents.edit', await docTarget(db, ctx, before.ownerUnitId));
  if (input.ownerUnitId && input.ownerUnitId !== before.ownerUnitId)
    authorize(ctx, 'documents.edit', await docTarget(db, ctx, input.ownerUnitId));
  await checkRefs(db, ctx, input, id);
  // Dates sent alone are checked against the ones kept: the document cannot end before it starts.
  const validFrom = input.validFrom !== undefined ? input.validFrom : before.validFrom;
  const validTo = input.validTo !== undefined ? input.validTo : before.validTo;
  if (!validityInOrder({ validFrom, validTo }))
    throw invalid('errors.validation', [{ path: 'validTo', key: 'documents.validToBeforeFrom' }]);
  // Saving a document as adopted checks the decision it already cites, too.
  if (input.state === 'adopted' && input.adoptionDecisionId === undefined)
    await assertAdoptingDecision(db, ctx, before.adoptionDecisionId, 'adoptionDecisionId');
  const { version, goalIds, ...changes } = input;
  return db.transaction(async (tx) => {
    // The links first, so the event's after is the document as its readers will see it (a stale
    // version rolls them back with the rest).
    if (goalIds) await setGoals(tx, id, goalIds);
    await updateAudited(tx, ctx, steeringDocuments, id, version, changes, {
      entity: 'document',
      before,
      view: (documentId) => getDocument(tx, ctx, documentId),
    });
    return getDocument(tx, ctx, id);
  });
}

const versionAuthor = personName(documentVersions.createdBy);

export async function listVersions(db: Db, ctx: Ctx, documentId: string) {
  await getDocument(db, ctx, documentId);
  return db
    .select({
      v: documentVersions,
      createdByName: versionAuthor,
      att: {
        id: attachments.id,
        filename: attachments.filename,
        size: attachments.size,
        sha256: attachments.sha256,
        contentType: attachments.contentType,
      },
    })
    .from(documentVersions)
    .innerJoin(attachments, eq(attachments.id, documentVersions.attachmentId))
    .where(
      and(eq(documentVersions.tenantId, ctx.tenantId), eq(documentVersions.documentId, documentId)),
    )
    .orderBy(desc(documentVersions.createdAt));
}

/** A new version is a new file; earlier versions stay as they were. */
export async function addVersion(
  db: Db,
  ctx: Ctx,
  documentId: string,
  input: { label: string; note: string | null; file: UploadedFile },
) {
  const doc = await getDocument(db, ctx, documentId);
  authorize(ctx, 'documents.edit', await docTarget(db, ctx, doc.ownerUnitId));
  return db.transaction(async (tx) => {
    const att = await storeAttachment(tx, ctx, input.file);
    const [row] = await tx
      .insert(documentVersions)
      .values({
        tenantId: ctx.tenantId,
        documentId,
        label: input.label,
        note: input.note,
        attachmentId: att.id,
        createdAt: ctx.now,
        createdBy: ctx.actor.personId,
      })
      .returning();
    await record(tx, ctx, {
      entityType: 'document',
      entityId: documentId,
      action: 'add_version',
      after: {
        versionId: row!.id,
        label: input.label,
        filename: att.filename,
        size: att.size,
        sha256: att.sha256,
      },
    });
    return row!;
  });
}
