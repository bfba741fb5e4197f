import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { goalsApi } from './api.js';

/**
 * The region's goals for pickers and names: one query key per shape (a page of goals), typed by
 * `queryOptions`, so no other component can store something else under it.
 */
export const goalOptionsQuery = (includeArchived: boolean) =>
  queryOptions({
    queryKey: ['goals', 'options', { includeArchived }] as const,
    queryFn: () => goalsApi.goals({ limit: 200, ...(includeArchived ? { includeArchived } : {}) }),
  });

/** Goals to pick from (not archived), as a page of goals. */
export const useGoalOptions = (enabled = true) => useQuery({ ...goalOptionsQuery(false), enabled });

/** Titles of the region's goals by id (archived included), for naming linked goals. */
export function useGoalTitles(enabled = true): Map<string, string> {
  const all = useQuery({ ...goalOptionsQuery(true), enabled });
  return useMemo(() => new Map((all.data?.items ?? []).map((g) => [g.id, g.title])), [all.data]);
}
