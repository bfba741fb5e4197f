import { periodEnd } from './periods.js';

/**
 * What auditors ask first (DOMAIN.md, Goals): has each board made its digitalisation goals
 * concrete, with indicators that measure movement, and are they followed up?
 */
export type BoardGoalStatus = 'goal' | 'focus_area_only' | 'nothing';

/** A board's digitalisation goals: a goal proper, only a focus area or strategic plan, or nothing. */
export function boardDigitalisationStatus(
  goals: readonly { form: string; tags: readonly string[] }[],
): BoardGoalStatus {
  const digital = goals.filter((g) => g.tags.includes('digitalisering'));
  if (digital.some((g) => g.form === 'goal')) return 'goal';
  return digital.length > 0 ? 'focus_area_only' : 'nothing';
}

export const goalFlags = (g: { indicatorCount: number; form: string }) =>
  g.form === 'goal' && g.indicatorCount === 0 ? (['no_indicator'] as const) : ([] as const);

export function indicatorFlags(i: {
  kind: string;
  baseline: number | null;
  targets: readonly unknown[];
  scale: readonly unknown[];
}) {
  const flags: ('no_baseline' | 'no_target')[] = [];
  if (i.kind === 'quantitative' && i.baseline === null) flags.push('no_baseline');
  if (i.targets.length === 0) flags.push('no_target');
  return flags;
}

/** A period is overdue when its end has passed and nothing was recorded for it. */
export const isOverdue = (periodKey: string, today: string, recorded: boolean) =>
  !recorded && periodEnd(periodKey) < today;
