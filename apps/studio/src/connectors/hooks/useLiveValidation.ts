import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../hooks/useLocale';
import { liveProblems } from '../model/live-problems';
import { useConnectorContext, type ConnectorContextState } from '../store/connector-context';
import { useConnectorUi } from '../store/connector-ui';
import { useConnector } from './useConnector';

/** Quiet time after the last edit before the connector is validated again. */
const DEBOUNCE_MS = 200;
const selectCtx = (s: ConnectorContextState) => ({ forms: s.forms, hooks: s.hooks });

/** Validates the connector in the browser (`validateConnector`) after every change, debounced. */
export function useLiveValidation(): void {
  const def = useConnector();
  const ctx = useConnectorContext(useShallow(selectCtx));
  const locale = useLocale();
  useEffect(() => {
    const timer = window.setTimeout(() => useConnectorUi.setState({ liveProblems: liveProblems(def, ctx, locale) }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [def, ctx, locale]);
}
