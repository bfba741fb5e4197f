/**
 * The suggested assessment (bedömning) of a goal for a period, from its indicators' outcomes
 * against their targets. A person confirms it or overrides it with a reason; the rule only
 * proposes.
 *
 * Per quantitative indicator: met when the outcome reaches the year's target in the indicator's
 * direction; partly when it has moved from the baseline towards the target by at least half the
 * way; otherwise not met. Per qualitative indicator (a judged level on a scale): met at or above
 * the target level, partly one level below, otherwise not met. The goal: met when every assessed
 * indicator is met, not met when none is met or partly met, partly otherwise. Indicators without
 * an outcome or a target for the period are left out and named, never guessed.
 */
export const ASSESSMENTS = ['met', 'partly', 'notMet'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export type IndicatorForAssessment = {
  id: string;
  kind: 'quantitative' | 'qualitative';
  direction: 'higher' | 'lower' | null;
  baseline: number | null;
  /** The target for the period's year, if one is set. */
  target: number | null;
};
export type OutcomeForAssessment = { indicatorId: string; value: number | null };

export type Suggestion = {
  assessment: Assessment | null;
  perIndicator: { indicatorId: string; assessment: Assessment }[];
  notAssessed: { indicatorId: string; reason: 'no_outcome' | 'no_target' }[];
};

export function assessIndicator(ind: IndicatorForAssessment, value: number): Assessment {
  const target = ind.target!;
  if (ind.kind === 'qualitative') {
    if (value >= target) return 'met';
    return value >= target - 1 ? 'partly' : 'notMet';
  }
  const better = ind.direction === 'lower' ? -1 : 1;
  if ((value - target) * better >= 0) return 'met';
  if (ind.baseline === null || ind.baseline === target) return 'notMet';
  const progress = (value - ind.baseline) / (target - ind.baseline);
  return progress >= 0.5 ? 'partly' : 'notMet';
}

export function suggestAssessment(
  indicators: readonly IndicatorForAssessment[],
  outcomes: readonly OutcomeForAssessment[],
): Suggestion {
  const byIndicator = new Map(
    outcomes.filter((o) => o.value !== null).map((o) => [o.indicatorId, o.value!]),
  );
  const perIndicator: Suggestion['perIndicator'] = [];
  const notAssessed: Suggestion['notAssessed'] = [];
  for (const ind of indicators) {
    const value = byIndicator.get(ind.id);
    if (ind.target === null) notAssessed.push({ indicatorId: ind.id, reason: 'no_target' });
    else if (value === undefined) notAssessed.push({ indicatorId: ind.id, reason: 'no_outcome' });
    else perIndicator.push({ indicatorId: ind.id, assessment: assessIndicator(ind, value) });
  }
  if (perIndicator.length === 0) return { assessment: null, perIndicator, notAssessed };
  const all = perIndicator.map((p) => p.assessment);
  const assessment: Assessment = all.every((a) => a === 'met')
    ? 'met'
    : all.every((a) => a === 'notMet')
      ? 'notMet'
      : 'partly';
  return { assessment, perIndicator, notAssessed };
}

/** For ordering and property tests: how good an assessment is. */
export const rank = (a: Assessment) => ({ notMet: 0, partly: 1, met: 2 })[a];
