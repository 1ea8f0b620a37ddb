import type { Kysely } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import type { FormRuntime } from '../records/form-runtime.js';
import { appRules, type FormulaInfo } from './app-rules.js';
import { sandbox } from './sandbox.js';

/** Coerces a formula's value to its result type (money → whole fen, dates → ISO), or null. */
export function coerceFormula(info: Pick<FormulaInfo, 'resultType' | 'scale'>, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (info.resultType) {
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      const f = 10 ** (info.scale ?? 6);
      return Math.round(v * f) / f;
    }
    case 'boolean':
      return Boolean(v);
    case 'date':
    case 'datetime': {
      const d = new Date(v as string);
      if (typeof v !== 'string' || Number.isNaN(d.getTime())) return null;
      return info.resultType === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
    }
    default:
      return typeof v === 'string' ? v.slice(0, 10_000) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  }
}

/** Result of computing a form's formulas. */
export interface FormulaValues {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** Computes every formula field of a form from the other values, in the sandbox (no lookups). */
export async function computeFormulas(ctx: KilnContext, formulas: FormulaInfo[], program: Parameters<ReturnType<typeof sandbox>['run']>[0], record: Record<string, unknown>): Promise<FormulaValues> {
  const out: FormulaValues = { values: {}, errors: {} };
  const now = ctx.clock.now().toISOString();
  for (const f of formulas) {
    const res = await sandbox().run(program, { kind: 'exprs', key: f.exprId }, { record: { ...record, ...out.values } }, { now });
    if (res.ok) out.values[f.key] = coerceFormula(f, res.value);
    else {
      out.values[f.key] = null;
      out.errors[f.key] = res.error.message;
    }
  }
  return out;
}

/**
 * A row with its formula fields computed (client-sent formula values were already dropped by
 * the validator). With `onlyComputed`, just the formula values.
 */
export async function withFormulas(ctx: KilnContext, rt: FormRuntime, value: Record<string, unknown>, opts: { onlyComputed?: boolean; queryDb?: Kysely<KilnDatabase> } = {}): Promise<Record<string, unknown>> {
  const onlyComputed = opts.onlyComputed ?? false;
  if (!rt.columns.some((c) => c.type === 'formula')) return onlyComputed ? {} : value;
  const rules = await appRules(ctx.db, rt.app, rt.version, opts.queryDb);
  const formulas = rules.formulas.get(rt.form.key) ?? [];
  const { values } = await computeFormulas(ctx, formulas, rules.program, value);
  return onlyComputed ? values : { ...value, ...values };
}
