import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { tenants } from '../../platform/tables.js';
import { orgUnits } from '../organization/tables.js';

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    form: text('form').notNull().default('goal'),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    text: text('text'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    adoptedByDecisionId: uuid('adopted_by_decision_id'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    succeedsGoalId: uuid('succeeds_goal_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index('goals_tenant_owner_idx').on(t.tenantId, t.ownerUnitId, t.validFrom),
    index('goals_succeeds_idx').on(t.succeedsGoalId),
    check('goals_level_ck', sql`${t.level} IN ('impact','result','sub')`),
    check('goals_form_ck', sql`${t.form} IN ('goal','focus_area','strategic_plan')`),
    check('goals_valid_ck', sql`${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`),
  ],
);

/** A result goal serves one or more impact goals (and a sub-goal its result goal). */
export const goalParents = pgTable(
  'goal_parents',
  {
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    parentGoalId: uuid('parent_goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.parentGoalId] }),
    index('goal_parents_parent_idx').on(t.parentGoalId),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    unit: text('unit'),
    direction: text('direction'),
    baseline: doublePrecision('baseline'),
    baselineOn: date('baseline_on'),
    targets: jsonb('targets').$type<{ year: number; value: number }[]>().notNull().default([]),
    scale: jsonb('scale')
      .$type<{ level: number; label: string; criteria?: string | null }[]>()
      .notNull()
      .default([]),
    dataSource: text('data_source'),
    dataSourceText: text('data_source_text'),
    /** Whether the indicator measures digitalisation (apart from its goal's tag). */
    measuresDigitalisation: boolean('measures_digitalisation').notNull().default(false),
    ...stamps(),
  },
  (t) => [
    index('indicators_goal_idx').on(t.goalId),
    check('indicators_kind_ck', sql`${t.kind} IN ('quantitative','qualitative')`),
  ],
);

/** One outcome per indicator, period and (optionally) unit. */
export const outcomes = pgTable(
  'outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    unitId: uuid('unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    value: doublePrecision('value'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [unique('outcomes_unique').on(t.indicatorId, t.periodKey, t.unitId).nullsNotDistinct()],
);

export const assessments = pgTable(
  'goal_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    assessment: text('assessment').notNull(),
    /** draft (may lack a justification, not counted in reports) or final. */
    status: text('status').notNull().default('final'),
    suggested: text('suggested'),
    justification: text('justification'),
    overrideReason: text('override_reason'),
    indicatorIds: jsonb('indicator_ids').$type<string[]>().notNull().default([]),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('goal_assessments_unique_idx').on(t.goalId, t.periodKey),
    check('goal_assessments_value_ck', sql`${t.assessment} IN ('met','partly','notMet')`),
    check('goal_assessments_status_ck', sql`${t.status} IN ('draft','final')`),
    check(
      'goal_assessments_final_justified_ck',
      sql`${t.status} = 'draft' OR coalesce(btrim(${t.justification}), '') <> ''`,
    ),
  ],
);
