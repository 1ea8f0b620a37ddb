import { useFlowContext, type FlowContextState } from '../store/flow-context';

const selectApp = (s: FlowContextState) => s.app;

/** The key of the app whose flow is being edited. */
export function useFlowApp(): string {
  return useFlowContext(selectApp);
}
