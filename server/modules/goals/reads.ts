import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { goals } from './tables.js';

/** The read queries other contexts may use (documents and initiatives link to goals). */

/** Every id names a goal of the tenant; else NotFound (`entity.goal`). */
export async function assertGoalsOwned(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
) {
  await assertAllOwned(db, goals, ctx, ids, 'goal');
}

/** A goal as another context shows it: its level, form and the goals above it. */
export type GoalSummary = {
  id: string;
  title: string;
  level: string;
  form: string;
  ownerUnitId: string;
  parentGoalIds: string[];
};

/** The tenant's goals of these ids (archived ones included: a link stays readable), by title. */
export async function goalsByIds(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly string[],
): Promise<GoalSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: goals.id,
      title: goals.title,
      level: goals.level,
      form: goals.form,
      ownerUnitId: goals.ownerUnitId,
      parentGoalIds: sql<
        string[]
      >`coalesce((SELECT json_agg(gp.parent_goal_id) FROM goal_parents gp WHERE gp.goal_id = "goals"."id"), '[]'::json)`,
    })
    .from(goals)
    .where(and(eq(goals.tenantId, ctx.tenantId), inArray(goals.id, [...new Set(ids)])))
    .orderBy(asc(goals.title));
}
