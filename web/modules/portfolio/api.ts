import type { z } from 'zod';
import type { Benefit, Initiative, Transition } from '../../../domain/portfolio/initiative.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import type { Evidence } from '../../../domain/shared/evidence.js';
import type { TopList } from '../../../domain/portfolio/toplist.js';
import { api, qs } from '../../platform/api.js';

export type InitiativeDto = z.infer<typeof Initiative>;
export type BenefitDto = z.infer<typeof Benefit>;
export type TransitionDto = z.infer<typeof Transition>;
export type ProposalDto = {
  candidates: {
    id: string;
    title: string;
    score: number;
    cost: number;
    hours: number;
    phase: InitiativeDto['phase'];
    ownerUnit: { id: string; name: string } | null;
    flags: InitiativeDto['flags'];
  }[];
  selection: {
    ids: string[];
    score: number;
    cost: number;
    hours: number;
    exact: boolean;
    ms: number;
  };
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const portfolioApi = {
  list: (p: Params) => api.get<PageOf<InitiativeDto>>(`/api/initiatives${qs(p)}`),
  get: (id: string) => api.get<InitiativeDto>(`/api/initiatives/${id}`),
  create: (body: unknown) => api.post<InitiativeDto>('/api/initiatives', body),
  update: (id: string, body: unknown) => api.patch<InitiativeDto>(`/api/initiatives/${id}`, body),
  moves: (id: string) =>
    api.get<{ items: { to: InitiativeDto['phase']; failures: string[] }[] }>(
      `/api/initiatives/${id}/moves`,
    ),
  transition: (id: string, body: unknown) =>
    api.post<InitiativeDto>(`/api/initiatives/${id}/transition`, body),
  transitions: (id: string) =>
    api.get<{ items: TransitionDto[] }>(`/api/initiatives/${id}/transitions`),
  benefits: (id: string) => api.get<{ items: BenefitDto[] }>(`/api/initiatives/${id}/benefits`),
  createBenefit: (body: unknown) => api.post<BenefitDto>('/api/benefits', body),
  measure: (id: string, body: unknown) =>
    api.post<BenefitDto>(`/api/benefits/${id}/measurements`, body),
  silent: () =>
    api.get<{ items: { id: string; name: string; kind: string }[] }>(
      '/api/initiatives/silent-units',
    ),
  propose: (p: Params) => api.get<ProposalDto>(`/api/initiatives/proposal${qs(p)}`),
  evidence: () =>
    api.get<{ crossUnit: Evidence; crossUnitWithoutCouncil: Evidence; expiredDocuments: Evidence }>(
      '/api/initiatives/evidence',
    ),
};

export type RoadmapItemDto = {
  initiativeId: string;
  title: string;
  phase: string;
  startOn: string | null;
  endOn: string | null;
  unitId: string | null;
};
export type RoadmapDto = {
  id: string;
  version: number;
  unitId: string | null;
  name: string;
  fromYear: number;
  horizonYears: number;
  items: RoadmapItemDto[];
  createdAt: string;
};
export type RoadmapDiffDto = {
  from: { name: string };
  to: { name: string };
  added: RoadmapItemDto[];
  removed: RoadmapItemDto[];
  moved: {
    initiativeId: string;
    title: string;
    from: { startOn: string | null };
    to: { startOn: string | null };
  }[];
  unchanged: number;
};
export type TopListDto = TopList;

export const roadmapApi = {
  list: (unitId: string) => api.get<{ items: RoadmapDto[] }>(`/api/roadmaps${qs({ unitId })}`),
  create: (body: unknown) => api.post<RoadmapDto>('/api/roadmaps', body),
  compare: (id: string, withId: string) =>
    api.get<RoadmapDiffDto>(`/api/roadmaps/${id}/compare${qs({ with: withId })}`),
  topLists: (p: Params) => api.get<{ items: TopListDto[] }>(`/api/top-lists${qs(p)}`),
  createTopList: (body: unknown) => api.post<TopListDto>('/api/top-lists', body),
  updateTopList: (id: string, body: unknown) => api.patch<TopListDto>(`/api/top-lists/${id}`, body),
  followUp: (id: string, body: unknown) =>
    api.post<{ id: string; list: TopListDto }>(`/api/top-lists/${id}/follow-ups`, body),
};

export type RoundDto = {
  id: string;
  version: number;
  name: string;
  forumId: string | null;
  fromYear: number;
  toYear: number;
  budget: number;
  hours: number;
  ranking: { id: string; title: string; score: number; cost: number; hours: number }[];
  proposedIds: string[];
  decidedIds: string[] | null;
  decisionId: string | null;
  createdAt: string;
};
type Summary = {
  benefits: number;
  measured: number;
  reached: number;
  overdue: number;
  averageShare: number | null;
};
export type RealisationDto = {
  items: {
    benefitId: string;
    initiativeId: string;
    initiative: string;
    phase: string;
    unitId: string | null;
    unitName: string | null;
    measure: string;
    unit: string | null;
    baseline: number | null;
    target: number | null;
    latest: number | null;
    targetDate: string | null;
    overdue: boolean;
    share: number | null;
  }[];
  units: (Summary & { unitId: string | null; unitName: string | null })[];
  region: Summary;
};
export const roundsApi = {
  list: () => api.get<{ items: RoundDto[] }>('/api/prioritisation-rounds'),
  create: (body: unknown) => api.post<RoundDto>('/api/prioritisation-rounds', body),
  decide: (id: string, body: unknown) =>
    api.patch<RoundDto>(`/api/prioritisation-rounds/${id}`, body),
  realisation: () => api.get<RealisationDto>('/api/benefits/realisation'),
};
