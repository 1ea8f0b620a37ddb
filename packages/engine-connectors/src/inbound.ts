import type { CompiledConnector } from './compile.js';
import { ConnectorError } from './errors.js';
import { evaluateAt, MappingFailure } from './evaluate-at.js';
import { plain, truthy } from './jsonata-env.js';
import type { InboundDefinition, InboundEffect, InboundRequest, InboundScope } from './types.js';

function inboundOf(compiled: CompiledConnector): InboundDefinition {
  const inbound = compiled.def.inbound;
  if (!inbound) throw new ConnectorError('CONNECTOR_DEFINITION_INVALID', `Connector "${compiled.def.key}" takes no inbound requests`, { path: '/inbound' });
  return inbound;
}

/** Evaluates and turns a MappingFailure into the ConnectorError the inbound API throws. */
async function at(compiled: CompiledConnector, pointer: string, scope: unknown, now: Date): Promise<unknown> {
  try {
    return await evaluateAt(compiled, pointer, scope, now);
  } catch (e) {
    if (e instanceof MappingFailure) throw mappingFailed(pointer, e.reason);
    throw e;
  }
}

const mappingFailed = (pointer: string, reason: string) => new ConnectorError('CONNECTOR_MAPPING_FAILED', `Mapping failed at ${pointer}: ${reason}`, { path: pointer });

/** A message id as text: strings as they are, numbers (and lossless big-integer strings) as digits. */
function idText(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * The messages of one inbound request with their ids: `messages` over `{body, headers, query}`
 * (default: the body is one message; an array result is a list of messages), then `messageId`
 * over each message. Throws ConnectorError CONNECTOR_MAPPING_FAILED (a failing expression, a
 * message without an id).
 *
 * @example await extractMessages(douyin, { body, headers, query: {} }, now) // → [{ id: '7001', message: { tag: '101', … } }]
 */
export async function extractMessages(compiled: CompiledConnector, req: InboundRequest, now: Date): Promise<Array<{ id: string; message: unknown }>> {
  const inbound = inboundOf(compiled);
  // The default is literally one message; JSONata's `[body]` would flatten an array body.
  const raw = inbound.messages === undefined ? [plain(req.body)] : await at(compiled, '/inbound/messages', { body: req.body, headers: req.headers, query: req.query }, now);
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const out: Array<{ id: string; message: unknown }> = [];
  for (const [i, message] of list.entries()) {
    const id = idText(await at(compiled, '/inbound/messageId', message, now));
    if (id === undefined) throw mappingFailed('/inbound/messageId', `message ${i} has no id (messageId gave no text or number)`);
    out.push({ id, message });
  }
  return out;
}

/**
 * The effects of one message: each handler whose `when` holds (default true), in order, its
 * expressions evaluated over `{message, headers, query}`. upsert/update `values` must be an
 * object with a value for every `match` key; a `rule` payload defaults to the message. Throws
 * ConnectorError CONNECTOR_MAPPING_FAILED.
 */
export async function planInbound(compiled: CompiledConnector, message: unknown, req: InboundRequest, now: Date): Promise<InboundEffect[]> {
  const inbound = inboundOf(compiled);
  const scope: InboundScope = { message, headers: req.headers, query: req.query };
  const effects: InboundEffect[] = [];
  for (const [i, h] of inbound.handlers.entries()) {
    const ptr = `/inbound/handlers/${i}`;
    if (h.when !== undefined && !truthy(await at(compiled, `${ptr}/when`, scope, now))) continue;
    switch (h.action) {
      case 'upsert':
      case 'update': {
        const values = await at(compiled, `${ptr}/values`, scope, now);
        if (values === null || typeof values !== 'object' || Array.isArray(values)) throw mappingFailed(`${ptr}/values`, 'values must be an object of field values');
        const v = values as Record<string, unknown>;
        const missing = h.match.filter((k) => v[k] === undefined || v[k] === null);
        if (missing.length) throw mappingFailed(`${ptr}/values`, `values has no value for the match field(s) ${missing.join(', ')}`);
        effects.push({ action: h.action, form: h.form, match: Object.fromEntries(h.match.map((k) => [k, v[k]])), values: v });
        break;
      }
      case 'rule': {
        const payload = h.payload !== undefined ? await at(compiled, `${ptr}/payload`, scope, now) : plain(message);
        effects.push({ action: 'rule', hook: h.hook, payload: payload ?? null });
        break;
      }
      case 'call':
        effects.push({ action: 'call', operation: h.operation, input: (await at(compiled, `${ptr}/input`, scope, now)) ?? null });
        break;
    }
  }
  return effects;
}
