import type { z } from 'zod';
import type { Benefit, Initiative, Transition } from '../../../domain/portfolio/initiative.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type InitiativeDto = z.infer<typeof Initiative>;
export type BenefitDto = z.infer<typeof Benefit>;
export type TransitionDto = z.infer<typeof Transition>;
export type ProposalDto = {
  candidates: { id: string; title: string; score: number; cost: number; hours: number; phase: InitiativeDto['phase']; ownerUnit: { id: string; name: string } | null; flags: InitiativeDto['flags'] }[];
  selection: { ids: string[]; score: number; cost: number; hours: number; ms: number };
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const portfolioApi = {
  list: (p: Params) => api.get<PageOf<InitiativeDto>>(`/api/initiatives${qs(p)}`),
  get: (id: string) => api.get<InitiativeDto>(`/api/initiatives/${id}`),
  create: (body: unknown) => api.post<InitiativeDto>('/api/initiatives', body),
  update: (id: string, body: unknown) => api.patch<InitiativeDto>(`/api/initiatives/${id}`, body),
  moves: (id: string) => api.get<{ items: { to: InitiativeDto['phase']; failures: string[] }[] }>(`/api/initiatives/${id}/moves`),
  transition: (id: string, body: unknown) => api.post<InitiativeDto>(`/api/initiatives/${id}/transition`, body),
  transitions: (id: string) => api.get<{ items: TransitionDto[] }>(`/api/initiatives/${id}/transitions`),
  benefits: (id: string) => api.get<{ items: BenefitDto[] }>(`/api/initiatives/${id}/benefits`),
  createBenefit: (body: unknown) => api.post<BenefitDto>('/api/benefits', body),
  measure: (id: string, body: unknown) => api.post<BenefitDto>(`/api/benefits/${id}/measurements`, body),
  silent: () => api.get<{ items: { id: string; name: string; kind: string }[] }>('/api/initiatives/silent-units'),
  propose: (p: Params) => api.get<ProposalDto>(`/api/initiatives/proposal${qs(p)}`),
};
