// STUB (contract): helper A implements.
import type { ConnectorDefinition, Localized, PresetId } from './types.js';
export interface PresetInfo {
  id: PresetId;
  name: Localized;
  description: Localized;
  /** A complete, valid definition to start from (operations, inbound, auth, rate limit filled in). */
  definition(key: string): ConnectorDefinition;
}
export interface SecretSpec {
  name: string;
  label: Localized;
  /** Which part needs it. */
  for: 'auth' | 'inbound';
}
export declare const PRESETS: Record<PresetId, PresetInfo>;
/** A new connector from a preset. */
export declare function connectorFromPreset(preset: PresetId, key: string, name?: Localized): ConnectorDefinition;
/** The secrets a definition needs (from its auth type and inbound verification scheme). */
export declare function secretNames(def: ConnectorDefinition): SecretSpec[];
