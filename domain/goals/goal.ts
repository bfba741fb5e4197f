import { z } from 'zod';
import { Id, IsoDate, ListQuery, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';
import { ASSESSMENTS } from './assessment.js';
import { PERIOD_KEY } from './periods.js';

/** effektmål (assembly, term of office) → resultatmål (board, year) → the board's own sub-goals. */
export const GOAL_LEVELS = ['impact', 'result', 'sub'] as const;
/**
 * Where digitalisation sits: a goal proper, or only a focus area or a strategic plan
 * (auditors judge those "Delvis").
 */
export const GOAL_FORMS = ['goal', 'focus_area', 'strategic_plan'] as const;

const GoalFields = {
  level: z.enum(GOAL_LEVELS),
  form: z.enum(GOAL_FORMS).default('goal'),
  ownerUnitId: Id,
  title: RequiredText(300),
  text: OptionalText(8000),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  adoptedByDecisionId: Id.nullable().optional(),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).default([]),
  parentGoalIds: z.array(Id).max(20).default([]),
  succeedsGoalId: Id.nullable().optional(),
};
const validOrder = (g: { validFrom?: string; validTo?: string | null }) =>
  !g.validFrom || !g.validTo || g.validFrom <= g.validTo;
export const GoalInput = z
  .object(GoalFields)
  .strict()
  .refine(validOrder, { path: ['validTo'], message: 'goals.validToBeforeFrom' });
export const GoalUpdate = z
  .object({
    version: z.number().int().min(1),
    level: z.enum(GOAL_LEVELS).optional(),
    form: z.enum(GOAL_FORMS).optional(),
    ownerUnitId: Id.optional(),
    title: RequiredText(300).optional(),
    text: OptionalText(8000),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.nullable().optional(),
    adoptedByDecisionId: Id.nullable().optional(),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).optional(),
    parentGoalIds: z.array(Id).max(20).optional(),
    succeedsGoalId: Id.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .strict();

/**
 * no_indicator: a goal proper (not a focus area or plan) with no indicator of its own and, for an
 * impact goal, no result goal beneath it that has one. document_expired: a steering document that
 * serves the goal is past its validity.
 */
export const GOAL_FLAGS = ['no_indicator', 'document_expired'] as const;
/** A steering document that serves the goal, as the documents context publishes it. */
export const GoalDocument = z.object({
  id: Id,
  title: z.string(),
  type: z.string(),
  state: z.string(),
  validTo: z.string().nullable(),
  expired: z.boolean(),
});
export const Goal = Stamps.extend({
  id: Id,
  level: z.enum(GOAL_LEVELS),
  form: z.enum(GOAL_FORMS),
  ownerUnitId: Id,
  ownerUnitName: z.string(),
  title: z.string(),
  text: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  adoptedByDecisionId: Id.nullable(),
  adoptedByReference: z.string().nullable(),
  tags: z.array(z.string()),
  parentGoalIds: z.array(Id),
  succeedsGoalId: Id.nullable(),
  archivedAt: z.string().nullable(),
  indicatorCount: z.number().int(),
  /** The goals beneath this one that have indicators (an impact goal is measured through them). */
  measuredThroughGoalIds: z.array(Id),
  documents: z.array(GoalDocument),
  flags: z.array(z.enum(GOAL_FLAGS)),
});
export type Goal = z.infer<typeof Goal>;

export const GoalListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  ownerUnitId: Id.optional(),
  level: z.enum(GOAL_LEVELS).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  includeArchived: z.stringbool().default(false),
});

// ---------------------------------------------------------------- indicators

export const INDICATOR_KINDS = ['quantitative', 'qualitative'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;
export const DATA_SOURCES = [
  'statistics',
  'survey',
  'quality_register',
  'system',
  'judgement',
  'other',
] as const;

export const Target = z
  .object({ year: z.number().int().min(1990).max(2100), value: z.number().finite() })
  .strict();
export const ScaleLevel = z
  .object({
    level: z.number().int().min(0).max(10),
    label: RequiredText(100),
    criteria: OptionalText(1000),
  })
  .strict();

const IndicatorFields = {
  goalId: Id,
  name: RequiredText(300),
  kind: z.enum(INDICATOR_KINDS),
  description: OptionalText(4000),
  unit: OptionalText(40),
  direction: z.enum(DIRECTIONS).nullable().optional(),
  baseline: z.number().finite().nullable().optional(),
  baselineOn: IsoDate.nullable().optional(),
  targets: z.array(Target).max(30).default([]),
  scale: z.array(ScaleLevel).max(11).default([]),
  dataSource: z.enum(DATA_SOURCES).nullable().optional(),
  dataSourceText: OptionalText(300),
  /** Whether the indicator measures digitalisation, apart from the goal's tag (a digitalisation goal's telephone waiting times do not). */
  measuresDigitalisation: z.boolean().default(false),
};
const uniqueYears = (i: { targets?: { year: number }[] }) =>
  new Set((i.targets ?? []).map((t) => t.year)).size === (i.targets ?? []).length;
export const IndicatorInput = z
  .object(IndicatorFields)
  .strict()
  .refine(uniqueYears, { path: ['targets'], message: 'goals.targetYearTwice' });
export const IndicatorUpdate = z
  .object({
    version: z.number().int().min(1),
    name: RequiredText(300).optional(),
    description: OptionalText(4000),
    unit: OptionalText(40),
    direction: z.enum(DIRECTIONS).nullable().optional(),
    baseline: z.number().finite().nullable().optional(),
    baselineOn: IsoDate.nullable().optional(),
    targets: z.array(Target).max(30).optional(),
    scale: z.array(ScaleLevel).max(11).optional(),
    dataSource: z.enum(DATA_SOURCES).nullable().optional(),
    dataSourceText: OptionalText(300),
    measuresDigitalisation: z.boolean().optional(),
  })
  .strict()
  .refine(uniqueYears, { path: ['targets'], message: 'goals.targetYearTwice' });

/** no_unit and no_data_source only on indicators saved before quantitative ones required them. */
export const INDICATOR_FLAGS = ['no_baseline', 'no_target', 'no_unit', 'no_data_source'] as const;
export const Indicator = Stamps.extend({
  id: Id,
  goalId: Id,
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  baseline: z.number().nullable(),
  baselineOn: z.string().nullable(),
  targets: z.array(Target),
  scale: z.array(ScaleLevel),
  dataSource: z.enum(DATA_SOURCES).nullable(),
  dataSourceText: z.string().nullable(),
  measuresDigitalisation: z.boolean(),
  flags: z.array(z.enum(INDICATOR_FLAGS)),
});
export type Indicator = z.infer<typeof Indicator>;

// ---------------------------------------------------------------- outcomes and assessments

export const PeriodKey = z.string().regex(PERIOD_KEY, 'goals.periodFormat');
export const OutcomeInput = z
  .object({
    indicatorId: Id,
    periodKey: PeriodKey,
    unitId: Id.nullable().optional(),
    value: z.number().finite().nullable().optional(),
    comment: OptionalText(4000),
  })
  .strict();
/** Recording an outcome: a first entry, or with `version` a change to the one already there. */
export const OutcomeSave = OutcomeInput.extend({ version: z.number().int().min(1).optional() });
export const Outcome = z.object({
  id: Id,
  indicatorId: Id,
  periodKey: z.string(),
  unitId: Id.nullable(),
  value: z.number().nullable(),
  /** A judged indicator's outcome: the label of its scale level ("Rutin beslutad"), else null. */
  levelLabel: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});

/** A draft may be saved without a justification; only a final assessment counts in reports. */
export const ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export const AssessmentValue = z.enum(ASSESSMENTS);
export const AssessmentInput = z
  .object({
    goalId: Id,
    periodKey: PeriodKey,
    assessment: AssessmentValue,
    status: z.enum(ASSESSMENT_STATUSES).default('final'),
    justification: OptionalText(8000),
    indicatorIds: z.array(Id).max(50).default([]),
    overrideReason: OptionalText(4000),
  })
  .strict();
const justifiedWhenFinal = (a: { status?: string; justification?: string | null }) =>
  a.status === 'draft' || Boolean(a.justification);
/** Assessing a goal for a period: a first assessment, or with `version` a change to it. */
export const AssessmentSave = AssessmentInput.extend({
  version: z.number().int().min(1).optional(),
}).refine(justifiedWhenFinal, { path: ['justification'], message: 'goals.justificationRequired' });
export const GoalAssessment = z.object({
  id: Id,
  goalId: Id,
  periodKey: z.string(),
  assessment: AssessmentValue,
  status: z.enum(ASSESSMENT_STATUSES),
  suggested: AssessmentValue.nullable(),
  justification: z.string().nullable(),
  overrideReason: z.string().nullable(),
  indicatorIds: z.array(Id),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
