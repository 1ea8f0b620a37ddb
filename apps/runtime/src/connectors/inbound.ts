import { CONNECTOR_ERRORS, ConnectorError, extractMessages, parseJsonLossless, planInbound, type InboundRequest } from '@kiln/engine-connectors';
import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { inWriteScope } from '../rules/scope.js';
import type { LoadedConnector } from './definitions.js';
import { applyInboundEffect, type EffectOutcome } from './inbound-effects.js';
import { cachedConnectorSettings } from './settings.js';
import { verifyInbound } from './signing.js';

/** An inbound HTTP request as the hook route received it (raw body kept for signatures). */
export interface InboundHttp {
  method: 'GET' | 'POST';
  rawBody: string;
  contentType: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** The answer the platform gets. */
export interface InboundAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** What processing one message came to (stored on its `inbound_messages` row). */
export interface MessageOutcome {
  status: 'done' | 'ignored';
  effects: EffectOutcome[];
}

/** An engine error as an API error (the engine's registry gives the status). */
export function apiErrorOf(err: unknown): unknown {
  if (err instanceof ConnectorError) return new KilnError(err.code, err.message, { path: err.path ?? null, ...(err.details !== undefined ? { details: err.details } : {}) }, CONNECTOR_ERRORS[err.code]?.status ?? 422);
  return err;
}

function bodyOf(req: InboundHttp): unknown {
  if (!req.rawBody.trim()) return null;
  try {
    return parseJsonLossless(req.rawBody);
  } catch {
    if (/json/i.test(req.contentType)) throw new KilnError('INVALID_JSON');
    return req.rawBody;
  }
}

/**
 * Handles a request to a connector's inbound hook: verifies it (nothing happens when it is not
 * genuine), answers WeChat's URL check, splits the body into messages, and processes each in
 * its own write transaction — a message id seen before is skipped; a failing message rolls
 * back alone and the request fails with its error (the platform pushes again, the messages
 * already done are then skipped). Answers the connector's `reply` (default `{"ok":true}`).
 */
export async function handleInbound(ctx: KilnContext, app: AppRow, loaded: LoadedConnector, req: InboundHttp, locale: 'zh-CN' | 'en'): Promise<InboundAnswer> {
  const inbound = loaded.def.inbound!;
  const settings = await cachedConnectorSettings(ctx, app.id, loaded.def.key);
  const failure = verifyInbound(inbound.verify, { rawBody: req.rawBody, headers: req.headers, query: req.query }, settings.secrets, ctx.clock.now());
  if (failure) throw new KilnError(failure.code, failure.message, 'secret' in failure ? { secret: failure.secret } : null);
  if (req.method === 'GET') {
    if (typeof req.query.echostr !== 'string') throw new KilnError('BAD_REQUEST', 'A GET to a connector hook is only the URL check (with echostr).');
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: req.query.echostr };
  }
  const request: InboundRequest = { body: bodyOf(req), headers: req.headers, query: req.query };
  let messages: Array<{ id: string; message: unknown }>;
  try {
    messages = await extractMessages(loaded.compiled, request, ctx.clock.now());
  } catch (err) {
    throw apiErrorOf(err);
  }
  for (const { id, message } of messages) {
    try {
      await processMessage(ctx, app, loaded, request, id, message, locale);
    } catch (err) {
      throw apiErrorOf(err);
    }
  }
  const reply = inbound.reply;
  return { status: reply?.status ?? 200, contentType: reply?.contentType ?? 'application/json; charset=utf-8', body: reply ? reply.body : '{"ok":true}' };
}

/** One message in one transaction; false when it was a duplicate. */
async function processMessage(ctx: KilnContext, app: AppRow, loaded: LoadedConnector, request: InboundRequest, messageId: string, message: unknown, locale: 'zh-CN' | 'en'): Promise<boolean> {
  const connector = loaded.def.key;
  return inWriteScope(ctx, { userId: null, locale }, async (ws) => {
    const now = ctx.clock.now();
    const row = await ws.trx.insertInto('inbound_messages').values({ app_id: app.id, connector, message_id: messageId, received_at: now.toISOString(), outcome: null })
      .onConflict((oc) => oc.columns(['app_id', 'connector', 'message_id']).doNothing()).returning('id').executeTakeFirst();
    if (!row) return false;
    const effects = await planInbound(loaded.compiled, message, request, now);
    const outcomes: EffectOutcome[] = [];
    for (const [i, e] of effects.entries()) outcomes.push(await applyInboundEffect(ws, app, { connector, messageId, query: request.query }, i, e));
    const outcome: MessageOutcome = { status: outcomes.every((o) => 'ignored' in o) ? 'ignored' : 'done', effects: outcomes };
    await ws.trx.updateTable('inbound_messages').set({ outcome: JSON.stringify(outcome) }).where('id', '=', Number(row.id)).execute();
    return true;
  });
}
