import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageOf } from '../../domain/shared/schemas.js';

/**
 * A paged, filtered list: the filters as typed, the page offset (back to the first page when a
 * filter changes), and the query, which keeps showing the previous page while the next loads.
 */
export function useListQuery<F extends Record<string, string>, T>(
  key: string,
  initial: F,
  fetch: (params: F & { limit: number; offset: number }) => Promise<PageOf<T>>,
  limit = 50,
) {
  const [filters, setFilters] = useState<F>(initial);
  const [offset, setOffset] = useState(0);
  const params = { ...filters, limit, offset };
  const list = useQuery({
    queryKey: [key, params],
    queryFn: () => fetch(params),
    placeholderData: keepPreviousData,
  });
  const set = (k: keyof F) => (e: { target: { value: string } }) => {
    setFilters((f) => ({ ...f, [k]: e.target.value }));
    setOffset(0);
  };
  return { filters, set, offset, setOffset, list, limit };
}
