import type { FlowDefinition } from '@kiln/engine-flow';

/** One expression of a flow: the node it belongs to, its pointer into the node's data, its source. */
export interface FlowExpression {
  nodeId: string;
  path: string;
  source: string;
}

/**
 * Every non-empty expression of a flow with where it lives: a start's `when`, an approval's
 * `rejectWhen` / `approveWhen` and expression assignees, condition branches, action values and
 * payloads, notify recipients, a timer's `until`.
 */
export function flowExpressions(def: FlowDefinition): FlowExpression[] {
  const out: FlowExpression[] = [];
  const add = (nodeId: string, path: string, source: string | undefined) => {
    if (typeof source === 'string' && source.trim()) out.push({ nodeId, path, source });
  };
  for (const n of def.nodes) {
    switch (n.type) {
      case 'start':
        add(n.id, '/when', n.data.when);
        break;
      case 'approval':
        add(n.id, '/rejectWhen', n.data.rejectWhen);
        add(n.id, '/approveWhen', n.data.approveWhen);
        (n.data.assignees ?? []).forEach((a, i) => a.kind === 'expression' && add(n.id, `/assignees/${i}/expression`, a.expression));
        break;
      case 'condition':
        (n.data.branches ?? []).forEach((b, i) => add(n.id, `/branches/${i}/when`, b.when));
        break;
      case 'action':
        if (n.data.action === 'update' || n.data.action === 'create') {
          for (const [k, v] of Object.entries(n.data.values ?? {})) add(n.id, `/values/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, v);
        } else if (n.data.action === 'connector') add(n.id, '/payload', n.data.payload);
        break;
      case 'notify':
        (n.data.to ?? []).forEach((a, i) => a.kind === 'expression' && add(n.id, `/to/${i}/expression`, a.expression));
        break;
      case 'timer':
        add(n.id, '/until', n.data.until);
        break;
    }
  }
  return out;
}
