import type { z } from 'zod';
import type { Goal, GoalAssessment, Indicator, Outcome } from '../../../domain/goals/goal.js';
import type { Suggestion } from '../../../domain/goals/assessment.js';
import type { Evidence } from '../../../domain/shared/evidence.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type GoalDto = Goal;
export type IndicatorDto = Indicator;
export type OutcomeDto = z.infer<typeof Outcome>;
export type AssessmentDto = z.infer<typeof GoalAssessment>;
export type FollowUpDto = {
  year: number;
  periods: string[];
  rows: {
    unitId: string;
    unitName: string;
    status: 'goal' | 'focus_area_only' | 'nothing';
    goals: {
      id: string;
      title: string;
      form: string;
      level: string;
      indicatorCount: number;
      indicatorsMissingTarget: number;
      flags: ('no_indicator' | 'document_expired')[];
      cells: {
        periodKey: string;
        assessment: 'met' | 'partly' | 'notMet' | null;
        draft: 'met' | 'partly' | 'notMet' | null;
        overdue: boolean;
        missingOutcomes: number;
      }[];
    }[];
  }[];
};
/** GET /api/goal-counts: each count with the records it is built from. */
export type GoalCountsDto = {
  year: number;
  bodies: {
    bodyId: string;
    bodyName: string;
    year: number;
    goals: Evidence;
    digitalisationGoals: Evidence;
    focusAreas: Evidence;
    strategicPlans: Evidence;
    withDigitalisationIndicator: Evidence;
  }[];
  gaps: {
    goalsWithoutIndicator: Evidence;
    indicatorsWithoutUnit: Evidence;
    indicatorsWithoutDataSource: Evidence;
    goalsWithExpiredDocument: Evidence;
    draftAssessments: Evidence;
  };
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const goalsApi = {
  goals: (p: Params) => api.get<PageOf<GoalDto>>(`/api/goals${qs(p)}`),
  goal: (id: string) => api.get<GoalDto>(`/api/goals/${id}`),
  lineage: (id: string) => api.get<{ items: GoalDto[] }>(`/api/goals/${id}/lineage`),
  createGoal: (body: unknown) => api.post<GoalDto>('/api/goals', body),
  updateGoal: (id: string, body: unknown) => api.patch<GoalDto>(`/api/goals/${id}`, body),
  indicators: (goalId: string) =>
    api.get<{ items: IndicatorDto[] }>(`/api/goals/${goalId}/indicators`),
  createIndicator: (body: unknown) => api.post<IndicatorDto>('/api/indicators', body),
  updateIndicator: (id: string, body: unknown) =>
    api.patch<IndicatorDto>(`/api/indicators/${id}`, body),
  outcomes: (goalId: string) => api.get<{ items: OutcomeDto[] }>(`/api/goals/${goalId}/outcomes`),
  recordOutcome: (body: unknown) =>
    api.post<{ id: string; version: number }>('/api/outcomes', body),
  assessments: (goalId: string) =>
    api.get<{ items: AssessmentDto[] }>(`/api/goals/${goalId}/assessments`),
  suggestion: (goalId: string, periodKey: string) =>
    api.get<Suggestion>(`/api/goals/${goalId}/suggestion${qs({ periodKey })}`),
  assess: (body: unknown) => api.post<{ id: string; version: number }>('/api/assessments', body),
  goalCounts: (year: number) => api.get<GoalCountsDto>(`/api/goal-counts${qs({ year })}`),
  followUp: (year: number, tag?: string) =>
    api.get<FollowUpDto>(`/api/follow-up${qs({ year, tag })}`),
};
