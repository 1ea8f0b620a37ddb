import { nodeById, step, type FlowDefinition, type FlowEvent, type InstanceState } from '@kiln/engine-flow';
import type { FormDefinition } from '@kiln/engine-forms';
import type { RuleDefinition } from '@kiln/engine-rules';
import type { KilnContext } from '../context.js';
import type { AppRow } from '../metadata/apps.js';
import { compileAppRules } from '../rules/app-rules.js';
import { evaluateFlowExprs, flowFacts } from './evaluate.js';

/** One node on a dry run's path. */
export interface DryRunStep {
  node: string;
  type: string;
  outcome?: 'approve' | 'reject' | 'auto-approve' | 'auto-reject';
  branch?: string;
  note?: string;
}

/** What a dry run found. */
export interface DryRunResult {
  path: DryRunStep[];
  result: string;
  error?: { code: string; message: string; nodeId?: string };
}

const PERSON = 1;
const MAX_ROUNDS = 500;

/**
 * Walks a (draft) flow on a sample record without writing anything: conditions, `rejectWhen` /
 * `approveWhen` and timer dates are evaluated in the sandbox (lookups read the published
 * data), every person approves, timers fire at once, actions and sub-flows are assumed to
 * succeed. Returns the nodes in the order the instance would enter them.
 */
export async function dryRun(ctx: KilnContext, app: AppRow, def: FlowDefinition, drafts: { forms: Record<string, FormDefinition>; rules: Record<string, RuleDefinition> }, record: Record<string, unknown>): Promise<DryRunResult> {
  const compiled = compileAppRules(app.id, 0, drafts.rules, drafts.forms, { [def.key]: def });
  let at = ctx.clock.now();
  let state: InstanceState | null = null;
  const queue: FlowEvent[] = [{ type: 'start', at: at.toISOString(), by: PERSON, record: typeof record.id === 'number' ? record.id : null, trigger: 'manual' }];
  let error: DryRunResult['error'];
  for (let round = 0; round < MAX_ROUNDS && !error; round++) {
    if (!queue.length) {
      if (!state || state.status !== 'running') break;
      const open = Object.values(state.tasks).find((t) => t.status === 'open');
      if (open) {
        queue.push({ type: 'taskCompleted', at: at.toISOString(), task: open.id, by: open.assignee, outcome: 'approve' });
        continue;
      }
      const timer = Object.values(state.timers).filter((t) => t.kind === 'timer').sort((a, b) => a.at.localeCompare(b.at))[0];
      if (!timer) break;
      at = new Date(Math.max(at.getTime(), new Date(timer.at).getTime()));
      queue.push({ type: 'timerFired', at: at.toISOString(), timer: timer.id });
      continue;
    }
    const ev = queue.shift()!;
    const res = step(def, ev.type === 'start' ? null : state, ev);
    if (res.error) {
      error = res.error;
      break;
    }
    state = res.state;
    for (const cmd of res.commands) {
      const now = at.toISOString();
      if (cmd.type === 'evaluate') {
        const facts = flowFacts(app, def.key, cmd.node, now, record, { id: null, initiator: PERSON, startedAt: state.startedAt }, PERSON);
        const r = await evaluateFlowExprs(ctx, ctx.db, app, compiled.program, def.key, Object.keys(cmd.sources), facts);
        queue.push({ type: 'evaluated', at: now, token: cmd.token, results: r.results, ...(r.error ? { error: r.error } : {}) });
      } else if (cmd.type === 'resolveAssignees') {
        queue.push({ type: 'assigneesResolved', at: now, token: cmd.token, purpose: cmd.purpose, ...(cmd.task ? { task: cmd.task } : {}), users: [PERSON] });
      } else if (cmd.type === 'runAction') {
        queue.push({ type: 'actionDone', at: now, token: cmd.token });
      } else if (cmd.type === 'startSubflow' && cmd.wait) {
        queue.push({ type: 'subflowFinished', at: now, token: cmd.token, result: 'completed' });
      }
    }
  }
  return { path: pathOf(def, state), result: state?.status ?? 'failed', ...(error ?? state?.error ? { error: error ?? state!.error } : {}) };
}

/** The entered nodes with their outcome, from the instance history. */
function pathOf(def: FlowDefinition, state: InstanceState | null): DryRunStep[] {
  const nodes = nodeById(def);
  const out: DryRunStep[] = [];
  const last = new Map<string, DryRunStep>();
  for (const h of state?.history ?? []) {
    if (h.type === 'entered' && h.node) {
      const s: DryRunStep = { node: h.node, type: nodes.get(h.node)?.type ?? '' };
      out.push(s);
      last.set(h.node, s);
      continue;
    }
    const s = h.node ? last.get(h.node) : undefined;
    if (!s) continue;
    if (h.type === 'branch') s.branch = String(h.detail?.branch ?? '');
    else if (h.type === 'node.approved') s.outcome ??= 'approve';
    else if (h.type === 'node.rejected') s.outcome ??= 'reject';
    else if (h.type === 'node.auto') s.outcome = h.outcome === 'reject' ? 'auto-reject' : 'auto-approve';
    else if (h.type === 'timer.waiting') s.note = 'timer';
  }
  return out;
}
