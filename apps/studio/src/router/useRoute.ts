import { useMemo } from 'react';
import { useLocationStore } from './history';
import { matchRoute, type Route } from './routes';

const selectPath = (s: { path: string }) => s.path;

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const path = useLocationStore(selectPath);
  return useMemo(() => matchRoute(path), [path]);
}
