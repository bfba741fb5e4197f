import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';
import type { AssignmentDto, OpenRecommendationDto } from './api.js';

/** One decision in an assignment's chain, earliest first (AU proposal → board adoption). */
export type ChainStepDto = AssignmentDto['chain'][number];
type Params = Record<string, string | number | boolean | undefined | null>;

/** The report-back as the API takes it in an edit. */
export type ReportBackPatch = {
  version: number;
  reportBack: AssignmentDto['reportBack'];
  reportBackOn?: string | null;
  reportBackMeeting?: string | null;
  reportBackMeetingRef?: { bodyId: string; month: string } | null;
};

/** Assignments (state, chain, adoption, report-back) and the open recommendations list. */
export const assignmentsApi = {
  list: (p: Params) => api.get<PageOf<AssignmentDto>>(`/api/assignments${qs(p)}`),
  adoptionCandidates: (id: string) =>
    api.get<{ items: ChainStepDto[] }>(`/api/assignments/${id}/adoption-candidates`),
  adopt: (id: string, body: { version: number; decisionId: string | null }) =>
    api.post<{ items: AssignmentDto[] }>(`/api/assignments/${id}/adopt`, body),
  updateReportBack: (id: string, body: ReportBackPatch) =>
    api.patch<AssignmentDto>(`/api/assignments/${id}`, body),
  open: (p: Params) =>
    api.get<{ items: OpenRecommendationDto[] }>(`/api/recommendations/open${qs(p)}`),
};
