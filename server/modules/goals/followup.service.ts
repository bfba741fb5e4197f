import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { suggestAssessment, type Assessment } from '../../../domain/goals/assessment.js';
import {
  boardDigitalisationStatus,
  goalFlags,
  indicatorFlags,
  isOverdue,
  levelLabel,
  missingForQuantitative,
  type GoalFlag,
} from '../../../domain/goals/flags.js';
import {
  AssessmentSave,
  IndicatorInput,
  IndicatorUpdate,
  OutcomeSave,
} from '../../../domain/goals/goal.js';
import { periodsOf, yearOf, type PeriodKind } from '../../../domain/goals/periods.js';
import { conflict, invalid, type FieldError } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';
import { assertOrgOwned, personName, unitsExistingIn } from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { goalTarget, getGoal, validInYear } from './goals.service.js';
import * as reads from './reads.js';
import { FOLLOW_UP_BODY_KINDS } from './reads.js';
import { assessments, goalParents, goals, indicators, outcomes } from './tables.js';

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

/**
 * A quantitative indicator names its unit and its data source (DOMAIN.md, Goals), on create and
 * on every update: one saved before the rule stays readable (flagged no_unit/no_data_source), and
 * the first change to it must supply what is missing. Checked after authorisation, on the
 * indicator as it would be saved.
 */
function assertQuantitativeComplete(i: Parameters<typeof missingForQuantitative>[0]) {
  const errors: FieldError[] = missingForQuantitative(i).map((field) => ({
    path: field,
    key: field === 'unit' ? 'goals.unitRequired' : 'goals.dataSourceRequired',
  }));
  if (errors.length) throw invalid('errors.validation', errors);
}

export async function createIndicator(db: Db, ctx: Ctx, raw: z.input<typeof IndicatorInput>) {
  const input = parseInput(IndicatorInput, raw, ctx.lang);
  const goal = await getGoal(db, ctx, input.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  assertQuantitativeComplete(input);
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
  assertQuantitativeComplete({
    kind: before.kind,
    unit: changes.unit === undefined ? before.unit : changes.unit,
    dataSource: changes.dataSource === undefined ? before.dataSource : changes.dataSource,
    dataSourceText:
      changes.dataSourceText === undefined ? before.dataSourceText : changes.dataSourceText,
  });
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

/** Outcomes of these indicators; a judged one's with the label of its scale level. */
export async function listOutcomes(db: Db, ctx: Ctx, filter: { indicatorIds: string[] }) {
  authorize(ctx, 'org.read');
  if (filter.indicatorIds.length === 0) return [];
  const rows = await db
    .select({
      outcome: outcomes,
      updatedByName: byName,
      kind: indicators.kind,
      scale: indicators.scale,
    })
    .from(outcomes)
    .innerJoin(indicators, eq(indicators.id, outcomes.indicatorId))
    .where(
      and(eq(outcomes.tenantId, ctx.tenantId), inArray(outcomes.indicatorId, filter.indicatorIds)),
    )
    .orderBy(asc(outcomes.periodKey));
  return rows.map(({ kind, scale, ...r }) => ({
    ...r,
    levelLabel: levelLabel({ kind, scale }, r.outcome.value),
  }));
}

/**
 * What an outcome must carry: a quantitative indicator's is a number, and only once the indicator
 * names its unit and data source; a judged one's is a level on its scale (when it has one).
 */
function outcomeIssues(
  indicator: typeof indicators.$inferSelect,
  value: number | null | undefined,
): FieldError[] {
  if (indicator.kind === 'quantitative') {
    if (missingForQuantitative(indicator).length)
      return [{ path: 'indicatorId', key: 'goals.indicatorIncomplete' }];
    return value == null ? [{ path: 'value', key: 'goals.valueRequired' }] : [];
  }
  if (!indicator.scale.length) return [];
  if (value == null) return [{ path: 'value', key: 'goals.levelRequired' }];
  return indicator.scale.some((l) => l.level === value)
    ? []
    : [{ path: 'value', key: 'goals.notOnScale' }];
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
  const issues = outcomeIssues(indicator, input.value);
  if (issues.length) throw invalid('errors.validation', issues);
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

/**
 * A person confirms the suggestion, or overrides it and says why. A draft may be saved without a
 * justification or a reason for the override; only a final assessment counts in the follow-up
 * and the board's report, and it needs both.
 */
export async function recordAssessment(db: Db, ctx: Ctx, raw: z.input<typeof AssessmentSave>) {
  const input = parseInput(AssessmentSave, raw, ctx.lang);
  const goal = await getGoal(db, ctx, input.goalId);
  authorize(ctx, 'goals.edit', await goalTarget(db, ctx, goal.ownerUnitId));
  const suggestion = await suggestionFor(db, ctx, input.goalId, input.periodKey);
  const overrides = suggestion.assessment !== null && suggestion.assessment !== input.assessment;
  if (overrides && input.status === 'final' && !input.overrideReason)
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
    status: input.status,
    suggested: suggestion.assessment,
    justification: input.justification || null,
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

/**
 * A period's cell: its final assessment, a draft if there is only one, whether the assessment is
 * overdue, and how many indicators lack an outcome after the period ended.
 */
export type FollowUpCell = {
  periodKey: string;
  assessment: Assessment | null;
  draft: Assessment | null;
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
    flags: GoalFlag[];
    cells: FollowUpCell[];
  }[];
};

/**
 * Boards × their goals × the year's periods: the matrix auditors ask for. Only the bodies that
 * existed in the year are listed. A board's goals count as digitalisation goals by the tag
 * "digitalisering"; with `tag` empty every goal is shown. Focus areas and strategic plans come
 * after the goals, are never overdue and never flagged for indicators. Only final assessments
 * fill a cell; a draft is shown as a draft and leaves the period overdue.
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
    await unitsExistingIn(db, ctx, FOLLOW_UP_BODY_KINDS, {
      from: `${q.year}-01-01`,
      to: `${q.year}-12-31`,
    })
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
    .orderBy(sql`${goals.form} <> 'goal'`, asc(goals.level), asc(goals.title));
  const goalIds = goalRows.map((g) => g.id);
  const indRows = goalIds.length
    ? await db
        .select({
          id: indicators.id,
          goalId: indicators.goalId,
          kind: indicators.kind,
          targets: indicators.targets,
        })
        .from(indicators)
        .where(inArray(indicators.goalId, goalIds))
    : [];
  // An impact goal is measured through the goals beneath it that have indicators.
  const children = goalIds.length
    ? await db
        .select({ goalId: goalParents.goalId, parentGoalId: goalParents.parentGoalId })
        .from(goalParents)
        .innerJoin(goals, eq(goals.id, goalParents.goalId))
        .where(
          and(
            inArray(goalParents.parentGoalId, goalIds),
            eq(goals.form, 'goal'),
            isNull(goals.archivedAt),
            sql`EXISTS (SELECT 1 FROM indicators ci WHERE ci.goal_id = ${goals.id})`,
          ),
        )
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
          status: assessments.status,
        })
        .from(assessments)
        .where(and(inArray(assessments.goalId, goalIds), inArray(assessments.periodKey, periods)))
    : [];
  const assessed = new Map(assessRows.map((a) => [`${a.goalId}|${a.periodKey}`, a]));
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
          indicatorsMissingTarget: inds.filter(
            (i) => i.kind === 'quantitative' && !i.targets.some((t) => t.year === q.year),
          ).length,
          flags: goalFlags({
            form: g.form,
            level: g.level,
            indicatorCount: inds.length,
            measuredThroughGoalIds: children
              .filter((c) => c.parentGoalId === g.id)
              .map((c) => c.goalId),
          }),
          cells: periods.map((p) => {
            const a = assessed.get(`${g.id}|${p}`);
            const final = a?.status === 'final' ? (a.assessment as Assessment) : null;
            const missingOutcomes = inds.filter((i) =>
              isOverdue(p, today, hasOutcome.has(`${i.id}|${p}`)),
            ).length;
            return {
              periodKey: p,
              assessment: final,
              draft: a && a.status === 'draft' ? (a.assessment as Assessment) : null,
              overdue: g.form === 'goal' && isOverdue(p, today, final !== null),
              missingOutcomes,
            };
          }),
        };
      }),
    };
  });
  return { year: q.year, periods, rows };
}

/** The year's goal counts per body and the gaps, each with its records (GET /api/goal-counts). */
export async function goalEvidence(db: Db, ctx: Ctx, year: number) {
  authorize(ctx, 'org.read');
  const q = { year };
  return {
    year,
    bodies: await reads.goalCounts(db, ctx, q),
    gaps: {
      goalsWithoutIndicator: await reads.goalsWithoutIndicator(db, ctx, q),
      indicatorsWithoutUnit: await reads.indicatorsWithoutUnit(db, ctx, q),
      indicatorsWithoutDataSource: await reads.indicatorsWithoutDataSource(db, ctx, q),
      goalsWithExpiredDocument: await reads.goalsWithExpiredDocument(db, ctx, {
        ...q,
        today: todayOf(ctx.now),
      }),
      draftAssessments: await reads.draftAssessments(db, ctx, q),
    },
  };
}
