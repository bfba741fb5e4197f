import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { suggestAssessment, type Assessment } from '../../../domain/goals/assessment.js';
import {
  boardDigitalisationStatus,
  indicatorFlags,
  isOverdue,
} from '../../../domain/goals/flags.js';
import {
  AssessmentSave,
  IndicatorInput,
  IndicatorUpdate,
  OutcomeSave,
} from '../../../domain/goals/goal.js';
import { periodsOf, yearOf, type PeriodKind } from '../../../domain/goals/periods.js';
import { BODY_KINDS } from '../../../domain/organization/unit.js';
import { conflict, invalid } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';
import { assertOrgOwned, personName, unitsOfKinds } from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { goalTarget, getGoal, validInYear } from './goals.service.js';
import { assessments, goals, indicators, outcomes } from './tables.js';

export async function followUpPeriodKinds(db: Db, tenantId: string): Promise<PeriodKind[]> {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return t?.settings.followUpPeriods?.length ? t.settings.followUpPeriods : ['interim', 'annual'];
}

// ---------------------------------------------------------------- indicators

export const withIndicatorFlags = (i: typeof indicators.$inferSelect) => ({
  ...i,
  flags: indicatorFlags(i),
});

export async function listIndicators(db: Db, ctx: Ctx, goalId: string) {
  await getGoal(db, ctx, goalId);
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.goalId, goalId)))
    .orderBy(asc(indicators.name));
  return rows.map(withIndicatorFlags);
}

export async function createIndicator(db: Db, ctx: Ctx, raw: z.infer<typeof IndicatorInput>) {
  const input = parseInput(IndicatorInput, raw, ctx.lang);
  const goal = await getGoal(db, ctx, input.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, indicators, input, { entity: 'indicator' });
    return withIndicatorFlags(row);
  });
}

export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof IndicatorUpdate>,
) {
  const input = parseInput(IndicatorUpdate, raw, ctx.lang);
  const before = await findOwned(db, indicators, ctx, id, 'indicator');
  const goal = await getGoal(db, ctx, before.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const after = await updateAudited(tx, ctx, indicators, id, version, changes, {
      entity: 'indicator',
      before,
    });
    return withIndicatorFlags(after);
  });
}

// ---------------------------------------------------------------- outcomes

const byName = personName(outcomes.updatedBy);

export async function listOutcomes(db: Db, ctx: Ctx, filter: { indicatorIds: string[] }) {
  authorize(ctx, 'org.read');
  if (filter.indicatorIds.length === 0) return [];
  return db
    .select({ outcome: outcomes, updatedByName: byName })
    .from(outcomes)
    .where(
      and(eq(outcomes.tenantId, ctx.tenantId), inArray(outcomes.indicatorId, filter.indicatorIds)),
    )
    .orderBy(asc(outcomes.periodKey));
}

/**
 * Records an indicator's outcome for a period (and unit). A first entry is an insert; changing an
 * existing one names the version read, so two people entering the same period never overwrite
 * each other silently. The import saves each row through here too, its events named `action`.
 */
export async function recordOutcome(
  db: Db,
  ctx: Ctx,
  raw: z.input<typeof OutcomeSave>,
  action?: string,
) {
  const input = parseInput(OutcomeSave, raw, ctx.lang);
  const indicator = await findOwned(db, indicators, ctx, input.indicatorId, 'indicator');
  const goal = await getGoal(db, ctx, indicator.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  await assertOrgOwned(db, ctx, 'unit', [input.unitId]);
  if (
    indicator.kind === 'qualitative' &&
    input.value != null &&
    indicator.scale.length &&
    !indicator.scale.some((l) => l.level === input.value)
  ) {
    throw invalid('errors.validation', [{ path: 'value', key: 'goals.notOnScale' }]);
  }
  const [existing] = await db
    .select()
    .from(outcomes)
    .where(
      and(
        eq(outcomes.indicatorId, input.indicatorId),
        eq(outcomes.periodKey, input.periodKey),
        input.unitId ? eq(outcomes.unitId, input.unitId) : isNull(outcomes.unitId),
      ),
    );
  return db.transaction(async (tx) => {
    if (!existing) {
      return createAudited(
        tx,
        ctx,
        outcomes,
        {
          indicatorId: input.indicatorId,
          periodKey: input.periodKey,
          unitId: input.unitId ?? null,
          value: input.value ?? null,
          comment: input.comment ?? null,
        },
        { entity: 'outcome', action: action ?? 'create' },
      );
    }
    return updateAudited(
      tx,
      ctx,
      outcomes,
      existing.id,
      input.version ?? 0,
      { value: input.value ?? null, comment: input.comment ?? null },
      { entity: 'outcome', action: action ?? 'update', before: existing },
    );
  });
}

// ---------------------------------------------------------------- assessments

const assessedBy = personName(assessments.updatedBy);

export async function listAssessments(db: Db, ctx: Ctx, goalId: string) {
  await getGoal(db, ctx, goalId);
  return db
    .select({ assessment: assessments, updatedByName: assessedBy })
    .from(assessments)
    .where(and(eq(assessments.tenantId, ctx.tenantId), eq(assessments.goalId, goalId)))
    .orderBy(asc(assessments.periodKey));
}

/** What the domain rule suggests for a goal in a period, from its indicators' outcomes. */
export async function suggestionFor(db: Db, ctx: Ctx, goalId: string, periodKey: string) {
  const inds = await listIndicators(db, ctx, goalId);
  const outs = await listOutcomes(db, ctx, { indicatorIds: inds.map((i) => i.id) });
  const year = yearOf(periodKey);
  return suggestAssessment(
    inds.map((i) => ({
      id: i.id,
      kind: i.kind as 'quantitative' | 'qualitative',
      direction: (i.direction as 'higher' | 'lower' | null) ?? 'higher',
      baseline: i.baseline,
      target: i.targets.find((t) => t.year === year)?.value ?? null,
    })),
    outs
      .filter((o) => o.outcome.periodKey === periodKey && !o.outcome.unitId)
      .map((o) => ({ indicatorId: o.outcome.indicatorId, value: o.outcome.value })),
  );
}

/** A person confirms the suggestion, or overrides it and says why. */
export async function recordAssessment(db: Db, ctx: Ctx, raw: z.input<typeof AssessmentSave>) {
  const input = parseInput(AssessmentSave, raw, ctx.lang);
  const goal = await getGoal(db, ctx, input.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  const suggestion = await suggestionFor(db, ctx, input.goalId, input.periodKey);
  const overrides = suggestion.assessment !== null && suggestion.assessment !== input.assessment;
  if (overrides && !input.overrideReason)
    throw invalid('errors.validation', [
      { path: 'overrideReason', key: 'goals.overrideReasonRequired' },
    ]);
  const [existing] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.goalId, input.goalId), eq(assessments.periodKey, input.periodKey)));
  if (existing && input.version === undefined) throw conflict('goals.assessmentExists');
  const values = {
    assessment: input.assessment,
    suggested: suggestion.assessment,
    justification: input.justification,
    overrideReason: overrides ? (input.overrideReason ?? null) : null,
    indicatorIds: input.indicatorIds,
  };
  return db.transaction(async (tx) => {
    if (!existing) {
      return createAudited(
        tx,
        ctx,
        assessments,
        { goalId: input.goalId, periodKey: input.periodKey, ...values },
        { entity: 'assessment' },
      );
    }
    return updateAudited(tx, ctx, assessments, existing.id, input.version!, values, {
      entity: 'assessment',
      before: existing,
    });
  });
}

// ---------------------------------------------------------------- the follow-up table

/** A period's cell: its assessment, whether that is overdue, and how many indicators lack an outcome after the period ended. */
export type FollowUpCell = {
  periodKey: string;
  assessment: Assessment | null;
  overdue: boolean;
  missingOutcomes: number;
};
export type FollowUpRow = {
  unitId: string;
  unitName: string;
  status: ReturnType<typeof boardDigitalisationStatus>;
  goals: {
    id: string;
    title: string;
    form: string;
    level: string;
    indicatorCount: number;
    indicatorsMissingTarget: number;
    cells: FollowUpCell[];
  }[];
};

/**
 * Boards × their goals × the year's periods: the matrix auditors ask for. A board's goals count as
 * digitalisation goals by the tag "digitalisering"; with `tag` empty every goal is shown.
 */
export async function followUpTable(
  db: Db,
  ctx: Ctx,
  q: { year: number; tag?: string | undefined },
) {
  authorize(ctx, 'org.read');
  const kinds = await followUpPeriodKinds(db, ctx.tenantId);
  const periods = periodsOf(q.year, kinds);
  const today = todayOf(ctx.now);
  const boards = (
    await unitsOfKinds(
      db,
      ctx,
      BODY_KINDS.filter((k) => k !== 'working_committee'),
      { liveOnly: true },
    )
  ).map((u) => ({ id: u.id, name: u.name }));
  const goalRows = await db
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
        validInYear(q.year),
        q.tag ? sql`${goals.tags} ? ${q.tag}` : undefined,
      ),
    )
    .orderBy(asc(goals.level), asc(goals.title));
  const goalIds = goalRows.map((g) => g.id);
  const indRows = goalIds.length
    ? await db
        .select({ id: indicators.id, goalId: indicators.goalId, targets: indicators.targets })
        .from(indicators)
        .where(inArray(indicators.goalId, goalIds))
    : [];
  const outRows = indRows.length
    ? await db
        .select({ indicatorId: outcomes.indicatorId, periodKey: outcomes.periodKey })
        .from(outcomes)
        .where(
          and(
            inArray(
              outcomes.indicatorId,
              indRows.map((i) => i.id),
            ),
            inArray(outcomes.periodKey, periods),
            isNull(outcomes.unitId),
          ),
        )
    : [];
  const hasOutcome = new Set(outRows.map((o) => `${o.indicatorId}|${o.periodKey}`));
  const assessRows = goalIds.length
    ? await db
        .select({
          goalId: assessments.goalId,
          periodKey: assessments.periodKey,
          assessment: assessments.assessment,
        })
        .from(assessments)
        .where(and(inArray(assessments.goalId, goalIds), inArray(assessments.periodKey, periods)))
    : [];
  const assessed = new Map(
    assessRows.map((a) => [`${a.goalId}|${a.periodKey}`, a.assessment as Assessment]),
  );
  const rows: FollowUpRow[] = boards.map((b) => {
    const own = goalRows.filter((g) => g.ownerUnitId === b.id);
    return {
      unitId: b.id,
      unitName: b.name,
      status: boardDigitalisationStatus(own),
      goals: own.map((g) => {
        const inds = indRows.filter((i) => i.goalId === g.id);
        return {
          id: g.id,
          title: g.title,
          form: g.form,
          level: g.level,
          indicatorCount: inds.length,
          indicatorsMissingTarget: inds.filter((i) => !i.targets.some((t) => t.year === q.year))
            .length,
          cells: periods.map((p) => {
            const a = assessed.get(`${g.id}|${p}`) ?? null;
            const missingOutcomes = inds.filter((i) =>
              isOverdue(p, today, hasOutcome.has(`${i.id}|${p}`)),
            ).length;
            return {
              periodKey: p,
              assessment: a,
              overdue: g.form === 'goal' && isOverdue(p, today, a !== null),
              missingOutcomes,
            };
          }),
        };
      }),
    };
  });
  return { year: q.year, periods, rows };
}
