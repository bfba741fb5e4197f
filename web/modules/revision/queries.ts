import { queryOptions, useQuery } from '@tanstack/react-query';
import { revisionApi } from './api.js';

/** Audits for pickers (the first 200), as a page of audits under one typed key. */
export const auditOptionsQuery = queryOptions({
  queryKey: ['audits', 'options'] as const,
  queryFn: () => revisionApi.audits({ limit: 200 }),
});
export const useAuditOptions = () => useQuery(auditOptionsQuery);
