import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { formRuntime } from '../records/form-runtime.js';
import { createRecord } from '../records/service.js';
import type { DemoRecord } from './catalog.js';

interface Pending {
  form: string;
  index: number;
  ref?: string;
  values: Record<string, unknown>;
  needs: string[];
}

const isRef = (v: unknown): v is { $ref: string } =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 1 && typeof (v as { $ref?: unknown }).$ref === 'string';

function refsIn(v: unknown, out: string[] = []): string[] {
  if (isRef(v)) out.push(v.$ref);
  else if (Array.isArray(v)) v.forEach((x) => refsIn(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => refsIn(x, out));
  return out;
}

function resolve(v: unknown, ids: Map<string, number>): unknown {
  if (isRef(v)) return ids.get(v.$ref);
  if (Array.isArray(v)) return v.map((x) => resolve(x, ids));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, ids)]));
  return v;
}

/**
 * Inserts demo records through `createRecord`, so the published forms' validation applies.
 * A record may carry `$ref: name`; any value `{ $ref: name }` (a relation, or an item of a
 * many-relation) becomes that record's id. Records go in dependency order: each pass inserts
 * every record whose references are known, keeping file order otherwise.
 * Returns the number of records inserted per form.
 */
export async function insertDemoData(ctx: KilnContext, appKey: string, demo: Record<string, DemoRecord[]>, opts: { userId: number | null; locale: 'zh-CN' | 'en'; tenantId?: number }): Promise<Record<string, number>> {
  let pending: Pending[] = [];
  const names = new Set<string>();
  for (const [form, list] of Object.entries(demo)) {
    list.forEach((rec, index) => {
      const { $ref, ...values } = rec ?? {};
      if ($ref !== undefined) {
        if (names.has($ref)) throw new KilnError('TEMPLATE_INVALID', `demo/${form}.yaml #${index}: the $ref name "${$ref}" is used twice.`, undefined, 500);
        names.add($ref);
      }
      pending.push({ form, index, ref: $ref, values, needs: refsIn(values) });
    });
  }
  const ids = new Map<string, number>();
  const counts: Record<string, number> = {};
  while (pending.length) {
    const ready = pending.filter((p) => p.needs.every((n) => ids.has(n)));
    if (!ready.length) {
      const p = pending[0]!;
      throw new KilnError('TEMPLATE_INVALID', `demo/${p.form}.yaml #${p.index}: unknown or circular $ref ${p.needs.filter((n) => !ids.has(n)).join(', ')}.`, undefined, 500);
    }
    for (const p of ready) {
      const rt = await formRuntime(ctx.db, appKey, p.form, opts.tenantId ?? 1);
      try {
        const { record } = await createRecord(ctx, rt, resolve(p.values, ids), { userId: opts.userId, locale: opts.locale });
        if (p.ref) ids.set(p.ref, record.id);
      } catch (err) {
        if (err instanceof KilnError) throw new KilnError(err.code, `demo/${p.form}.yaml #${p.index}: ${err.message}`, err.details, err.status);
        throw err;
      }
      counts[p.form] = (counts[p.form] ?? 0) + 1;
    }
    pending = pending.filter((p) => !ready.includes(p));
  }
  return counts;
}
