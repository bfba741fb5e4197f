import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { portfolioApi } from './api.js';

/** Initiatives for pickers and names (the first 200), as a page of initiatives under one typed key. */
export const initiativeOptionsQuery = queryOptions({
  queryKey: ['initiatives', 'options'] as const,
  queryFn: () => portfolioApi.list({ limit: 200 }),
});
export const useInitiativeOptions = (enabled = true) =>
  useQuery({ ...initiativeOptionsQuery, enabled });

/** Titles of initiatives by id, derived from the same page (never stored as a second shape). */
export function useInitiativeTitles(enabled = true): Map<string, string> {
  const all = useInitiativeOptions(enabled);
  return useMemo(() => new Map((all.data?.items ?? []).map((x) => [x.id, x.title])), [all.data]);
}
