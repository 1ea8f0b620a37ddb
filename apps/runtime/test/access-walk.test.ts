import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { parsePolicy } from '@kiln/engine-rules';
import type { RawBuilder } from 'kysely';
import { subtreeWalkCondition, type RecordGuard } from '../src/access/guard.js';
import type { FormStorage } from '../src/records/schema-sync.js';
import type { ColumnInfo } from '../src/records/columns.js';

/**
 * The portal's shortcut for walks down a tree (`subtreeWalkCondition`): only a read policy
 * `id in subtree(<same relation>, R)` deep enough for the walk lets one comparison on the walk's
 * root stand for the per-row test; anything else falls back to the full policy (undefined).
 */
const customers: FormStorage = {
  formKey: 'customers', table: 'rec_1_1', dedupe: [],
  columns: {
    f1: { key: 'referrer', column: 'f_referrer', sqlType: 'bigint', type: 'relation', target: 'customers' } as unknown as ColumnInfo,
    f2: { key: 'phone', column: 'f_phone', sqlType: 'text', type: 'phone' } as unknown as ColumnInfo,
    f3: { key: 'sponsor', column: 'f_sponsor', sqlType: 'bigint', type: 'relation', target: 'customers' } as unknown as ColumnInfo,
  },
};

function guard(...policies: string[]): RecordGuard {
  const where = policies.map((p) => {
    const r = parsePolicy(p);
    if (!r.ast) throw new Error(`bad policy ${p}`);
    return r.ast;
  });
  const none = { allowed: false } as const;
  return {
    formKey: 'customers', unrestricted: false,
    access: { actions: { read: { allowed: true, where }, create: none, update: none, delete: none, export: none }, hidden: new Set(), readOnly: new Set(), set: new Map() },
    env: { storage: new Map([['customers', customers]]), user: { id: 7, email: 'p@x.test', role: 'promoter', tenantId: 1, phone: '13800000000', via: 'session' } as never, self: { form: 'customers', field: 'phone', userAttr: 'phone' } },
  };
}
// A query builder that only compiles (never connects).
const compiler = new Kysely<never>({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() } });
const text = (s: RawBuilder<unknown> | undefined) => s?.compile(compiler);

describe('subtreeWalkCondition', () => {
  it('a subtree policy over the walked relation: the root row must be R (the own record, computed in SQL)', () => {
    const c = text(subtreeWalkCondition(guard('id in subtree(referrer, $user.record)'), 'referrer', 3, 'c'))!;
    expect(c.sql).toBe('"c"."id" = (select s.id from "rec_1_1" s where s."f_phone" = $1 order by s.id limit 1)');
    expect(c.parameters).toEqual(['13800000000']);
  });
  it('OR of several such policies: any root', () => {
    const c = text(subtreeWalkCondition(guard('id in subtree(referrer, $user.record)', 'id in subtree(referrer, 42)'), 'referrer', 3, 'c'))!;
    expect(c.sql).toContain(' or "c"."id" = $');
  });
  it('no shortcut for another relation, descendants only, a shallower bound, another field, or no policy', () => {
    expect(subtreeWalkCondition(guard('id in subtree(sponsor, $user.record)'), 'referrer', 3, 'c')).toBeUndefined();
    expect(subtreeWalkCondition(guard('id in descendants(referrer, $user.record)'), 'referrer', 3, 'c')).toBeUndefined();
    expect(subtreeWalkCondition(guard('id in subtree(referrer, $user.record, 2)'), 'referrer', 3, 'c')).toBeUndefined();
    expect(subtreeWalkCondition(guard('id in subtree(referrer, $user.record, 3)'), 'referrer', 3, 'c')).toBeDefined();
    expect(subtreeWalkCondition(guard('referrer in subtree(referrer, $user.record)'), 'referrer', 3, 'c')).toBeUndefined();
    expect(subtreeWalkCondition(guard("phone = '1'"), 'referrer', 3, 'c')).toBeUndefined();
    expect(subtreeWalkCondition(undefined, 'referrer', 3, 'c')).toBeUndefined();
  });
});
