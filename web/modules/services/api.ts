import type { z } from 'zod';
import type { Contract, System } from '../../../domain/services/system.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type SystemDto = System;
export type ContractDto = z.infer<typeof Contract>;
export type ImportResult = { rows: number; created: number; updated: number; unchanged: number; saved: boolean; preview: { row: number; name: string; action: 'create' | 'update' | 'unchanged' }[] };
type Params = Record<string, string | number | boolean | undefined | null>;

export const systemsApi = {
  list: (p: Params) => api.get<PageOf<SystemDto>>(`/api/systems${qs(p)}`),
  get: (id: string) => api.get<SystemDto>(`/api/systems/${id}`),
  create: (body: unknown) => api.post<SystemDto>('/api/systems', body),
  update: (id: string, body: unknown) => api.patch<SystemDto>(`/api/systems/${id}`, body),
  contracts: (id: string) => api.get<{ items: ContractDto[] }>(`/api/systems/${id}/contracts`),
  createContract: (body: unknown) => api.post<ContractDto>('/api/contracts', body),
  duplicates: () => api.get<{ items: { capability: string; systems: { id: string; name: string; ownerUnitId: string | null }[] }[] }>('/api/systems/duplicates'),
  import: (form: FormData, dryRun: boolean) => api.upload<ImportResult>(`/api/systems/import${qs({ dryRun })}`, form),
};
