import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { countGoals, type GoalCounts } from '../../../domain/goals/counts.js';
import { goalFlags, missingForQuantitative } from '../../../domain/goals/flags.js';
import { BODY_KINDS } from '../../../domain/organization/unit.js';
import { evidenceOf, type Evidence } from '../../../domain/shared/evidence.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { documentsServingGoals } from '../documents/index.js';
import { unitsExistingIn } from '../organization/index.js';
import { assessments, goalParents, goals, indicators } from './tables.js';

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

// ---------------------------------------------------------------- counts with their records

/** The bodies whose goals are followed up and counted: boards and the like, not working committees. */
export const FOLLOW_UP_BODY_KINDS = BODY_KINDS.filter((k) => k !== 'working_committee');

type YearScope = { year: number; ownerUnitId?: string | undefined };

/** The live goals valid in the year (of one owner if given), their indicators and measured children. */
async function goalsOfYear(db: Db | Tx, ctx: Pick<Ctx, 'tenantId'>, q: YearScope) {
  const rows = await db
    .select({
      id: goals.id,
      title: goals.title,
      form: goals.form,
      level: goals.level,
      tags: goals.tags,
      ownerUnitId: goals.ownerUnitId,
    })
    .from(goals)
    .where(
      and(
        eq(goals.tenantId, ctx.tenantId),
        isNull(goals.archivedAt),
        lte(goals.validFrom, `${q.year}-12-31`),
        or(isNull(goals.validTo), gte(goals.validTo, `${q.year}-01-01`)),
        q.ownerUnitId ? eq(goals.ownerUnitId, q.ownerUnitId) : undefined,
      ),
    )
    .orderBy(asc(goals.title));
  const ids = rows.map((g) => g.id);
  const inds = ids.length
    ? await db
        .select({
          id: indicators.id,
          goalId: indicators.goalId,
          name: indicators.name,
          kind: indicators.kind,
          unit: indicators.unit,
          dataSource: indicators.dataSource,
          dataSourceText: indicators.dataSourceText,
          measuresDigitalisation: indicators.measuresDigitalisation,
        })
        .from(indicators)
        .where(inArray(indicators.goalId, ids))
        .orderBy(asc(indicators.name))
    : [];
  const hasIndicator = new Set(inds.map((i) => i.goalId));
  const links = ids.length
    ? await db
        .select({ goalId: goalParents.goalId, parentGoalId: goalParents.parentGoalId })
        .from(goalParents)
        .innerJoin(goals, eq(goals.id, goalParents.goalId))
        .where(
          and(
            inArray(goalParents.parentGoalId, ids),
            eq(goals.form, 'goal'),
            isNull(goals.archivedAt),
            sql`EXISTS (SELECT 1 FROM indicators ci WHERE ci.goal_id = ${goals.id})`,
          ),
        )
    : [];
  return {
    goals: rows.map((g) => ({
      ...g,
      indicatorCount: inds.filter((i) => i.goalId === g.id).length,
      measuredThroughGoalIds: links.filter((l) => l.parentGoalId === g.id).map((l) => l.goalId),
    })),
    indicators: inds,
    hasIndicator,
  };
}

export type BodyGoalCounts = {
  bodyId: string;
  bodyName: string;
  year: number;
} & GoalCounts;

/**
 * Per body that existed in the year: its goals (focus areas and strategic plans apart, never
 * counted as goals), its digitalisation goals, and those with an indicator that measures
 * digitalisation; each count with the goals behind it.
 */
export async function goalCounts(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: { year: number },
): Promise<BodyGoalCounts[]> {
  const bodies = await unitsExistingIn(db, ctx, FOLLOW_UP_BODY_KINDS, {
    from: `${q.year}-01-01`,
    to: `${q.year}-12-31`,
  });
  const { goals: all, indicators: inds } = await goalsOfYear(db, ctx, q);
  return bodies.map((b) => ({
    bodyId: b.id,
    bodyName: b.name,
    year: q.year,
    ...countGoals(
      all.filter((g) => g.ownerUnitId === b.id),
      inds,
    ),
  }));
}

/** Goals proper valid in the year without an indicator (an impact goal measured through its result goals is not one). */
export async function goalsWithoutIndicator(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: YearScope,
): Promise<Evidence> {
  const { goals: all } = await goalsOfYear(db, ctx, q);
  return evidenceOf(
    all
      .filter((g) => goalFlags(g).includes('no_indicator'))
      .map((g) => ({ entity: 'goal', id: g.id, title: g.title, href: `/mal/${g.id}` })),
  );
}

async function quantitativeMissing(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: YearScope,
  field: 'unit' | 'dataSource',
): Promise<Evidence> {
  const { goals: all, indicators: inds } = await goalsOfYear(db, ctx, q);
  const title = new Map(all.map((g) => [g.id, g.title]));
  return evidenceOf(
    inds
      .filter((i) => missingForQuantitative(i).includes(field))
      .map((i) => ({
        entity: 'indicator',
        id: i.id,
        title: i.name,
        href: `/mal/${i.goalId}`,
        detail: title.get(i.goalId) ?? null,
      })),
  );
}

/** Quantitative indicators (of goals valid in the year) without a unit, with their goals. */
export const indicatorsWithoutUnit = (db: Db | Tx, ctx: Pick<Ctx, 'tenantId'>, q: YearScope) =>
  quantitativeMissing(db, ctx, q, 'unit');

/** Quantitative indicators (of goals valid in the year) without a data source, with their goals. */
export const indicatorsWithoutDataSource = (
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: YearScope,
) => quantitativeMissing(db, ctx, q, 'dataSource');

/** Goals valid in the year served by a steering document past its validity on `today`. */
export async function goalsWithExpiredDocument(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: YearScope & { today: string },
): Promise<Evidence> {
  const { goals: all } = await goalsOfYear(db, ctx, q);
  const docs = await documentsServingGoals(
    db,
    ctx,
    all.map((g) => g.id),
    q.today,
  );
  return evidenceOf(
    all.flatMap((g) => {
      const expired = (docs.get(g.id) ?? []).filter((d) => d.expired);
      return expired.length
        ? [
            {
              entity: 'goal',
              id: g.id,
              title: g.title,
              href: `/mal/${g.id}`,
              detail: expired.map((d) => `${d.title} (${d.validTo})`).join(', '),
            },
          ]
        : [];
    }),
  );
}

/** Assessments of the year's periods still saved as drafts: not yet in any report. */
export async function draftAssessments(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  q: YearScope,
): Promise<Evidence> {
  const rows = await db
    .select({
      id: assessments.id,
      goalId: goals.id,
      title: goals.title,
      period: assessments.periodKey,
    })
    .from(assessments)
    .innerJoin(goals, eq(goals.id, assessments.goalId))
    .where(
      and(
        eq(assessments.tenantId, ctx.tenantId),
        eq(assessments.status, 'draft'),
        isNull(goals.archivedAt),
        sql`${assessments.periodKey} LIKE ${`${q.year}-%`}`,
        q.ownerUnitId ? eq(goals.ownerUnitId, q.ownerUnitId) : undefined,
      ),
    )
    .orderBy(asc(goals.title), asc(assessments.periodKey));
  return evidenceOf(
    rows.map((r) => ({
      entity: 'assessment',
      id: r.id,
      title: r.title,
      href: `/mal/${r.goalId}`,
      detail: r.period,
    })),
  );
}
