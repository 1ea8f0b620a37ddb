import type { EventOf } from '../types.js';
import { log, nextId, refuse, type Ctx, type Outcome } from './context.js';
import { enqueue } from './drive.js';
import { fail, finishInstance } from './finish.js';

/** `start`: the draft is new (see `step`); a token enters the start node. @internal */
export function onStart(ctx: Ctx, ev: EventOf<'start'>): Outcome {
  log(ctx, { type: 'started', user: ev.by, detail: { trigger: ev.trigger } });
  const starts = ctx.def.nodes.filter((n) => n.type === 'start');
  if (starts.length !== 1) {
    return fail(ctx, starts.length === 0 ? 'FLOW_NO_START' : 'FLOW_MANY_STARTS', `The flow has ${starts.length} start nodes`);
  }
  const id = nextId(ctx, 'k');
  ctx.s.tokens[id] = { id, node: starts[0]!.id, status: 'waiting', enteredAt: ctx.at };
  enqueue(ctx, id, starts[0]!.id);
}

/** `withdrawn` (撤回): by the initiator, before anyone acted. @internal */
export function onWithdrawn(ctx: Ctx, ev: EventOf<'withdrawn'>): Outcome {
  if (ctx.s.initiator === null || ev.by !== ctx.s.initiator) return refuse('FLOW_WITHDRAW_REFUSED', 'Only the initiator can withdraw');
  if (ctx.s.acted) return refuse('FLOW_WITHDRAW_REFUSED', 'Someone already acted on a task');
  log(ctx, { type: 'withdrawn', user: ev.by });
  finishInstance(ctx, 'withdrawn');
}

/** `cancelled`: an administrator ends the instance. @internal */
export function onCancelled(ctx: Ctx, ev: EventOf<'cancelled'>): Outcome {
  log(ctx, { type: 'cancelled', user: ev.by, comment: ev.reason });
  finishInstance(ctx, 'cancelled');
}
