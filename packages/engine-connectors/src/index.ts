/**
 * @kiln/engine-connectors — the connector model, validation, presets, JSONata mappings and the
 * pure operation interpreter. No I/O: the runtime passes a {@link Transport} that sends HTTP; the
 * studio passes one that answers with the operation's sample responses (live preview).
 */
export * from './types.js';
export { CONNECTOR_ERRORS, CONNECTOR_ERROR_CODES, ConnectorError, connectorErrorsMarkdown, type ConnectorErrorCode, type ConnectorErrorInfo } from './errors.js';
export { validateConnector } from './validate.js';
export { compileConnector, type CompiledConnector } from './compile.js';
export { evaluateMapping, type MappingResult } from './mapping.js';
export { MAPPING_FUNCTIONS, parseJsonLossless, truncateBytes, netPrice, byteLength, type MappingFunctionInfo } from './functions.js';
export { parseDuration } from './duration.js';
export { executeOperation, idempotencyKey, type ExecuteContext } from './execute.js';
export { extractMessages, planInbound } from './inbound.js';
export { PRESETS, connectorFromPreset, secretNames, type PresetInfo, type SecretSpec } from './presets.js';
export { sampleTransport } from './sample-transport.js';
