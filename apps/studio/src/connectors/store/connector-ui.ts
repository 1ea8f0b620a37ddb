import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';
import type { EditorConnectorProblem } from '../model/editor-problem';

/** The page's sections. */
export const CONNECTOR_TABS = ['setup', 'operations', 'inbound', 'deliveries'] as const;
export type ConnectorTab = (typeof CONNECTOR_TABS)[number];

/** State of {@link useConnectorUi}. */
export interface ConnectorUiState {
  tab: ConnectorTab;
  /** Key of the operation open in the operations tab. */
  operation: string | null;
  /** JSON of the connector last saved / loaded (dirty = differs). */
  savedJson: string;
  /** Bumped when the connector changes under the formily panels (undo, redo, load), to re-seed them. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  /** Problems of the last refused publish (every draft of the app). */
  serverProblems: PublishProblem[];
  /** JSON of this connector when the publish was refused: its own problems show until it is edited. */
  serverJson: string;
  /** Problems of the current connector from the (debounced) `validateConnector`. */
  liveProblems: EditorConnectorProblem[];
}

const INITIAL: ConnectorUiState = {
  tab: 'setup',
  operation: null,
  savedJson: '',
  revision: 0,
  busy: null,
  result: null,
  serverProblems: [],
  serverJson: '',
  liveProblems: [],
};

/** Connector page state that is not part of the definition (and so not undone). */
export const useConnectorUi = create<ConnectorUiState>(() => ({ ...INITIAL }));

/** Forgets everything of the previous connector; `savedJson` is the freshly loaded one. */
export function resetConnectorUi(savedJson: string, operation: string | null): void {
  useConnectorUi.setState((s) => ({ ...INITIAL, savedJson, operation, revision: s.revision + 1 }));
}

/** Re-seeds the formily panels after the definition changed under them. */
export function bumpRevision(): void {
  useConnectorUi.setState((s) => ({ revision: s.revision + 1 }));
}

/** Shows a section of the page. */
export function showTab(tab: ConnectorTab): void {
  useConnectorUi.setState({ tab });
}

/** Opens an operation in the operations tab. */
export function openOperation(operation: string | null): void {
  useConnectorUi.setState({ tab: 'operations', operation });
}
