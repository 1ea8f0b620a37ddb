import type { AssigneeSpec } from '@kiln/engine-flow';
import { sql, type Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';

type Trx = Transaction<KilnDatabase>;

/** What resolving assignees needs besides the specs: the record, the initiator and expression results. */
export interface AssigneeFacts {
  /** The app's workspace: only its users can be assigned. */
  tenantId: number;
  record: Record<string, unknown> | null;
  initiator: number | null;
  /** Results of `expression` specs by spec index. */
  expressions: Map<number, unknown>;
}

const ids = (v: unknown): number[] => {
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (x && typeof x === 'object' && 'id' in x ? Number((x as { id: unknown }).id) : Number(x))).filter((n) => Number.isSafeInteger(n) && n > 0);
};

/** The manager chain of a user: `levels` up; only the top one unless `all`. */
async function managers(trx: Trx, of: number | null, levels: number, all: boolean): Promise<number[]> {
  const out: number[] = [];
  let cur = of;
  for (let i = 0; i < levels && cur !== null; i++) {
    const r = await trx.selectFrom('users').select('manager_id').where('id', '=', cur).executeTakeFirst();
    cur = r?.manager_id === null || r?.manager_id === undefined ? null : Number(r.manager_id);
    if (cur !== null && (all || i === levels - 1)) out.push(cur);
  }
  return out;
}

/**
 * Resolves assignee specs to active user ids (in spec order, without duplicates). Unknown and
 * disabled users are dropped; an empty answer is the caller's to handle (`onEmpty`).
 */
export async function resolveAssignees(trx: Trx, specs: readonly AssigneeSpec[], facts: AssigneeFacts, of?: number): Promise<number[]> {
  const wanted: number[] = [];
  for (const [i, s] of specs.entries()) {
    switch (s.kind) {
      case 'users':
        wanted.push(...ids(s.users));
        break;
      case 'role': {
        const r = await trx.selectFrom('users').select('id').where('role', '=', s.role).where('tenant_id', '=', facts.tenantId).where('disabled', '=', false).orderBy('id').execute();
        wanted.push(...r.map((x) => Number(x.id)));
        break;
      }
      case 'group': {
        const r = await sql<{ id: string }>`select id from users where ${s.group} = any(groups) and tenant_id = ${facts.tenantId} and not disabled order by id`.execute(trx);
        wanted.push(...r.rows.map((x) => Number(x.id)));
        break;
      }
      case 'field':
        wanted.push(...ids(facts.record?.[s.field]));
        break;
      case 'manager':
        wanted.push(...(await managers(trx, of ?? facts.initiator, Math.max(1, Math.min(10, Math.trunc(s.levels) || 1)), s.all === true)));
        break;
      case 'initiator':
        if (facts.initiator !== null) wanted.push(facts.initiator);
        break;
      case 'expression':
        wanted.push(...ids(facts.expressions.get(i)));
        break;
    }
  }
  const unique = [...new Set(wanted)];
  if (!unique.length) return [];
  const active = await trx.selectFrom('users').select('id').where('id', 'in', unique).where('tenant_id', '=', facts.tenantId).where('disabled', '=', false).execute();
  const ok = new Set(active.map((x) => Number(x.id)));
  return unique.filter((u) => ok.has(u));
}

/** Active administrators (the fallback assignees of an approval nobody else was found for). */
export async function admins(trx: Trx, tenantId: number): Promise<number[]> {
  const r = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('tenant_id', '=', tenantId).where('disabled', '=', false).orderBy('id').execute();
  return r.map((x) => Number(x.id));
}

/**
 * Picks one candidate in turn. The counter is per flow node and candidate set, so leads of
 * different regions rotate independently; the row lock serialises concurrent picks.
 */
export async function roundRobin(trx: Trx, at: { appId: number; flow: string; node: string }, candidates: number[]): Promise<number[]> {
  if (candidates.length <= 1) return candidates;
  const sorted = [...candidates].sort((a, b) => a - b);
  const r = await sql<{ turn: string }>`insert into flow_round_robin (app_id, flow_key, node_id, candidates, turn) values (${at.appId}, ${at.flow}, ${at.node}, ${sorted.join(',')}, 0)
    on conflict (app_id, flow_key, node_id, candidates) do update set turn = flow_round_robin.turn + 1 returning turn`.execute(trx);
  const turn = Number(r.rows[0]!.turn);
  return [sorted[turn % sorted.length]!];
}
