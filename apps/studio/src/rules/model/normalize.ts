import type { ActionSpec, RuleDefinition, TableRow } from '@kiln/engine-rules';

type Loose = Record<string, unknown>;
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const map = (v: unknown): Record<string, string> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});

function action(a: ActionSpec): ActionSpec {
  const x = { ...a } as Loose;
  if ('values' in x || ['create', 'update', 'upsert'].includes(String(x.type))) x.values = map(x.values);
  if (x.type === 'upsert') x.match = map(x.match);
  return x as unknown as ActionSpec;
}

function row(r: TableRow): TableRow {
  return { ...r, when: map(r.when), then: map(r.then) };
}

/**
 * A stored draft made safe to edit: stored under `key`, with the lists and maps the editor walks
 * present even when a hand-written or older draft left them out. Nothing else changes, so an
 * untouched draft saves back as it was (plus those empty containers).
 */
export function normalizeRule(def: RuleDefinition | undefined, key: string): RuleDefinition {
  const d = (def ?? {}) as unknown as Loose;
  const title = (d.title as RuleDefinition['title']) ?? { 'zh-CN': key, en: key };
  if (d.type === 'table') {
    return {
      ...(d as unknown as RuleDefinition),
      formatVersion: (d.formatVersion ?? 1) as 1,
      key,
      type: 'table',
      title,
      hitPolicy: (d.hitPolicy as 'first') ?? 'first',
      inputs: list(d.inputs),
      outputs: list(d.outputs),
      rows: list<TableRow>(d.rows).map(row),
    };
  }
  return {
    ...(d as unknown as RuleDefinition),
    formatVersion: (d.formatVersion ?? 1) as 1,
    key,
    type: 'trigger',
    title,
    trigger: (d.trigger as { event: 'record.created'; form: string }) ?? { event: 'record.created', form: '' },
    actions: list<ActionSpec>(d.actions).map(action),
  };
}
