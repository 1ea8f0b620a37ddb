import type { FormDefinition } from '@kiln/engine-forms';
import type { FlowDefinition, StartTrigger } from '@kiln/engine-flow';
import { flowExprId, flowExpressions } from '../flows/expressions.js';
import { compileProgram, type Program, type RuleDefinition, type RuleProblem, type TriggerRuleDefinition } from '@kiln/engine-rules';
import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { versionOf, type AppRow } from '../metadata/apps.js';

/** A formula field of a form and the program entry that computes it. */
export interface FormulaInfo {
  key: string;
  exprId: string;
  resultType: string;
  scale?: number;
}

/** The rules of one published app version, compiled once and indexed by what fires them. */
export interface AppRules {
  appId: number;
  version: number;
  program: Program;
  problems: RuleProblem[];
  rules: Record<string, RuleDefinition>;
  /** `${form}|${event}` → enabled trigger rules, in priority then key order (`record.saved` rules under created and updated). */
  byEvent: Map<string, TriggerRuleDefinition[]>;
  schedules: TriggerRuleDefinition[];
  webhooks: Map<string, TriggerRuleDefinition>;
  /** form key → its formula fields. */
  formulas: Map<string, FormulaInfo[]>;
  /** The published flows (their expressions are entries of `program`: see flows/expressions.ts). */
  flows: Record<string, FlowDefinition>;
  /** `${form}|${trigger}` → enabled flows starting on that event (`record.created`, `form.submitted`). */
  flowStarts: Map<string, FlowDefinition[]>;
}

/** The program entry id of a formula field. */
export const formulaExprId = (form: string, field: string) => `formula.${form}.${field}`;

const caches = new WeakMap<object, Map<string, Promise<AppRules>>>();

/** The compiled rules of an app's published version (cached per database, app and version). */
export function appRules(db: Kysely<KilnDatabase>, app: Pick<AppRow, 'id'>, version: number, queryDb: Kysely<KilnDatabase> = db): Promise<AppRules> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const k = `${app.id}:${version}`;
  let hit = cache.get(k);
  if (!hit) {
    hit = build(queryDb, app.id, version);
    cache.set(k, hit);
    hit.catch(() => cache.delete(k));
  }
  return hit;
}

async function build(db: Kysely<KilnDatabase>, appId: number, version: number): Promise<AppRules> {
  const published = await versionOf(db, appId, version);
  const rules = (published?.metadata.rules ?? {}) as Record<string, RuleDefinition>;
  const forms = (published?.metadata.forms ?? {}) as Record<string, FormDefinition>;
  const flows = (published?.metadata.flows ?? {}) as Record<string, FlowDefinition>;
  return compileAppRules(appId, version, rules, forms, flows);
}

/** Compiles and indexes a metadata set's rules and formulas (also used for drafts by the test console). */
export function compileAppRules(appId: number, version: number, rules: Record<string, RuleDefinition>, forms: Record<string, FormDefinition>, flows: Record<string, FlowDefinition> = {}): AppRules {
  const formulas = new Map<string, FormulaInfo[]>();
  const exprs: Record<string, { source: string; context: 'formula' | 'trigger' }> = {};
  const flowStarts = new Map<string, FlowDefinition[]>();
  for (const [key, def] of Object.entries(flows)) {
    if (!def || typeof def !== 'object') continue;
    for (const [local, source] of Object.entries(flowExpressions(def))) exprs[flowExprId(key, local)] = { source, context: 'trigger' };
    const start = Array.isArray(def.nodes) ? def.nodes.find((n) => n?.type === 'start') : undefined;
    const trigger = (start?.data as { trigger?: StartTrigger } | undefined)?.trigger;
    if (def.enabled === false || (trigger !== 'record.created' && trigger !== 'form.submitted')) continue;
    const k = `${def.form}|${trigger}`;
    flowStarts.set(k, [...(flowStarts.get(k) ?? []), def]);
  }
  for (const form of Object.values(forms)) {
    for (const field of form.fields ?? []) {
      if (field.type !== 'formula' || typeof field.expression !== 'string') continue;
      const exprId = formulaExprId(form.key, field.key);
      exprs[exprId] = { source: field.expression, context: 'formula' };
      const list = formulas.get(form.key) ?? [];
      list.push({ key: field.key, exprId, resultType: field.resultType, ...(field.scale !== undefined ? { scale: field.scale } : {}) });
      formulas.set(form.key, list);
    }
  }
  const { program, problems } = compileProgram({ rules, exprs });
  const byEvent = new Map<string, TriggerRuleDefinition[]>();
  const schedules: TriggerRuleDefinition[] = [];
  const webhooks = new Map<string, TriggerRuleDefinition>();
  const triggers = Object.values(rules)
    .filter((r): r is TriggerRuleDefinition => r?.type === 'trigger' && r.enabled !== false)
    .sort((a, b) => (a.priority ?? 100) - (b.priority ?? 100) || a.key.localeCompare(b.key));
  for (const r of triggers) {
    const t = r.trigger;
    if (t.event === 'schedule') schedules.push(r);
    else if (t.event === 'webhook') webhooks.set(t.hook, r);
    else {
      // `record.saved` listens to both created and updated: indexed under both, so a write
      // looks up one list (already in priority order).
      const events = t.event === 'record.saved' ? ['record.created', 'record.updated'] : [t.event];
      for (const ev of events) {
        const k = t.event === 'flow.node' ? `${t.flow}|flow.node|${t.node}` : `${t.form}|${ev}`;
        const list = byEvent.get(k) ?? [];
        list.push(r);
        byEvent.set(k, list);
      }
    }
  }
  return { appId, version, program, problems, rules, byEvent, schedules, webhooks, formulas, flows, flowStarts };
}
