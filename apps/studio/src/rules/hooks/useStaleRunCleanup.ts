import { useEffect } from 'react';
import { useConsoleStore } from '../store/console-store';
import { useRule } from './useRule';

/** Removes the last test run's inline error as soon as the rule is edited (it may be fixed). */
export function useStaleRunCleanup(): void {
  const rule = useRule();
  useEffect(() => {
    const { inlineError, ranJson } = useConsoleStore.getState();
    if (inlineError && ranJson !== JSON.stringify(rule)) useConsoleStore.setState({ inlineError: null });
  }, [rule]);
}
