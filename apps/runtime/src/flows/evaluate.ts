import type { Program } from '@kiln/engine-rules';
import type { Kysely, Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import type { AppRow } from '../metadata/apps.js';
import { lookupPort } from '../rules/lookup.js';
import { sandbox } from '../rules/sandbox.js';
import { flowExprId } from './expressions.js';

/** Facts a flow expression sees (the rule engine's `trigger` context). */
export interface FlowFacts {
  record: Record<string, unknown> | null;
  event: { type: 'flow.node'; app: string; flow: string; node: string; at: string; instance: { id: number | null; initiator: number | null; startedAt: string | null }; user: { id: number } | null; params: Record<string, never> };
}

/** Builds the facts of a flow expression. */
export function flowFacts(app: AppRow, flow: string, node: string, at: string, record: Record<string, unknown> | null, instance: FlowFacts['event']['instance'], user: number | null): FlowFacts {
  return { record, event: { type: 'flow.node', app: app.key, flow, node, at, instance, user: user === null ? null : { id: user }, params: {} } };
}

/**
 * Evaluates flow expressions (by local id) in the rules sandbox, with read-only lookups in the
 * caller's transaction. Returns the results, or the first error as data.
 */
export async function evaluateFlowExprs(ctx: KilnContext, db: Transaction<KilnDatabase> | Kysely<KilnDatabase>, app: AppRow, program: Program, flow: string, ids: readonly string[], facts: FlowFacts): Promise<{ results: Record<string, unknown>; error?: { code: string; message: string } }> {
  const results: Record<string, unknown> = {};
  for (const id of ids) {
    const res = await sandbox().run(program, { kind: 'exprs', key: flowExprId(flow, id) }, { ...facts, old: null, changed: [] }, { now: facts.event.at, lookup: lookupPort(ctx.db, db, app) });
    if (!res.ok) return { results, error: { code: res.error.code, message: `${id}: ${res.error.message}` } };
    results[id] = res.value;
  }
  return { results };
}
