import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore, type ConsoleState } from '../store/console-store';

const selectAll = (s: ConsoleState) => ({ ...s });

/** The test console's state (tab, facts, last run). */
export function useConsoleState(): ConsoleState {
  return useConsoleStore(useShallow(selectAll));
}
