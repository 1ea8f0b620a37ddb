import { useEffect, useMemo, useRef } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { liveProblems } from '../model/live-problems';
import { useFlowContext, type FlowContextState } from '../store/flow-context';
import { useFlowUi } from '../store/flow-ui';
import { useFlow } from './useFlow';

/** Quiet time after the last edit before the flow is validated again… */
const DEBOUNCE_MS = 250;
/** …but no longer than this after the first unvalidated edit, so steady typing still updates. */
const MAX_WAIT_MS = 1000;

const selectForms = (s: FlowContextState) => s.forms;
const selectFlows = (s: FlowContextState) => s.flows;
const selectConnectors = (s: FlowContextState) => s.connectors;
const selectKey = (s: FlowContextState) => s.flowKey;

/**
 * Validates the flow client-side (`validateFlow` and expression checks) after every change,
 * debounced, and keeps the problems in the UI store, where the canvas, the problems list and
 * the property panel read them.
 */
export function useLiveValidation(): void {
  const flow = useFlow();
  const forms = useFlowContext(selectForms);
  const others = useFlowContext(selectFlows);
  const connectors = useFlowContext(selectConnectors);
  const key = useFlowContext(selectKey);
  const locale = useLocale();
  const app = useMemo(() => ({ forms, flows: [key, ...others], connectors }), [forms, others, connectors, key]);
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    const now = Date.now();
    pendingSince.current ??= now;
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, pendingSince.current + MAX_WAIT_MS - now));
    const timer = window.setTimeout(() => {
      pendingSince.current = null;
      useFlowUi.setState({ liveProblems: liveProblems(flow, app, locale) });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [flow, app, locale]);
}
