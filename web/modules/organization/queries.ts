import { queryOptions, useQuery } from '@tanstack/react-query';
import { orgApi } from './api.js';

/** The region's settings; one typed key, shared by every page that reads them. */
export const settingsQuery = queryOptions({
  queryKey: ['settings'] as const,
  queryFn: () => orgApi.settings(),
});
export const useSettings = () => useQuery(settingsQuery);

/** The region's forums for pickers (the first 200), as a page of forums. */
export const forumOptionsQuery = queryOptions({
  queryKey: ['forums', 'options'] as const,
  queryFn: () => orgApi.forums({ limit: 200 }),
});
export const useForumOptions = () => useQuery(forumOptionsQuery);
