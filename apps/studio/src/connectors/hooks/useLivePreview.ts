import { useEffect, useRef, useState } from 'react';
import { PREVIEW_BASE_URL, runPreview, type PreviewOutcome } from '../model/run-preview';
import { useSettingsStore, type SettingsState } from '../store/settings-store';
import { useConnector } from './useConnector';
import { useConnectorApp } from './useConnectorApp';

/** Quiet time after the last edit before the preview runs again. */
const DEBOUNCE_MS = 250;
const selectOverride = (s: SettingsState) => s.settings?.baseUrl ?? null;
const selectEffective = (s: SettingsState) => s.settings?.effectiveBaseUrl ?? null;

/** Where preview requests point: the installation's override, else the definition's base URL. */
export function usePreviewBaseUrl(): string {
  const def = useConnector();
  const override = useSettingsStore(selectOverride);
  const effective = useSettingsStore(selectEffective);
  return override || def.baseUrl || effective || PREVIEW_BASE_URL;
}

/**
 * The live preview of operation `opKey`: re-run (debounced) on every change of the connector,
 * against the sample input and responses. `running` is true while a newer run is pending.
 */
export function useLivePreview(opKey: string): { result: PreviewOutcome | null; running: boolean } {
  const def = useConnector();
  const { app } = useConnectorApp();
  const baseUrl = usePreviewBaseUrl();
  const [state, setState] = useState<{ result: PreviewOutcome | null; running: boolean }>({ result: null, running: true });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, running: true }));
    const timer = window.setTimeout(() => {
      runPreview(def, opKey, { app, baseUrl, now: new Date() }).then(
        (result) => mine === seq.current && setState({ result, running: false }),
        (e: unknown) => mine === seq.current && setState({ result: { kind: 'invalid', problems: [], message: e instanceof Error ? e.message : String(e) }, running: false }),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [def, opKey, app, baseUrl]);
  return state;
}
