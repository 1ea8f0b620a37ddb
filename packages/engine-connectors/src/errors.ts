// STUB (contract): helper A implements. Mirror packages/engine-reports/src/errors.ts.
import type { CallErrorCode, ConnectorProblemCode } from './types.js';

export interface ConnectorErrorInfo {
  readonly status: number;
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  readonly fix: string;
}
export type ConnectorErrorCode = ConnectorProblemCode | CallErrorCode;
export declare const CONNECTOR_ERROR_CODES: readonly ConnectorErrorCode[];
export declare const CONNECTOR_ERRORS: Record<ConnectorErrorCode, ConnectorErrorInfo>;
/** Thrown by compileConnector (invalid definition, with problems in `details`) and by mapping failures outside an operation run. */
export declare class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly path?: string;
  readonly details?: unknown;
  constructor(code: ConnectorErrorCode, message: string, opts?: { path?: string; details?: unknown });
}
/** The registry as a markdown section for docs/errors.md. */
export declare function connectorErrorsMarkdown(): string;
