import type { ConnectorDefinition, InboundDefinition, OperationDefinition } from '@kiln/engine-connectors';
import { addOperation, removeOperation, renameOperation, updateOperation } from '../model/operation-ops';
import { connectorDoc } from './connector-store';
import { useConnectorUi } from './connector-ui';

const current = () => connectorDoc.useDoc.getState().doc;

/** Commits a structural change as its own undo step (never merged with typing). */
function step(next: ConnectorDefinition): void {
  connectorDoc.breakGroup();
  connectorDoc.commit(next);
  connectorDoc.breakGroup();
}

/**
 * The connector page's commands. Each is one undo step; pass `group` (usually the edited
 * property's pointer) to merge successive keystrokes into one.
 *
 * @example connectorEdit.update((d) => ({ ...d, timeoutMs: 5000 }), 'timeout');
 */
export const connectorEdit = {
  /** Any edit of the definition. */
  update(fn: (d: ConnectorDefinition) => ConnectorDefinition, group?: string) {
    connectorDoc.commit(fn(current()), group);
  },
  /** A structural edit (add / remove / move): its own undo step. */
  structural(fn: (d: ConnectorDefinition) => ConnectorDefinition) {
    step(fn(current()));
  },
  /** Edits operation `key`. */
  operation(key: string, fn: (op: OperationDefinition) => OperationDefinition, group?: string) {
    connectorDoc.commit(updateOperation(current(), key, fn), group);
  },
  /** Edits the inbound part (no-op while inbound is off). */
  inbound(fn: (ib: InboundDefinition) => InboundDefinition, group?: string) {
    const d = current();
    if (d.inbound) connectorDoc.commit({ ...d, inbound: fn(d.inbound) }, group);
  },
  /** Adds an operation and opens it. */
  addOperation() {
    const { def, key } = addOperation(current());
    step(def);
    useConnectorUi.setState({ operation: key });
  },
  /** Renames an operation (and the inbound handlers calling it); keeps it open. */
  renameOperation(from: string, to: string) {
    step(renameOperation(current(), from, to));
    if (useConnectorUi.getState().operation === from) useConnectorUi.setState({ operation: to });
  },
  /** Removes an operation; opens the first remaining one. */
  removeOperation(key: string) {
    const next = removeOperation(current(), key);
    step(next);
    if (useConnectorUi.getState().operation === key) useConnectorUi.setState({ operation: Object.keys(next.operations ?? {})[0] ?? null });
  },
  undo: connectorDoc.undo,
  redo: connectorDoc.redo,
};
