import type { IndicatorFlag } from '../../../domain/goals/flags.js';
import { iso, stamps } from '../../platform/lists.js';
import type { GoalView } from './goals.service.js';
import type { assessments, indicators, outcomes } from './tables.js';

export const toGoalDto = (g: GoalView) => ({
  ...stamps(g),
  id: g.id,
  level: g.level as never,
  form: g.form as never,
  ownerUnitId: g.ownerUnitId,
  ownerUnitName: g.ownerUnitName,
  title: g.title,
  text: g.text,
  validFrom: g.validFrom,
  validTo: g.validTo,
  adoptedByDecisionId: g.adoptedByDecisionId,
  adoptedByReference: g.adoptedByReference,
  tags: g.tags,
  parentGoalIds: g.parentGoalIds,
  succeedsGoalId: g.succeedsGoalId,
  archivedAt: iso(g.archivedAt),
  indicatorCount: g.indicatorCount,
  measuredThroughGoalIds: g.measuredThroughGoalIds,
  documents: g.documents.map((d) => ({
    id: d.id,
    title: d.title,
    type: d.type,
    state: d.state,
    validTo: d.validTo,
    expired: d.expired,
  })),
  flags: g.flags,
});

export const toIndicatorDto = (i: typeof indicators.$inferSelect & { flags: IndicatorFlag[] }) => ({
  ...stamps(i),
  id: i.id,
  goalId: i.goalId,
  name: i.name,
  kind: i.kind as never,
  description: i.description,
  unit: i.unit,
  direction: i.direction as never,
  baseline: i.baseline,
  baselineOn: i.baselineOn,
  targets: i.targets,
  scale: i.scale.map((l) => ({ level: l.level, label: l.label, criteria: l.criteria ?? null })),
  dataSource: i.dataSource as never,
  dataSourceText: i.dataSourceText,
  measuresDigitalisation: i.measuresDigitalisation,
  flags: i.flags,
});

export const toOutcomeDto = (r: {
  outcome: typeof outcomes.$inferSelect;
  updatedByName: string | null;
  levelLabel: string | null;
}) => ({
  id: r.outcome.id,
  indicatorId: r.outcome.indicatorId,
  periodKey: r.outcome.periodKey,
  unitId: r.outcome.unitId,
  value: r.outcome.value,
  levelLabel: r.levelLabel,
  comment: r.outcome.comment,
  version: r.outcome.version,
  updatedAt: iso(r.outcome.updatedAt)!,
  updatedByName: r.updatedByName,
});

export const toAssessmentDto = (r: {
  assessment: typeof assessments.$inferSelect;
  updatedByName: string | null;
}) => ({
  id: r.assessment.id,
  goalId: r.assessment.goalId,
  periodKey: r.assessment.periodKey,
  assessment: r.assessment.assessment as never,
  status: r.assessment.status as never,
  suggested: r.assessment.suggested as never,
  justification: r.assessment.justification,
  overrideReason: r.assessment.overrideReason,
  indicatorIds: r.assessment.indicatorIds,
  version: r.assessment.version,
  updatedAt: iso(r.assessment.updatedAt)!,
  updatedByName: r.updatedByName,
});
