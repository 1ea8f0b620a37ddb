import type { InboundDefinition, InboundHandler } from '@kiln/engine-connectors';

/** The handler actions, in the order the picker lists them. */
export const HANDLER_ACTIONS = ['upsert', 'update', 'rule', 'call'] as const;
export type HandlerAction = (typeof HANDLER_ACTIONS)[number];

/** Inbound as it starts when switched on: no verification, the body is the one message. */
export function newInbound(): InboundDefinition {
  return { verify: { scheme: 'none' }, messageId: '$string(id)', handlers: [] };
}

/** A handler of `action`, keeping `when` of the one it replaces. */
export function handlerOf(action: HandlerAction, prev: InboundHandler | undefined, firstOperation: string): InboundHandler {
  const when = prev?.when ? { when: prev.when } : {};
  switch (action) {
    case 'upsert':
    case 'update': {
      const keep = prev && (prev.action === 'upsert' || prev.action === 'update') ? { form: prev.form, match: prev.match, values: prev.values } : { form: '', match: [], values: '{}' };
      return { ...when, action, ...keep };
    }
    case 'rule':
      return { ...when, action, hook: '' };
    default:
      return { ...when, action: 'call', operation: firstOperation, input: 'message' };
  }
}

/** Moves handler `i` by `delta` places. */
export function moveHandler(ib: InboundDefinition, i: number, delta: -1 | 1): InboundDefinition {
  const j = i + delta;
  if (j < 0 || j >= ib.handlers.length) return ib;
  const handlers = [...ib.handlers];
  [handlers[i], handlers[j]] = [handlers[j], handlers[i]];
  return { ...ib, handlers };
}

/** Replaces handler `i`. */
export function setHandler(ib: InboundDefinition, i: number, h: InboundHandler): InboundDefinition {
  return { ...ib, handlers: ib.handlers.map((x, k) => (k === i ? h : x)) };
}
