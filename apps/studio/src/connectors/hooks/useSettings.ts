import { useEffect } from 'react';
import { onSaved } from '../store/persist';
import { loadSettings, useSettingsStore, type SettingsState } from '../store/settings-store';

const selectAll = (s: SettingsState) => s;

/** Loads the open connector's installation settings on mount and again after every save of the draft. */
export function useSettingsLoader(): void {
  useEffect(() => {
    void loadSettings();
    return onSaved(() => void loadSettings());
  }, []);
}

/** The installation's settings of the open connector (as last loaded or saved). */
export function useSettings(): SettingsState {
  return useSettingsStore(selectAll);
}
