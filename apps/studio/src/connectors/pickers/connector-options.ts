import type { ConnectorOperations } from './useAppConnectors';

/** `<select>` options: the app's connector keys, plus `current` when it names none of them (kept, not lost). */
export function connectorOptions(connectors: ConnectorOperations, extra: readonly string[], current: string | undefined): string[] {
  const keys = [...new Set([...Object.keys(connectors), ...extra])].sort();
  return current && !keys.includes(current) ? [...keys, current] : keys;
}

/** `<select>` options: the operations of `connector`, plus `current` when it is not among them. */
export function operationOptions(connectors: ConnectorOperations, connector: string | undefined, current: string | undefined): string[] {
  const ops = [...(connector ? (connectors[connector] ?? []) : [])];
  return current && !ops.includes(current) ? [...ops, current] : ops;
}
