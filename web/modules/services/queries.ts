import { queryOptions, useQuery } from '@tanstack/react-query';
import { systemsApi } from './api.js';

/** Systems matching a search, for pickers; the limit is part of the key, as it changes the page. */
export const systemSearchQuery = (q: string, limit: number) =>
  queryOptions({
    queryKey: ['systems', 'search', { q, limit }] as const,
    queryFn: () => systemsApi.list({ q, limit }),
    enabled: q.trim().length >= 2,
  });
export const useSystemSearch = (q: string, limit: number) => useQuery(systemSearchQuery(q, limit));
