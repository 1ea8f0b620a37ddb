import { useMemo } from 'react';
import { dryRunPath, EMPTY_PATH, type DryRunPath } from '../model/dry-run-path';
import { useDryRunStore, type DryRunState } from '../store/dry-run-store';
import { useFlow } from './useFlow';

const selectResponse = (s: DryRunState) => s.response;

/** The nodes and edges of the last dry run's path (highlighted on the canvas). */
export function useDryRunPath(): DryRunPath {
  const flow = useFlow();
  const response = useDryRunStore(selectResponse);
  return useMemo(() => (response?.path?.length ? dryRunPath(flow, response.path) : EMPTY_PATH), [flow, response]);
}
