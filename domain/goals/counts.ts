import { evidenceOf, type Evidence, type EvidenceRecord } from '../shared/evidence.js';
import { isDigitalisationGoal, isGoalProper } from './flags.js';

/**
 * A body's goals for a year, counted as auditors count them (DOMAIN.md, Goals): goals proper
 * apart from focus areas and strategic plans, which are shown with the goals but never counted as
 * goals; the digitalisation goals among them; and those with an indicator that itself measures
 * digitalisation (a digitalisation goal followed only by telephone waiting times has none).
 */
export type CountableGoal = {
  id: string;
  title: string;
  form: string;
  tags: readonly string[];
};
export type CountableIndicator = { goalId: string; name: string; measuresDigitalisation: boolean };

export type GoalCounts = {
  goals: Evidence;
  digitalisationGoals: Evidence;
  focusAreas: Evidence;
  strategicPlans: Evidence;
  withDigitalisationIndicator: Evidence;
};

const record = (g: CountableGoal, detail: string | null = null): EvidenceRecord => ({
  entity: 'goal',
  id: g.id,
  title: g.title,
  href: `/mal/${g.id}`,
  detail,
});

export function countGoals(
  goals: readonly CountableGoal[],
  indicators: readonly CountableIndicator[],
): GoalCounts {
  const proper = goals.filter(isGoalProper);
  const digital = proper.filter(isDigitalisationGoal);
  const measuring = (g: CountableGoal) =>
    indicators.filter((i) => i.goalId === g.id && i.measuresDigitalisation).map((i) => i.name);
  return {
    goals: evidenceOf(proper.map((g) => record(g))),
    digitalisationGoals: evidenceOf(digital.map((g) => record(g))),
    focusAreas: evidenceOf(goals.filter((g) => g.form === 'focus_area').map((g) => record(g))),
    strategicPlans: evidenceOf(
      goals.filter((g) => g.form === 'strategic_plan').map((g) => record(g)),
    ),
    withDigitalisationIndicator: evidenceOf(
      digital.filter((g) => measuring(g).length > 0).map((g) => record(g, measuring(g).join(', '))),
    ),
  };
}
