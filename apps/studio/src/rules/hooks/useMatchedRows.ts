import { useMemo } from 'react';
import type { TableOutcome } from '@kiln/engine-rules';
import { useConsoleStore, type ConsoleState } from '../store/console-store';

const selectResponse = (s: ConsoleState) => s.response;

/** Row ids the last test run of this decision table matched (highlighted in the grid). */
export function useMatchedRows(): Set<string> {
  const response = useConsoleStore(selectResponse);
  return useMemo(() => {
    if (!response?.ok) return new Set<string>();
    const outcome = response.outcome as Partial<TableOutcome>;
    return new Set(Array.isArray(outcome.matched) ? outcome.matched : []);
  }, [response]);
}
