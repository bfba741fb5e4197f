import { useQuery } from '@tanstack/react-query';
import { orgApi } from '../api.js';

/** People of the organisation as select options (the first 200 by name). */
export function usePersonOptions() {
  const people = useQuery({
    queryKey: ['persons', 'all'],
    queryFn: () => orgApi.persons({ limit: 200 }),
  });
  return (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}
