// STUB (contract): helper A implements.
import type { CompiledConnector } from './compile.js';
import type { InboundEffect, InboundRequest } from './types.js';
/** The messages of one inbound request with their ids (`messages`, `messageId`); throws ConnectorError CONNECTOR_MAPPING_FAILED. */
export declare function extractMessages(compiled: CompiledConnector, req: InboundRequest, now: Date): Promise<Array<{ id: string; message: unknown }>>;
/** The effects of one message: each handler whose `when` holds, its expressions evaluated; throws ConnectorError CONNECTOR_MAPPING_FAILED. */
export declare function planInbound(compiled: CompiledConnector, message: unknown, req: InboundRequest, now: Date): Promise<InboundEffect[]>;
