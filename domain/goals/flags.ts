import { periodEnd } from './periods.js';

/**
 * What auditors ask first (DOMAIN.md, Goals): has each board made its digitalisation goals
 * concrete, with indicators that measure movement, and are they followed up?
 */
export type BoardGoalStatus = 'goal' | 'focus_area_only' | 'nothing';

/** The tag that makes a goal a digitalisation goal (the follow-up and the counts use it). */
export const DIGITAL_TAG = 'digitalisering';

/**
 * Focus areas and strategic plans are their own kind: shown with a board's goals, never counted
 * as goals (DOMAIN.md: digitalisation "in a focus area or a strategic plan instead of a goal").
 */
export const isGoalProper = (g: { form: string }) => g.form === 'goal';

export const isDigitalisationGoal = (g: { form: string; tags: readonly string[] }) =>
  isGoalProper(g) && g.tags.includes(DIGITAL_TAG);

/** A board's digitalisation goals: a goal proper, only a focus area or strategic plan, or nothing. */
export function boardDigitalisationStatus(
  goals: readonly { form: string; tags: readonly string[] }[],
): BoardGoalStatus {
  const digital = goals.filter((g) => g.tags.includes(DIGITAL_TAG));
  if (digital.some(isGoalProper)) return 'goal';
  return digital.length > 0 ? 'focus_area_only' : 'nothing';
}

export type GoalFlag = 'no_indicator' | 'document_expired';

/**
 * A goal proper without an indicator is flagged, unless it is an impact goal measured through the
 * goals beneath it (a result goal with an indicator that has it as parent). A focus area or a
 * plan is never flagged for indicators. A goal served by a document past its validity is flagged.
 */
export function goalFlags(g: {
  form: string;
  level: string;
  indicatorCount: number;
  measuredThroughGoalIds?: readonly string[];
  documents?: readonly { expired: boolean }[];
}): GoalFlag[] {
  const flags: GoalFlag[] = [];
  const measuredBelow = g.level === 'impact' && (g.measuredThroughGoalIds ?? []).length > 0;
  if (isGoalProper(g) && g.indicatorCount === 0 && !measuredBelow) flags.push('no_indicator');
  if ((g.documents ?? []).some((d) => d.expired)) flags.push('document_expired');
  return flags;
}

export type IndicatorFlag = 'no_baseline' | 'no_target' | 'no_unit' | 'no_data_source';

/** What a quantitative indicator must say (DOMAIN.md: "quantitative with unit, baseline and target"; "name their data source"). */
export function missingForQuantitative(i: {
  kind: string;
  unit?: string | null;
  dataSource?: string | null;
  dataSourceText?: string | null;
}): ('unit' | 'dataSource')[] {
  if (i.kind !== 'quantitative') return [];
  const missing: ('unit' | 'dataSource')[] = [];
  if (!i.unit?.trim()) missing.push('unit');
  if (!i.dataSource && !i.dataSourceText?.trim()) missing.push('dataSource');
  return missing;
}

/**
 * A judged (qualitative) indicator is followed up by a level on its scale: it is not flagged for
 * lacking a baseline or a numeric target. Unit and data source only matter for a quantitative one.
 */
export function indicatorFlags(i: {
  kind: string;
  baseline: number | null;
  targets: readonly unknown[];
  unit?: string | null;
  dataSource?: string | null;
  dataSourceText?: string | null;
}): IndicatorFlag[] {
  if (i.kind !== 'quantitative') return [];
  const flags: IndicatorFlag[] = [];
  if (i.baseline === null) flags.push('no_baseline');
  if (i.targets.length === 0) flags.push('no_target');
  const missing = missingForQuantitative(i);
  if (missing.includes('unit')) flags.push('no_unit');
  if (missing.includes('dataSource')) flags.push('no_data_source');
  return flags;
}

/** The label of a judged indicator's level ("2 – Rutin beslutad"), or null for a number. */
export function levelLabel(
  i: { kind: string; scale: readonly { level: number; label: string }[] },
  value: number | null,
): string | null {
  if (i.kind !== 'qualitative' || value === null) return null;
  return i.scale.find((l) => l.level === value)?.label ?? null;
}

/** A period is overdue when its end has passed and nothing was recorded for it. */
export const isOverdue = (periodKey: string, today: string, recorded: boolean) =>
  !recorded && periodEnd(periodKey) < today;
