import { create } from 'zustand';
import { connectorApi } from '../api/connector-api';
import type { ConnectorSettings, SettingsPatch } from '../api/types';
import { useConnectorContext } from './connector-context';

/** State of {@link useSettingsStore}. */
export interface SettingsState {
  settings: ConnectorSettings | null;
  /** The last load / save failure. */
  error: unknown;
  loading: boolean;
  /** Name of the secret (or `baseUrl`) being saved. */
  saving: string | null;
}

/**
 * The installation's settings of the open connector (`…/settings`): base URL override and which
 * secrets are set. Not part of the definition: not undone, not versioned, applied at once.
 */
export const useSettingsStore = create<SettingsState>(() => ({ settings: null, error: undefined, loading: false, saving: null }));

let seq = 0;

/** (Re)loads the settings of the open connector. */
export async function loadSettings(): Promise<void> {
  const { app, connectorKey } = useConnectorContext.getState();
  const mine = ++seq;
  useSettingsStore.setState({ loading: true });
  try {
    const settings = await connectorApi.settings(app, connectorKey);
    if (mine === seq) useSettingsStore.setState({ settings, error: undefined, loading: false });
  } catch (error) {
    if (mine === seq) useSettingsStore.setState({ settings: null, error, loading: false });
  }
}

/** Saves part of the settings (`what` names the control busy meanwhile); true when it was stored. */
export async function saveSettings(patch: SettingsPatch, what: string): Promise<boolean> {
  const { app, connectorKey } = useConnectorContext.getState();
  useSettingsStore.setState({ saving: what, error: undefined });
  try {
    const settings = await connectorApi.saveSettings(app, connectorKey, patch);
    seq++;
    useSettingsStore.setState({ settings, saving: null });
    return true;
  } catch (error) {
    useSettingsStore.setState({ saving: null, error });
    return false;
  }
}

/** Forgets the previous connector's settings. */
export function resetSettings(): void {
  seq++;
  useSettingsStore.setState({ settings: null, error: undefined, loading: false, saving: null });
}
