import type { FormDefinition } from '@kiln/engine-forms';
import { create } from 'zustand';

/** The app around the connector being edited. */
export interface ConnectorContextState {
  app: string;
  /** The route's connector key (the stored draft key). */
  connectorKey: string;
  /** Draft forms of the app, by key (inbound handlers' form and match pickers, validation). */
  forms: Record<string, FormDefinition>;
  /** Hook names of the app's draft webhook rules (operation `rule`, inbound `rule` handlers). */
  hooks: string[];
}

/** The app context of the connector page, loaded with the connector. */
export const useConnectorContext = create<ConnectorContextState>(() => ({ app: '', connectorKey: '', forms: {}, hooks: [] }));
