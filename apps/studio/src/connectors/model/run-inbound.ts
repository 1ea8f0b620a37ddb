import {
  compileConnector,
  ConnectorError,
  extractMessages,
  planInbound,
  type ConnectorDefinition,
  type ConnectorProblem,
  type InboundEffect,
  type InboundRequest,
} from '@kiln/engine-connectors';

/** One message of the sample request: its id and what each handler would do with it. */
export interface PlannedMessage {
  id: string;
  message: unknown;
  effects: InboundEffect[];
  /** Why planning this message failed (CONNECTOR_MAPPING_FAILED at a pointer). */
  error?: { code: string; message: string; path?: string };
}

/** The inbound preview: the messages with their effects, or why the request could not be read. */
export type InboundOutcome =
  | { kind: 'invalid'; problems: ConnectorProblem[]; message: string }
  | { kind: 'failed'; error: { code: string; message: string; path?: string } }
  | { kind: 'ok'; messages: PlannedMessage[] };

const asError = (e: unknown) =>
  e instanceof ConnectorError ? { code: e.code, message: e.message, path: e.path } : { code: 'CONNECTOR_MAPPING_FAILED', message: e instanceof Error ? e.message : String(e) };

/**
 * Reads a sample request the way the runtime reads a real one (verification aside): the messages
 * and their ids (`extractMessages`), then each message's effects (`planInbound`). Nothing is
 * written; the de-duplication by id is not applied.
 */
export async function runInbound(def: ConnectorDefinition, req: InboundRequest, now: Date): Promise<InboundOutcome> {
  let compiled;
  try {
    compiled = compileConnector(def);
  } catch (e) {
    const problems = e instanceof ConnectorError && Array.isArray(e.details) ? (e.details as ConnectorProblem[]) : [];
    return { kind: 'invalid', problems, message: e instanceof Error ? e.message : String(e) };
  }
  let list: Array<{ id: string; message: unknown }>;
  try {
    list = await extractMessages(compiled, req, now);
  } catch (e) {
    return { kind: 'failed', error: asError(e) };
  }
  const messages: PlannedMessage[] = [];
  for (const m of list) {
    try {
      messages.push({ ...m, effects: await planInbound(compiled, m.message, req, now) });
    } catch (e) {
      messages.push({ ...m, effects: [], error: asError(e) });
    }
  }
  return { kind: 'ok', messages };
}
