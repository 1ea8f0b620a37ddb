// STUB (contract): helper A implements.
import type { ConnectorDefinition } from './types.js';
/** A validated definition with every JSONata expression parsed once (cache it per app version). */
export interface CompiledConnector {
  readonly def: ConnectorDefinition;
}
/** Parses every expression; throws ConnectorError('CONNECTOR_DEFINITION_INVALID', …, {details: problems}) when invalid. */
export declare function compileConnector(def: ConnectorDefinition): CompiledConnector;
