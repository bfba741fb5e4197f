import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { tenants } from '../../platform/tables.js';
import { steeringDocuments } from '../documents/tables.js';
import { decisions, forums, orgUnits, persons } from '../organization/tables.js';

/** An initiative of the portfolio: one row, its phase, and what it costs, risks and scores. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    need: text('need'),
    category: text('category').notNull(),
    workKind: text('work_kind').notNull().default('digitalisation'),
    phase: text('phase').notNull().default('idea'),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    affectedUnitIds: jsonb('affected_unit_ids').$type<string[]>().notNull().default([]),
    goalIds: jsonb('goal_ids').$type<string[]>().notNull().default([]),
    strategicAreas: jsonb('strategic_areas').$type<string[]>().notNull().default([]),
    systemIds: jsonb('system_ids').$type<string[]>().notNull().default([]),
    dependsOnIds: jsonb('depends_on_ids').$type<string[]>().notNull().default([]),
    decisionIds: jsonb('decision_ids').$type<string[]>().notNull().default([]),
    documentIds: jsonb('document_ids').$type<string[]>().notNull().default([]),
    preparedByForumId: uuid('prepared_by_forum_id').references(() => forums.id, {
      onDelete: 'set null',
    }),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    routingExceptionDecisionId: uuid('routing_exception_decision_id').references(
      () => decisions.id,
      { onDelete: 'set null' },
    ),
    startOn: date('start_on'),
    endOn: date('end_on'),
    lessonsLearned: text('lessons_learned'),
    investment: jsonb('investment')
      .$type<{ year: number; amount: number }[]>()
      .notNull()
      .default([]),
    operatingCostPerYear: doublePrecision('operating_cost_per_year'),
    payerUnitId: uuid('payer_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    costSplit: jsonb('cost_split')
      .$type<{ unitId: string; percent: number }[]>()
      .notNull()
      .default([]),
    resourceNeed: jsonb('resource_need')
      .$type<{ competence: string; quarter: string; hours: number }[]>()
      .notNull()
      .default([]),
    risks: jsonb('risks')
      .$type<
        {
          title: string;
          probability: number;
          consequence: number;
          mitigation?: string | null;
          ownerPersonId?: string | null;
        }[]
      >()
      .notNull()
      .default([]),
    scores: jsonb('scores')
      .$type<{ criterion: string; score: number; justification?: string | null }[]>()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [
    index('initiatives_tenant_idx').on(t.tenantId, t.phase),
    index('initiatives_owner_idx').on(t.ownerUnitId),
    index('initiatives_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    check(
      'initiatives_phase_ck',
      sql`${t.phase} IN ('idea','preparation','decided','running','paused','cancelled','closed','in_operation')`,
    ),
  ],
);

/** Every move between phases: from, to, who, when and why. */
export const initiativeTransitions = pgTable(
  'initiative_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    fromPhase: text('from_phase').notNull(),
    toPhase: text('to_phase').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byPersonId: uuid('by_person_id'),
    byName: text('by_name'),
  },
  (t) => [index('initiative_transitions_idx').on(t.initiativeId, t.at)],
);

/** An expected benefit (förväntad effekt) and its measurements, which go on after the initiative closes. */
export const benefits = pgTable(
  'benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    measure: text('measure').notNull(),
    unit: text('unit'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    targetDate: date('target_date'),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    cadenceMonths: integer('cadence_months'),
    measurements: jsonb('measurements')
      .$type<{ on: string; value: number; comment?: string | null }[]>()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [index('benefits_initiative_idx').on(t.initiativeId)],
);

/** A roadmap version: a named snapshot of a unit's (or, without a unit, the region's) initiatives on a timeline. */
export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    fromYear: integer('from_year').notNull(),
    horizonYears: integer('horizon_years').notNull(),
    items: jsonb('items')
      .$type<
        {
          initiativeId: string;
          title: string;
          phase: string;
          startOn: string | null;
          endOn: string | null;
          unitId: string | null;
        }[]
      >()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [index('roadmaps_tenant_idx').on(t.tenantId, t.unitId, t.createdAt)],
);

/**
 * A top list ("de 10 viktigaste", any length): several per tenant, each named, for a year, with
 * the decision that adopted it and its planned follow-ups. `initiativeIds` is the ranked list;
 * `entryEffects` what each entry is expected to bring (text and links to its benefits).
 */
export const topLists = pgTable(
  'top_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    // The defaults only carry the one unnamed list that existed before lists had names (the
    // migration names it for its year); the input schema requires both.
    name: text('name').notNull().default('De viktigaste initiativen'),
    year: integer('year')
      .notNull()
      .default(sql`(extract(year from now()))::integer`),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    followUpsPerYear: integer('follow_ups_per_year'),
    cadenceDocumentId: uuid('cadence_document_id').references(() => steeringDocuments.id, {
      onDelete: 'set null',
    }),
    initiativeIds: jsonb('initiative_ids').$type<string[]>().notNull().default([]),
    entryEffects: jsonb('entry_effects')
      .$type<Record<string, { expectedEffects: string | null; benefitIds: string[] }>>()
      .notNull()
      .default({}),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('top_lists_name_uq').on(t.tenantId, t.year, sql`lower(${t.name})`),
    check(
      'top_lists_follow_ups_ck',
      sql`${t.followUpsPerYear} IS NULL OR ${t.followUpsPerYear} BETWEEN 1 AND 52`,
    ),
  ],
);

/**
 * A follow-up of a top list by region management: per entry its status (pågående, pausad,
 * avslutad; none recorded is "status saknas"), how far its effects are reached, a comment.
 * `listId` is set on every follow-up (the migration assigns the earlier ones to their list and
 * makes the column NOT NULL in the database).
 */
export const topFollowUps = pgTable(
  'top_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    listId: uuid('list_id').references(() => topLists.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    forum: text('forum'),
    entries: jsonb('entries')
      .$type<
        {
          initiativeId: string;
          status?: 'ongoing' | 'paused' | 'closed' | null;
          effects?: 'not_started' | 'partly' | 'fully' | null;
          effectsReached?: number | null;
          comment?: string | null;
        }[]
      >()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [
    index('top_follow_ups_tenant_idx').on(t.tenantId, t.heldOn),
    index('top_follow_ups_list_idx').on(t.listId, t.heldOn),
  ],
);

/** A prioritisation round for a forum: the ranking it was based on, what Styrbord proposed, and what the forum decided. */
export const prioritisationRounds = pgTable(
  'prioritisation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    forumId: uuid('forum_id').references(() => forums.id, { onDelete: 'set null' }),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    budget: doublePrecision('budget').notNull(),
    hours: doublePrecision('hours').notNull(),
    ranking: jsonb('ranking')
      .$type<{ id: string; title: string; score: number; cost: number; hours: number }[]>()
      .notNull()
      .default([]),
    proposedIds: jsonb('proposed_ids').$type<string[]>().notNull().default([]),
    decidedIds: jsonb('decided_ids').$type<string[] | null>(),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    ...stamps(),
  },
  (t) => [index('prioritisation_rounds_tenant_idx').on(t.tenantId, t.createdAt)],
);
