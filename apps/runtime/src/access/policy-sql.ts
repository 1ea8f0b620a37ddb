import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import type { PolicyNode, PolicyValue } from '@kiln/engine-rules';
import type { CurrentUser } from '../context.js';
import { safeName, type ColumnInfo } from '../records/columns.js';
import type { FormStorage } from '../records/schema-sync.js';

type Sql = RawBuilder<unknown>;

/** How `$user.record` is found: the record of `form` whose `field` equals the user's `userAttr`. */
export interface SelfSpec {
  form: string;
  field: string;
  userAttr: 'phone' | 'email' | 'id';
}

/** What compiling a policy needs: the app's storage, the viewer, and how their own record is found. */
export interface PolicyEnv {
  storage: Map<string, FormStorage>;
  user: CurrentUser;
  self?: SelfSpec;
}

/** System columns every record table has, by the key policies use. */
const SYSTEM: Record<string, Pick<ColumnInfo, 'column' | 'sqlType' | 'type'>> = {
  id: { column: 'id', sqlType: 'bigint', type: 'number' },
  createdBy: { column: 'created_by', sqlType: 'bigint', type: 'user' },
  updatedBy: { column: 'updated_by', sqlType: 'bigint', type: 'user' },
  createdAt: { column: 'created_at', sqlType: 'timestamptz', type: 'datetime' },
  updatedAt: { column: 'updated_at', sqlType: 'timestamptz', type: 'datetime' },
};

/** Default bound on tree walks without an explicit depth (also what stops a cycle). */
export const TREE_MAX_DEPTH = 64;

type Col = Pick<ColumnInfo, 'column' | 'sqlType' | 'type'> & Partial<Pick<ColumnInfo, 'target' | 'many' | 'joinTable'>>;

/** A value in SQL: one scalar expression, or a list (an array parameter or a literal list). */
type Compiled = { kind: 'scalar'; sql: Sql; isNull?: boolean } | { kind: 'array'; values: unknown[] } | { kind: 'list'; items: Sql[] };

/** A policy failure that metadata validation should have caught (stale storage, retired field). */
export class PolicyCompileError extends Error {}

function columnOf(storage: FormStorage, key: string): Col {
  const sys = SYSTEM[key];
  if (sys) return sys;
  const c = Object.values(storage.columns).find((x) => x.key === key && !x.retired);
  if (!c) throw new PolicyCompileError(`Field "${key}" of ${storage.formKey} is not stored.`);
  return c;
}

const ARRAY_TYPE: Record<string, string> = { bigint: 'bigint[]', numeric: 'numeric[]', date: 'date[]', timestamptz: 'timestamptz[]', boolean: 'boolean[]' };

/** `$user.<attr>` as a JS value (undefined attributes are null). */
export function userValue(user: CurrentUser, attr: string): unknown {
  switch (attr) {
    case 'id':
      return user.id;
    case 'email':
      return user.email;
    case 'phone':
      return user.phone ?? null;
    case 'groups':
      return user.groups ?? [];
    default: {
      const v = user.attributes?.[attr];
      return v === undefined ? null : v;
    }
  }
}

/** `$user.record` as SQL: a sub-select of the viewer's own record (null when they have none). */
export function selfRecordSql(env: PolicyEnv): Sql {
  const self = env.self;
  if (!self) return sql`null::bigint`;
  const st = env.storage.get(self.form);
  if (!st) throw new PolicyCompileError(`Form "${self.form}" has no storage.`);
  const c = columnOf(st, self.field);
  const v = userValue(env.user, self.userAttr);
  if (v === null || v === undefined) return sql`null::bigint`;
  return sql`(select s.id from ${sql.id(safeName(st.table))} s where s.${sql.id(safeName(c.column))} = ${v} order by s.id limit 1)`;
}

/** The viewer's own record id (`$user.record`), or null. */
export async function selfRecordId(db: Kysely<KilnDatabase> | Transaction<KilnDatabase>, env: PolicyEnv): Promise<number | null> {
  const r = await sql<{ id: string | number | null }>`select ${selfRecordSql(env)} as id`.execute(db);
  const id = r.rows[0]?.id;
  return id === null || id === undefined ? null : Number(id);
}

// Recently found own records: table|field|value → id. Only pages that *show* the viewer's own
// data use this (the portal); row policies always compute `$user.record` afresh in their own
// statement, so a stale entry can pick the wrong root but never widens what a viewer sees.
const SELF_TTL_MS = 10_000;
const SELF_MAX = 10_000;
const recentSelf = new Map<string, { id: number; at: number }>();

/**
 * Like {@link selfRecordId}, remembering a found id for a few seconds (a portal page asks for
 * its profile, downline and ledger at once; one lookup serves them). Not-found is not remembered.
 */
export async function recentSelfRecordId(db: Kysely<KilnDatabase> | Transaction<KilnDatabase>, env: PolicyEnv): Promise<number | null> {
  const self = env.self;
  const value = self ? userValue(env.user, self.userAttr) : null;
  const table = self ? env.storage.get(self.form)?.table : undefined;
  if (!self || value === null || value === undefined || !table) return selfRecordId(db, env);
  const key = `${table}|${self.field}|${JSON.stringify(value)}`;
  const now = performance.now();
  const hit = recentSelf.get(key);
  if (hit && now - hit.at < SELF_TTL_MS) return hit.id;
  const id = await selfRecordId(db, env);
  recentSelf.delete(key);
  if (id !== null) {
    if (recentSelf.size >= SELF_MAX) recentSelf.delete(recentSelf.keys().next().value!);
    recentSelf.set(key, { id, at: now });
  }
  return id;
}

/**
 * Compiles a row policy into an SQL condition on the table aliased `alias` of form `formKey`.
 * Every value is bound; identifiers come from the storage registry only. `$user.record` becomes a
 * sub-select of the member's own record, so the whole policy is one statement.
 */
export function policySql(node: PolicyNode, formKey: string, alias: string, env: PolicyEnv): Sql {
  const storage = env.storage.get(formKey);
  if (!storage) throw new PolicyCompileError(`Form "${formKey}" has no storage.`);
  const ref = (c: Col) => sql.ref(`${alias}.${safeName(c.column)}`);

  const selfRecord = (): Sql => selfRecordSql(env);

  const value = (v: PolicyValue): Compiled => {
    if (v.kind === 'literal') return v.value === null ? { kind: 'scalar', sql: sql`null`, isNull: true } : { kind: 'scalar', sql: sql`${v.value}` };
    if (v.kind === 'list') return { kind: 'list', items: v.items.map((i) => scalar(value(i))) };
    if (v.attr === 'record') return { kind: 'scalar', sql: selfRecord() };
    const raw = userValue(env.user, v.attr);
    if (Array.isArray(raw)) return { kind: 'array', values: raw };
    if (raw === null) return { kind: 'scalar', sql: sql`null`, isNull: true };
    return { kind: 'scalar', sql: sql`${raw}` };
  };
  const scalar = (c: Compiled): Sql => {
    if (c.kind === 'scalar') return c.sql;
    throw new PolicyCompileError('A list cannot stand where one value is expected.');
  };

  const memberOf = (c: Col, v: Compiled): Sql => {
    if (c.sqlType === 'join') {
      const jt = sql.id(safeName(c.joinTable!));
      if (v.kind === 'scalar') return sql`exists (select 1 from ${jt} j where j.src = ${sql.ref(`${alias}.id`)} and j.dst = ${v.sql})`;
      const set = v.kind === 'array' ? sql`any(${v.values}::bigint[])` : sql`any(array[${sql.join(v.items)}]::bigint[])`;
      return v.kind === 'list' && !v.items.length ? sql`false` : sql`exists (select 1 from ${jt} j where j.src = ${sql.ref(`${alias}.id`)} and j.dst = ${set})`;
    }
    if (c.sqlType === 'text[]') {
      if (v.kind === 'scalar') return sql`${ref(c)} @> array[${v.sql}]::text[]`;
      if (v.kind === 'array') return sql`${ref(c)} && ${v.values.map(String)}::text[]`;
      return v.items.length ? sql`${ref(c)} && array[${sql.join(v.items)}]::text[]` : sql`false`;
    }
    if (v.kind === 'scalar') return v.isNull ? sql`${ref(c)} is null` : sql`${ref(c)} = ${v.sql}`;
    if (v.kind === 'array') return v.values.length ? sql`${ref(c)} = any(${v.values}::${sql.raw(ARRAY_TYPE[c.sqlType] ?? 'text[]')})` : sql`false`;
    return v.items.length ? sql`${ref(c)} in (${sql.join(v.items)})` : sql`false`;
  };

  const tree = (n: Extract<PolicyNode, { kind: 'tree' }>): Sql => {
    const c = columnOf(storage, n.field);
    const treeForm = n.field === 'id' ? formKey : c.target;
    const ts = treeForm ? env.storage.get(treeForm) : undefined;
    if (!ts) throw new PolicyCompileError(`"${n.field}" does not point into a tree.`);
    const parent = columnOf(ts, n.parent);
    const table = sql.id(safeName(ts.table));
    const pcol = sql.id(safeName(parent.column));
    const depth = n.maxDepth ?? TREE_MAX_DEPTH;
    const min = n.mode === 'descendants' ? 1 : 0;
    // The walk follows the (parent, id) index one level at a time; `= any(array(…))` runs it once
    // (an InitPlan) and lets the outer table be read through its own index on the field.
    const walk = sql`array(with recursive d(id, depth) as (select r.id, 0 from ${table} r where r.id = ${scalar(value(n.root))} union all select ch.id, d.depth + 1 from ${table} ch join d on ch.${pcol} = d.id where d.depth < ${depth}) select id from d where depth >= ${min})`;
    if (c.sqlType === 'join') return sql`exists (select 1 from ${sql.id(safeName(c.joinTable!))} j where j.src = ${sql.ref(`${alias}.id`)} and j.dst = any(${walk}))`;
    return sql`${ref(c)} = any(${walk})`;
  };

  const compile = (n: PolicyNode): Sql => {
    switch (n.kind) {
      case 'const':
        return n.value ? sql`true` : sql`false`;
      case 'and':
      case 'or':
        return n.items.length ? sql`(${sql.join(n.items.map(compile), n.kind === 'and' ? sql` and ` : sql` or `)})` : n.kind === 'and' ? sql`true` : sql`false`;
      case 'not':
        return sql`not coalesce(${compile(n.item)}, false)`;
      case 'null': {
        const c = columnOf(storage, n.field);
        if (c.sqlType === 'join') {
          const ex = sql`exists (select 1 from ${sql.id(safeName(c.joinTable!))} j where j.src = ${sql.ref(`${alias}.id`)})`;
          return n.negated ? ex : sql`not ${ex}`;
        }
        if (c.sqlType === 'text[]') return n.negated ? sql`cardinality(coalesce(${ref(c)}, '{}')) > 0` : sql`cardinality(coalesce(${ref(c)}, '{}')) = 0`;
        return n.negated ? sql`${ref(c)} is not null` : sql`${ref(c)} is null`;
      }
      case 'tree':
        return tree(n);
      case 'cmp': {
        const c = columnOf(storage, n.field);
        const v = value(n.value);
        switch (n.op) {
          case '=':
          case 'in':
          case 'contains':
            return memberOf(c, v);
          case '!=':
          case 'not in': {
            if (v.kind === 'scalar' && v.isNull) return sql`${ref(c)} is not null`;
            return sql`not coalesce(${memberOf(c, v)}, false)`;
          }
          default: {
            const op = sql.raw(n.op);
            return sql`${ref(c)} ${op} ${scalar(v)}`;
          }
        }
      }
    }
  };
  return compile(node);
}
