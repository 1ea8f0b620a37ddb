import type { FlowDefinition } from '@kiln/engine-flow';

/** The program entry id of a flow expression (`local` is the interpreter's id, e.g. `n1.branch.b1`). */
export const flowExprId = (flow: string, local: string) => `flow.${flow}.${local}`;

/**
 * Every expression of a flow by the local id the interpreter (and the runtime) uses for it:
 * `<node>.when` (start), `<node>.rejectWhen|approveWhen`, `<node>.branch.<id>`, `<node>.until`,
 * `<node>.assignees.<i>`, `<node>.values.<field>`, `<node>.payload`, `<node>.to.<i>` (notify).
 */
export function flowExpressions(def: FlowDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (id: string, src: unknown) => {
    if (typeof src === 'string' && src.trim()) out[id] = src;
  };
  for (const n of Array.isArray(def?.nodes) ? def.nodes : []) {
    const d = (n?.data ?? {}) as Record<string, unknown>;
    switch (n.type) {
      case 'start':
        add(`${n.id}.when`, d.when);
        break;
      case 'approval':
        add(`${n.id}.rejectWhen`, d.rejectWhen);
        add(`${n.id}.approveWhen`, d.approveWhen);
        (Array.isArray(d.assignees) ? d.assignees : []).forEach((a: { kind?: string; expression?: unknown }, i: number) => a?.kind === 'expression' && add(`${n.id}.assignees.${i}`, a.expression));
        break;
      case 'notify':
        (Array.isArray(d.to) ? d.to : []).forEach((a: { kind?: string; expression?: unknown }, i: number) => a?.kind === 'expression' && add(`${n.id}.to.${i}`, a.expression));
        break;
      case 'condition':
        for (const b of Array.isArray(d.branches) ? d.branches : []) add(`${n.id}.branch.${(b as { id: string }).id}`, (b as { when?: unknown }).when);
        break;
      case 'timer':
        add(`${n.id}.until`, d.until);
        break;
      case 'action':
        if (d.values && typeof d.values === 'object') for (const [k, v] of Object.entries(d.values)) add(`${n.id}.values.${k}`, v);
        add(`${n.id}.payload`, d.payload);
        break;
    }
  }
  return out;
}
