import type { z } from 'zod';
import type {
  DocumentVersion,
  FlagCount,
  SteeringDocument,
  StrategyCount,
} from '../../../domain/documents/document.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type DocumentDto = SteeringDocument;
export type VersionDto = z.infer<typeof DocumentVersion>;
type Params = Record<string, string | number | boolean | undefined | null>;

export const documentsApi = {
  list: (p: Params) => api.get<PageOf<DocumentDto>>(`/api/documents${qs(p)}`),
  get: (id: string) => api.get<DocumentDto>(`/api/documents/${id}`),
  create: (body: unknown) => api.post<DocumentDto>('/api/documents', body),
  update: (id: string, body: unknown) => api.patch<DocumentDto>(`/api/documents/${id}`, body),
  strategyCounts: () =>
    api.get<{ items: z.infer<typeof StrategyCount>[] }>('/api/documents/strategy-counts'),
  flagCounts: () => api.get<{ items: z.infer<typeof FlagCount>[] }>('/api/documents/flag-counts'),
  versions: (id: string) => api.get<{ items: VersionDto[] }>(`/api/documents/${id}/versions`),
  upload: (id: string, form: FormData) =>
    api.upload<{ id: string }>(`/api/documents/${id}/versions`, form),
};
