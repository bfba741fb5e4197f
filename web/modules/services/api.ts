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
export type ImportPersonChoice = string | { name: string; email: string };
export type ImportChoices = {
  sheet?: string;
  columns?: Record<string, string>;
  units?: Record<string, string>;
  people?: Record<string, ImportPersonChoice>;
  duplicates?: Record<string, 'merge' | 'both'>;
};
type Counts = Record<string, number>;
/** The import's check or result (server/modules/services/routes.ts ImportResult). */
export type ImportResult = {
  mode: 'all' | 'partial';
  sheet: string;
  sheets: { name: string; hidden: boolean; rows: number }[];
  headingRow: number;
  fields: { field: string; sv: string; en: string }[];
  columns: {
    heading: string;
    column: string;
    field: string | null;
    how: 'chosen' | 'remembered' | 'heading' | null;
    samples: string[];
  }[];
  units: {
    text: string;
    unitId: string | null;
    unitName: string | null;
    how: 'exact' | 'initials' | 'similar' | 'chosen' | 'remembered' | null;
    rows: number;
  }[];
  people: {
    text: string;
    reading: 'email' | 'name';
    name: string | null;
    email: string | null;
    personId: string | null;
    personName: string | null;
    how: 'email' | 'name' | 'chosen' | 'remembered' | 'create' | null;
    candidates: { id: string; name: string }[];
    suggestions: { id: string; name: string }[];
    rows: number;
  }[];
  duplicates: {
    key: string;
    rows: { row: number; name: string; administration: string }[];
    existing: { id: string; name: string } | null;
    choice: 'merge' | 'both';
  }[];
  rows: number;
  skipped: { blank: number; summary: number; heading: number };
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  notImported: number;
  withProblems: number;
  peopleToCreate: number;
  figures: {
    owners: Record<'email' | 'knownName' | 'newName' | 'role' | 'several' | 'missing', number>;
    personalDataWithoutDpa: number;
    contractsEnding: number;
    costTotal: number;
    approximateCosts: number;
    byCategory: Counts;
    byLifecycle: Counts;
    unreadCells: number;
    unknownCells: number;
  };
  problems: {
    row: number;
    field: string;
    heading: string;
    value: string;
    level: 'row' | 'value' | 'note';
    message: string;
  }[];
  blocking: number;
  recorded: number;
  preview: {
    row: number;
    rows: number[];
    name: string;
    action: 'create' | 'update' | 'unchanged' | 'skipped';
    existing: { id: string; name: string } | null;
    problems: number;
  }[];
  saved: boolean;
};
export type ProblemDto = {
  id: string;
  systemId: string;
  systemName?: string;
  field: string;
  heading: string;
  row: number | null;
  value: string;
  message: string;
  resolvedAt: string | null;
  resolution: 'fixed' | 'dismissed' | null;
  version: number;
  createdAt: string;
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
  import: (form: FormData, q: { dryRun: boolean; mode: 'all' | 'partial' }) =>
    api.upload<ImportResult>(`/api/systems/import${qs(q)}`, form),
  problems: (p: Params) => api.get<PageOf<ProblemDto>>(`/api/systems/problems${qs(p)}`),
  systemProblems: (id: string, all = false) =>
    api.get<{ items: ProblemDto[] }>(`/api/systems/${id}/problems${qs({ all })}`),
  dismissProblem: (id: string, problemId: string, version: number) =>
    api.post<ProblemDto>(`/api/systems/${id}/problems/${problemId}/dismiss`, { version }),
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
