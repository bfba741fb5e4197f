import { and, asc, eq, inArray, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { GoalInput, type GoalListQuery, GoalUpdate } from '../../../domain/goals/goal.js';
import { goalFlags, type GoalFlag } from '../../../domain/goals/flags.js';
import { decisionReference } from '../../../domain/organization/decision.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { documentsServingGoals, type LinkedDocument } from '../documents/index.js';
import {
  assertAdoptingDecision,
  decisionCitation,
  unitName,
  unitTarget,
} from '../organization/index.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { goalParents, goals } from './tables.js';

const ownerName = unitName(goals.ownerUnitId) as SQL<string>;
const indicatorCount = sql<number>`(SELECT count(*)::int FROM indicators i WHERE i.goal_id = "goals"."id")`;
const parentIds = sql<
  string[]
>`coalesce((SELECT json_agg(gp.parent_goal_id) FROM goal_parents gp WHERE gp.goal_id = "goals"."id"), '[]'::json)`;

/**
 * The live goals proper directly beneath this one that have indicators of their own: an impact
 * goal is measured through them (DOMAIN.md: effektmål → resultatmål → indikatorer).
 */
const measuredThrough = sql<
  string[]
>`coalesce((SELECT json_agg(c.id ORDER BY c.title) FROM goal_parents gp JOIN goals c ON c.id = gp.goal_id WHERE gp.parent_goal_id = "goals"."id" AND c.form = 'goal' AND c.archived_at IS NULL AND EXISTS (SELECT 1 FROM indicators ci WHERE ci.goal_id = c.id)), '[]'::json)`;

const selectGoals = (db: Db) =>
  db
    .select({
      goal: goals,
      ownerUnitName: ownerName,
      indicatorCount,
      measuredThroughGoalIds: measuredThrough,
      parentGoalIds: parentIds,
      ...decisionCitation(goals.adoptedByDecisionId),
    })
    .from(goals);

type Row = {
  goal: typeof goals.$inferSelect;
  ownerUnitName: string;
  indicatorCount: number;
  measuredThroughGoalIds: string[];
  parentGoalIds: string[];
  decidedOn: string | null;
  paragraph: string | null;
  caseNumber: string | null;
  bodyShortName: string | null;
};
export type GoalView = Row['goal'] & {
  ownerUnitName: string;
  indicatorCount: number;
  measuredThroughGoalIds: string[];
  parentGoalIds: string[];
  adoptedByReference: string | null;
  documents: LinkedDocument[];
  flags: GoalFlag[];
};

const view = (r: Row, documents: LinkedDocument[]): GoalView => ({
  ...r.goal,
  ownerUnitName: r.ownerUnitName,
  indicatorCount: r.indicatorCount,
  measuredThroughGoalIds: r.measuredThroughGoalIds,
  parentGoalIds: r.parentGoalIds,
  documents,
  adoptedByReference: r.goal.adoptedByDecisionId
    ? decisionReference({
        bodyShortName: r.bodyShortName,
        decidedOn: r.decidedOn,
        paragraph: r.paragraph,
        caseNumber: r.caseNumber,
      })
    : null,
  flags: goalFlags({
    form: r.goal.form,
    level: r.goal.level,
    indicatorCount: r.indicatorCount,
    measuredThroughGoalIds: r.measuredThroughGoalIds,
    documents,
  }),
});

/** The rows as views, with the documents that serve each goal (one query for the page). */
async function views(db: Db, ctx: Ctx, rows: Row[]): Promise<GoalView[]> {
  const docs = await documentsServingGoals(
    db,
    ctx,
    rows.map((r) => r.goal.id),
    todayOf(ctx.now),
  );
  return rows.map((r) => view(r, docs.get(r.goal.id) ?? []));
}

/** Goals valid at some time in a year. */
export const validInYear = (year: number): SQL =>
  and(
    lte(goals.validFrom, `${year}-12-31`),
    or(isNull(goals.validTo), gte(goals.validTo, `${year}-01-01`)),
  )!;

export async function listGoals(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof GoalListQuery>,
  page: { limit: number; offset: number },
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(goals.tenantId, ctx.tenantId),
    q.includeArchived ? undefined : isNull(goals.archivedAt),
    q.ownerUnitId ? eq(goals.ownerUnitId, q.ownerUnitId) : undefined,
    q.level ? eq(goals.level, q.level) : undefined,
    q.tag ? sql`${goals.tags} ? ${q.tag}` : undefined,
    q.year ? validInYear(q.year) : undefined,
    q.q ? sql`lower(${goals.title}) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}` : undefined,
  );
  const rows = await selectGoals(db)
    .where(where)
    // A board's focus areas and strategic plans after its goals: shown with them, grouped apart.
    .orderBy(asc(ownerName), sql`${goals.form} <> 'goal'`, asc(goals.level), asc(goals.title))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(goals)
    .where(where);
  return { items: await views(db, ctx, rows), total: count?.n ?? 0 };
}

export async function getGoal(db: Db, ctx: Ctx, id: string): Promise<GoalView> {
  authorize(ctx, 'org.read');
  const [row] = await selectGoals(db).where(
    and(eq(goals.id, id), eq(goals.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.goal');
  return (await views(db, ctx, [row]))[0]!;
}

/** The owner unit's place in the tree is where editing rights are checked. */
export async function goalTarget(db: Db | Tx, ctx: Ctx, ownerUnitId: string) {
  return unitTarget(db, ctx, ownerUnitId);
}

async function checkLinks(
  db: Db,
  ctx: Ctx,
  g: {
    parentGoalIds?: string[] | undefined;
    succeedsGoalId?: string | null | undefined;
    adoptedByDecisionId?: string | null | undefined;
  },
  selfId: string | null,
) {
  if ((g.parentGoalIds ?? []).includes(selfId ?? ''))
    throw invalid('errors.validation', [{ path: 'parentGoalIds', key: 'goals.ownParent' }]);
  await assertAllOwned(db, goals, ctx, g.parentGoalIds ?? [], 'goal');
  if (g.succeedsGoalId) {
    if (g.succeedsGoalId === selfId)
      throw invalid('errors.validation', [{ path: 'succeedsGoalId', key: 'goals.ownParent' }]);
    await findOwned(db, goals, ctx, g.succeedsGoalId, 'goal');
  }
  // Only a decision that adopts (kind beslut, outcome bifall) can be cited as the goal's adoption.
  await assertAdoptingDecision(db, ctx, g.adoptedByDecisionId, 'adoptedByDecisionId');
}

async function setParents(tx: Tx, goalId: string, parentIds: string[]) {
  await tx.delete(goalParents).where(eq(goalParents.goalId, goalId));
  if (parentIds.length)
    await tx
      .insert(goalParents)
      .values([...new Set(parentIds)].map((parentGoalId) => ({ goalId, parentGoalId })));
}

export async function createGoal(db: Db, ctx: Ctx, raw: z.infer<typeof GoalInput>) {
  const input = parseInput(GoalInput, raw, ctx.lang);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, input.ownerUnitId));
  await checkLinks(db, ctx, input, null);
  return db.transaction(async (tx) => {
    const { parentGoalIds, ...fields } = input;
    const row = await createAudited(tx, ctx, goals, fields, {
      entity: 'goal',
      extra: { parentGoalIds },
    });
    await setParents(tx, row.id, parentGoalIds);
    return getGoal(tx, ctx, row.id);
  });
}

export async function updateGoal(db: Db, ctx: Ctx, id: string, raw: z.infer<typeof GoalUpdate>) {
  const input = parseInput(GoalUpdate, raw, ctx.lang);
  const before = await getGoal(db, ctx, id);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, before.ownerUnitId));
  if (input.ownerUnitId && input.ownerUnitId !== before.ownerUnitId)
    authorize(ctx, 'goals.edit', await goalTarget(db, ctx, input.ownerUnitId));
  await checkLinks(db, ctx, input, id);
  const validFrom = input.validFrom ?? before.validFrom;
  const validTo = input.validTo === undefined ? before.validTo : input.validTo;
  if (validTo && validFrom > validTo)
    throw invalid('errors.validation', [{ path: 'validTo', key: 'goals.validToBeforeFrom' }]);
  const { version, parentGoalIds, archived, ...changes } = input;
  return db.transaction(async (tx) => {
    // The links first, so the event's after is the goal as its readers will see it (a stale
    // version rolls them back with the rest).
    if (parentGoalIds) await setParents(tx, id, parentGoalIds);
    await updateAudited(
      tx,
      ctx,
      goals,
      id,
      version,
      { ...changes, ...(archived !== undefined ? { archivedAt: archived ? ctx.now : null } : {}) },
      {
        entity: 'goal',
        action: archived ? 'archive' : 'update',
        before,
        view: (goalId) => getGoal(tx, ctx, goalId),
      },
    );
    return getGoal(tx, ctx, id);
  });
}

/** The goals that succeed each other, oldest first, so a trend survives a rename. */
export async function goalLineage(db: Db, ctx: Ctx, id: string) {
  await getGoal(db, ctx, id);
  const rows = (await db.execute(sql`
    WITH RECURSIVE back(id, succeeds, depth) AS (
      SELECT id, succeeds_goal_id, 0 FROM goals WHERE id = ${id} AND tenant_id = ${ctx.tenantId}
      UNION ALL SELECT g.id, g.succeeds_goal_id, back.depth - 1 FROM goals g JOIN back ON g.id = back.succeeds WHERE back.depth > -30
    ), fwd(id, depth) AS (
      SELECT id, 0 FROM goals WHERE id = ${id}
      UNION ALL SELECT g.id, fwd.depth + 1 FROM goals g JOIN fwd ON g.succeeds_goal_id = fwd.id WHERE fwd.depth < 30
    )
    SELECT id, depth FROM back UNION SELECT id, depth FROM fwd ORDER BY depth`)) as unknown as {
    rows: { id: string; depth: number }[];
  };
  const ids = rows.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const found = await selectGoals(db).where(
    and(eq(goals.tenantId, ctx.tenantId), inArray(goals.id, ids)),
  );
  const order = new Map(rows.rows.map((r) => [r.id, Number(r.depth)]));
  return (await views(db, ctx, found)).sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}
