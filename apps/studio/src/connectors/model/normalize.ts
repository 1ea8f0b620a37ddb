import type { ConnectorDefinition, OperationDefinition } from '@kiln/engine-connectors';

/**
 * A stored draft made safe to edit: format version and key set, each operation's step list
 * and each inbound handler list present. Unknown properties are kept as they are.
 */
export function normalizeConnector(raw: unknown, key: string): ConnectorDefinition {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Partial<ConnectorDefinition>;
  const out: ConnectorDefinition = { ...d, formatVersion: 1, key: d.key || key, name: d.name ?? key };
  if (d.operations && typeof d.operations === 'object') {
    const operations: Record<string, OperationDefinition> = {};
    for (const [k, op] of Object.entries(d.operations)) operations[k] = { ...op, steps: Array.isArray(op?.steps) ? op.steps : [] };
    out.operations = operations;
  }
  if (d.inbound) out.inbound = { ...d.inbound, handlers: Array.isArray(d.inbound.handlers) ? d.inbound.handlers : [] };
  return out;
}
