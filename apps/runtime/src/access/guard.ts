import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser } from '../context.js';
import { KilnError } from '../errors.js';
import type { FormRuntime } from '../records/form-runtime.js';
import { formAccess, type AppAccess, type FormAccess, type FormAction } from './resolve.js';
import type { PolicyNode } from '@kiln/engine-rules';
import { policySql, TREE_MAX_DEPTH, userValue, type PolicyEnv } from './policy-sql.js';

type Sql = RawBuilder<unknown>;

/**
 * A caller's permissions on one form, ready for the records service: which actions, the row
 * condition of each (SQL, never a filter in JavaScript), and the field policies.
 */
export interface RecordGuard {
  readonly formKey: string;
  readonly access: FormAccess;
  readonly env: PolicyEnv;
  readonly unrestricted: boolean;
}

/** Builds the guard of a form for a caller whose app access is known. */
export function recordGuard(access: AppAccess, rt: Pick<FormRuntime, 'form' | 'allStorage'>, user: CurrentUser): RecordGuard {
  return { formKey: rt.form.key, access: formAccess(access, rt.form.key), env: { storage: rt.allStorage, user, self: access.self }, unrestricted: access.unrestricted };
}

/**
 * A cheaper proof for rows reached by walking the self-relation `parentKey` down from one record
 * (at most `depth` levels): when one of the caller's read policies is
 * `id in subtree(<parentKey>, R)` reaching at least `depth` levels, every row of such a walk is
 * readable iff the walk starts at R — one comparison on the root row (table alias `rootAlias`)
 * instead of the subtree test on every row. The comparison is evaluated in the statement (R is
 * never taken from a cache). Undefined when no read policy has that shape (use `rowCondition`).
 */
export function subtreeWalkCondition(g: RecordGuard | undefined, parentKey: string, depth: number, rootAlias: string): Sql | undefined {
  if (!g) return undefined;
  const rule = g.access.actions.read;
  if (!rule.allowed || !rule.where) return undefined;
  const roots = rule.where.filter((n): n is Extract<PolicyNode, { kind: 'tree' }> =>
    n.kind === 'tree' && n.field === 'id' && n.mode === 'subtree' && n.parent === parentKey && (n.maxDepth ?? TREE_MAX_DEPTH) >= depth);
  if (!roots.length) return undefined;
  const parts = roots.map((n) => policySql({ kind: 'cmp', field: 'id', op: '=', value: n.root }, g.formKey, rootAlias, g.env));
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

/** Refuses (FORBIDDEN) an action the guard does not allow. */
export function requireAction(g: RecordGuard | undefined, action: FormAction): void {
  if (g && !g.access.actions[action].allowed) throw new KilnError('FORBIDDEN', `You may not ${action} ${g.formKey} records.`, { form: g.formKey, action });
}

/** The row condition of an action on the table aliased `alias` (`true` when unrestricted). */
export function rowCondition(g: RecordGuard | undefined, action: FormAction, alias = 't'): Sql {
  if (!g) return sql`true`;
  const rule = g.access.actions[action];
  if (!rule.allowed) return sql`false`;
  if (!rule.where) return sql`true`;
  const parts = rule.where.map((n) => policySql(n, g.formKey, alias, g.env));
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

/** Whether a field is hidden from the caller. */
export const isHidden = (g: RecordGuard | undefined, key: string): boolean => Boolean(g?.access.hidden.has(key));

/**
 * Refuses writes to read-only (or hidden) fields, naming them all (FIELD_READ_ONLY), and fills
 * the values the role sets on create. Returns the input to validate.
 */
export function guardInput(g: RecordGuard | undefined, input: unknown, mode: 'create' | 'update'): unknown {
  if (!g || g.unrestricted || !input || typeof input !== 'object' || Array.isArray(input)) return input;
  const given = input as Record<string, unknown>;
  const refused = Object.keys(given).filter((k) => g.access.readOnly.has(k));
  if (refused.length) throw new KilnError('FIELD_READ_ONLY', `You may not change ${refused.join(', ')}.`, { fields: refused.map((k) => `/${k}`) });
  if (mode === 'update' || !g.access.set.size) return input;
  const out = { ...given };
  for (const [k, v] of g.access.set) {
    if (v.kind === 'literal') out[k] = v.value;
    else if (v.kind === 'user' && v.attr !== 'record') out[k] = userValue(g.env.user, v.attr);
    // `$user.record` is filled by the service in SQL terms (it needs the database): see selfRecordId.
  }
  return out;
}

/** Fields the role sets to the caller's own record on create. */
export function selfRecordFields(g: RecordGuard | undefined): string[] {
  if (!g || g.unrestricted) return [];
  return [...g.access.set].filter(([, v]) => v.kind === 'user' && v.attr === 'record').map(([k]) => k);
}
