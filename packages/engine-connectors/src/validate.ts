// STUB (contract): helper A implements.
import type { ConnectorProblem, ValidateOptions } from './types.js';
/** Every problem of a connector definition (shape, JSONata syntax of every expression, auth fields, step ids, handler targets), with JSON pointers. Never throws. */
export declare function validateConnector(def: unknown, opts?: ValidateOptions): ConnectorProblem[];
