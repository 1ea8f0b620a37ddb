import type { RuleOutcome, TriggerEvent, TriggerRuleDefinition } from '@kiln/engine-rules';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import type { ApiRecord } from '../records/service.js';
import { appRules, type AppRules } from './app-rules.js';
import { applyEffects } from './effects.js';
import { scopeLookups } from './lookup.js';
import { sandbox } from './sandbox.js';
import { MAX_CASCADE_DEPTH, trimMemo, type WriteScope } from './scope.js';

/** A record event as rules see it. */
export interface RecordEvent {
  type: Extract<TriggerEvent, 'record.created' | 'record.updated' | 'record.deleted' | 'form.submitted'>;
  form: string;
  record: ApiRecord | null;
  old: ApiRecord | null;
  /** Link parameters of a public submission. */
  params?: Record<string, string>;
}

const SYSTEM_KEYS = new Set(['updatedAt', 'formVersion']);

/** Keys whose values differ between two versions of a record. */
export function changedKeys(record: ApiRecord | null, old: ApiRecord | null): string[] {
  if (!record || !old) return Object.keys(record ?? old ?? {}).filter((k) => !SYSTEM_KEYS.has(k));
  return Object.keys(record).filter((k) => !SYSTEM_KEYS.has(k) && JSON.stringify(record[k]) !== JSON.stringify(old[k]));
}

/** The trigger rules listening to an event of a form (created/updated include `record.saved` rules). */
export function rulesFor(rules: AppRules, form: string, type: RecordEvent['type']): TriggerRuleDefinition[] {
  return rules.byEvent.get(`${form}|${type}`) ?? [];
}

/** Whether any rule listens to these events of a form (cheap: lets writes skip loading records). */
export async function hasTriggers(ws: Pick<WriteScope, 'ctx' | 'trx'>, app: AppRow, version: number, form: string, types: RecordEvent['type'][]): Promise<boolean> {
  const rules = await appRules(ws.ctx.db, app, version, ws.trx);
  return types.some((t) => rulesFor(rules, form, t).length > 0);
}

/**
 * Evaluates every rule listening to a record event, in the scope's transaction, and applies
 * their effects there too. A failing rule or a `reject` throws, rolling the whole write back.
 */
export async function fireRecordEvent(ws: WriteScope, app: AppRow, version: number, ev: RecordEvent): Promise<void> {
  const rules = await appRules(ws.ctx.db, app, version, ws.trx);
  const listening = rulesFor(rules, ev.form, ev.type);
  if (!listening.length) return;
  const changed = changedKeys(ev.record, ev.old);
  const now = ws.ctx.clock.now().toISOString();
  const event = { type: ev.type, app: app.key, form: ev.form, at: now, user: ws.userId === null ? null : { id: ws.userId, role: ws.role }, params: ev.params ?? {} };
  for (const rule of listening) {
    const t = rule.trigger;
    if (ev.type === 'record.updated' && 'fields' in t && t.fields?.length && !t.fields.some((f) => changed.includes(f))) continue;
    await evaluateTrigger(ws, app, rules, rule, { record: ev.record, old: ev.old, changed, event }, `${ev.form}:${ev.record?.id ?? ev.old?.id}:${ev.type}:${ev.record?.updatedAt ?? now}`);
  }
}

/** Evaluates one trigger rule with the given facts and applies its effects. */
export async function evaluateTrigger(ws: WriteScope, app: AppRow, rules: AppRules, rule: TriggerRuleDefinition, facts: Record<string, unknown>, eventKey: string): Promise<RuleOutcome> {
  if (ws.depth >= MAX_CASCADE_DEPTH) {
    throw new KilnError('RULE_CASCADE_LIMIT', `Rules fired each other ${MAX_CASCADE_DEPTH} levels deep (${[...ws.chain, rule.key].join(' → ')}); nothing was saved.`, { chain: [...ws.chain, rule.key] });
  }
  const broken = rules.problems.filter((p) => p.rule === rule.key && p.severity === 'error');
  if (broken.length) throw new KilnError('RULE_FAILED', `Rule "${rule.key}" has problems: ${broken[0]!.message}`, { rule: rule.key, problems: broken });
  const res = await sandbox().run<RuleOutcome>(rules.program, { kind: 'rules', key: rule.key }, facts, { now: ws.ctx.clock.now().toISOString(), lookup: scopeLookups(ws, app), memo: ws.memo });
  const mode = rule.trace ?? 'all';
  if (mode === 'all' || (mode === 'errors' && !res.ok)) {
    ws.traces.push({
      app_id: app.id, rule_key: rule.key, version: rules.version, at: ws.ctx.clock.now().toISOString(), event: String((facts.event as { type?: string })?.type ?? ''),
      ok: res.ok, duration_us: Math.round(res.durationUs), facts, outcome: res.ok ? res.value : null, error: res.ok ? null : res.error,
    });
  }
  if (!res.ok) {
    throw new KilnError('RULE_FAILED', `Rule "${rule.key}" failed: ${res.error.message}`, { ...res.error, rule: rule.key });
  }
  if (res.value.matched && res.value.effects.length) {
    // The triggering record (when the event is about one): connector deliveries write back onto it.
    const ev = facts.event as { form?: unknown } | undefined;
    const rec = facts.record as { id?: unknown } | null | undefined;
    const source = typeof ev?.form === 'string' && typeof rec?.id === 'number' ? { form: ev.form, id: rec.id } : null;
    await applyEffects(ws, app, rule.key, res.value.effects, eventKey, source);
    trimMemo(ws);
  }
  return res.value;
}

/**
 * Hook point for the flow engine: fires the `flow.node` rules of `flow`/`node` for an instance's
 * record, in the flow step's transaction.
 */
export async function fireFlowNode(ws: WriteScope, app: AppRow, version: number, flow: string, node: string, record: ApiRecord | null, instance: Record<string, unknown> = {}): Promise<void> {
  const rules = await appRules(ws.ctx.db, app, version, ws.trx);
  const listening = rules.byEvent.get(`${flow}|flow.node|${node}`) ?? [];
  const now = ws.ctx.clock.now().toISOString();
  for (const rule of listening) {
    const event = { type: 'flow.node', app: app.key, flow, node, instance, at: now, user: ws.userId === null ? null : { id: ws.userId, role: ws.role }, params: {} };
    await evaluateTrigger(ws, app, rules, rule, { record, old: null, changed: [], event }, `flow:${flow}:${node}:${String(instance.id ?? record?.id ?? '')}:${now}`);
  }
}
