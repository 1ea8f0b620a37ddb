import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { createDocStore } from '../../reports/store/doc-store';
import { bumpRevision } from './connector-ui';

const EMPTY: ConnectorDefinition = { formatVersion: 1, key: '', name: { 'zh-CN': '', en: '' } };

/** The connector being edited, with its undo / redo history (the report designer's doc store). */
export const connectorDoc = createDocStore<ConnectorDefinition>(EMPTY, bumpRevision);

/** The zustand hook of the edited connector (`s.doc`). */
export const useConnectorStore = connectorDoc.useDoc;
