import { sql, type Kysely } from 'kysely';
import type { KilnDatabase, RuleTracesTable } from '../db/schema.js';

/** How many traces are kept per rule. */
export const TRACES_KEPT = 50;

/** One stored evaluation of a rule (a `rule_traces` row; the JSON columns as plain values). */
export type TraceRow = Omit<RuleTracesTable, 'id' | 'facts' | 'outcome' | 'error'> & { facts: unknown; outcome: unknown; error: unknown };

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Stores traces (one statement) and trims each touched rule to its last TRACES_KEPT. */
export async function writeTraces(db: Kysely<KilnDatabase>, rows: TraceRow[]): Promise<void> {
  await db.insertInto('rule_traces').values(rows.map((r) => ({ ...r, facts: json(r.facts) as never, outcome: json(r.outcome) as never, error: json(r.error) as never }))).execute();
  const touched = new Map(rows.map((r) => [`${r.app_id}|${r.rule_key}`, r] as const));
  for (const r of touched.values()) {
    await sql`delete from rule_traces where app_id = ${r.app_id} and rule_key = ${r.rule_key}
      and id <= (select id from rule_traces where app_id = ${r.app_id} and rule_key = ${r.rule_key} order by id desc offset ${TRACES_KEPT} limit 1)`.execute(db);
  }
}

/** The latest traces of a rule, newest first. */
export async function listTraces(db: Kysely<KilnDatabase>, appId: number, rule: string, limit: number) {
  const rows = await db.selectFrom('rule_traces').selectAll().where('app_id', '=', appId).where('rule_key', '=', rule).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at).toISOString(), version: r.version, event: r.event, ok: r.ok, durationUs: r.duration_us, facts: r.facts, outcome: r.outcome, error: r.error }));
}
