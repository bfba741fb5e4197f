import type { z } from 'zod';
import type { Contract, System } from '../../../domain/services/system.js';
import type {
  EscalationStep,
  Integration,
  ManagementObject,
  ManagementPlan,
  ServiceNode,
} from '../../../domain/services/ownership.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type SystemDto = System;
export type ContractDto = z.infer<typeof Contract>;
export type ImportResult = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  saved: boolean;
  ambiguous: number;
  preview: {
    row: number;
    name: string;
    action: 'create' | 'update' | 'unchanged' | 'ambiguous';
    conflictsWith?: string;
  }[];
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const systemsApi = {
  list: (p: Params) => api.get<PageOf<SystemDto>>(`/api/systems${qs(p)}`),
  get: (id: string) => api.get<SystemDto>(`/api/systems/${id}`),
  create: (body: unknown) => api.post<SystemDto>('/api/systems', body),
  update: (id: string, body: unknown) => api.patch<SystemDto>(`/api/systems/${id}`, body),
  contracts: (id: string) => api.get<{ items: ContractDto[] }>(`/api/systems/${id}/contracts`),
  createContract: (body: unknown) => api.post<ContractDto>('/api/contracts', body),
  updateContract: (id: string, body: unknown) =>
    api.patch<ContractDto>(`/api/contracts/${id}`, body),
  duplicates: () =>
    api.get<{
      items: {
        capability: string;
        systems: { id: string; name: string; ownerUnitId: string | null }[];
      }[];
    }>('/api/systems/duplicates'),
  import: (form: FormData, dryRun: boolean) =>
    api.upload<ImportResult>(`/api/systems/import${qs({ dryRun })}`, form),
};

export type NodeDto = z.infer<typeof ServiceNode>;
export type NodeDetailDto = NodeDto & {
  chain: { id: string; kind: NodeDto['kind']; name: string }[];
  children: NodeDto[];
  duplicates: NodeDto[];
  systems: { id: string; name: string; lifecycle: SystemDto['lifecycle'] }[];
  escalation: EscalationStep[];
};
export type ObjectDto = z.infer<typeof ManagementObject>;
export type PlanDto = z.infer<typeof ManagementPlan>;
export type IntegrationDto = z.infer<typeof Integration>;
export type SystemContextDto = {
  services: { id: string; name: string; chain: string[] }[];
  managementObject: { id: string; name: string } | null;
  escalation: EscalationStep[];
};
export type ImportColumnsDto = {
  columns: { heading: string; field: string | null }[];
  rows: number;
  fields: { field: string; sv: string; en: string }[];
};
type Count = { key: string; count: number; cost: number };
export type OverviewDto = {
  total: number;
  flagCounts: Record<SystemDto['flags'][number], number>;
  byCategory: Count[];
  byLifecycle: Count[];
  byOwner: { unitId: string | null; name: string | null; count: number; cost: number }[];
  capabilityMap: {
    capabilities: string[];
    units: { id: string; name: string }[];
    cells: { capability: number; unit: number; systems: string[] }[];
  };
  contracts: {
    id: string;
    contractRef: string;
    supplierName: string | null;
    endsOn: string | null;
    noticeMonths: number | null;
    valuePerYear: number | null;
    systemId: string;
    systemName: string;
    lifecycle: string;
    status: 'expired' | 'ending' | 'later';
  }[];
  today: string;
  warnUntil: string;
  warnMonths: number;
};
export type GapsDto = {
  nodes: NodeDto[];
  objects: ObjectDto[];
  systemCounts: { no_owner: number; no_manager: number; owner_external: number };
};

export const ownershipApi = {
  nodes: () => api.get<{ items: NodeDto[] }>('/api/service-nodes'),
  node: (id: string) => api.get<NodeDetailDto>(`/api/service-nodes/${id}`),
  createNode: (body: unknown) => api.post<NodeDetailDto>('/api/service-nodes', body),
  updateNode: (id: string, body: unknown) =>
    api.patch<NodeDetailDto>(`/api/service-nodes/${id}`, body),
  systemContext: (id: string) => api.get<SystemContextDto>(`/api/systems/${id}/context`),
  integrations: (id: string) =>
    api.get<{ items: IntegrationDto[] }>(`/api/systems/${id}/integrations`),
  createIntegration: (body: unknown) => api.post<{ id: string }>('/api/integrations', body),
  deleteIntegration: (id: string) => api.delete(`/api/integrations/${id}`),
  overview: () => api.get<OverviewDto>('/api/systems/overview'),
  gaps: () => api.get<GapsDto>('/api/ownership-gaps'),
  objects: () => api.get<{ items: ObjectDto[] }>('/api/management-objects'),
  object: (id: string) => api.get<ObjectDto>(`/api/management-objects/${id}`),
  createObject: (body: unknown) => api.post<ObjectDto>('/api/management-objects', body),
  updateObject: (id: string, body: unknown) =>
    api.patch<ObjectDto>(`/api/management-objects/${id}`, body),
  plans: (id: string) => api.get<{ items: PlanDto[] }>(`/api/management-objects/${id}/plans`),
  createPlan: (objectId: string, body: unknown) =>
    api.post<PlanDto>(`/api/management-objects/${objectId}/plans`, body),
  updatePlan: (id: string, body: unknown) =>
    api.patch<PlanDto>(`/api/management-plans/${id}`, body),
  importColumns: (form: FormData) =>
    api.upload<ImportColumnsDto>('/api/systems/import/columns', form),
};
