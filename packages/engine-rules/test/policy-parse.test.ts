import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_MAX_DEPTH, policyFields, policyUserRefs, type PolicyNode, type PolicyValue } from '../src/index.js';

/** The AST without spans, for readable expectations. */
function strip<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (k, v) => (k === 'span' || k === 'fieldSpan' || k === 'parentSpan' ? undefined : v))) as T;
}
function ast(text: string): PolicyNode {
  const r = parsePolicy(text);
  expect(r.problems).toEqual([]);
  return strip(r.ast!);
}
function problem(text: string) {
  const r = parsePolicy(text);
  expect(r.ast).toBeNull();
  expect(r.problems).toHaveLength(1);
  return r.problems[0]!;
}
const lit = (value: string | number | boolean | null): PolicyValue => ({ kind: 'literal', value });
const user = (attr: string): PolicyValue => ({ kind: 'user', attr });
const cmp = (field: string, op: string, value: PolicyValue) => ({ kind: 'cmp', field, op, value });

describe('parsePolicy: grammar', () => {
  it('every comparison operator', () => {
    for (const op of ['=', '!=', '<', '<=', '>', '>=']) expect(ast(`amount ${op} 100`)).toEqual(cmp('amount', op, lit(100)));
    expect(ast('amount>=100')).toEqual(cmp('amount', '>=', lit(100)));
  });

  it('values: text, numbers, negatives, decimals, booleans, null, $user references', () => {
    expect(ast("state = 'paid'")).toEqual(cmp('state', '=', lit('paid')));
    expect(ast('state = "paid"')).toEqual(cmp('state', '=', lit('paid')));
    expect(ast('level = -3')).toEqual(cmp('level', '=', lit(-3)));
    expect(ast('rate < 2.5')).toEqual(cmp('rate', '<', lit(2.5)));
    expect(ast('done = true')).toEqual(cmp('done', '=', lit(true)));
    expect(ast('done != FALSE')).toEqual(cmp('done', '!=', lit(false)));
    expect(ast('x = null')).toEqual(cmp('x', '=', lit(null)));
    expect(ast('createdBy = $user')).toEqual(cmp('createdBy', '=', user('id')));
    expect(ast('beneficiary = $user.record')).toEqual(cmp('beneficiary', '=', user('record')));
    expect(ast('region = $user.home_region')).toEqual(cmp('region', '=', user('home_region')));
  });

  it('in / not in with lists and $user references', () => {
    expect(ast("state in ['a', 'b']")).toEqual(cmp('state', 'in', { kind: 'list', items: [lit('a'), lit('b')] }));
    expect(ast('state in []')).toEqual(cmp('state', 'in', { kind: 'list', items: [] }));
    expect(ast('level not in [1, 2, $user.level]')).toEqual(cmp('level', 'not in', { kind: 'list', items: [lit(1), lit(2), user('level')] }));
    expect(ast('region in $user.regions')).toEqual(cmp('region', 'in', user('regions')));
    expect(ast('region NOT IN $user.regions')).toEqual(cmp('region', 'not in', user('regions')));
  });

  it('is null / is not null, contains', () => {
    expect(ast('referrer is null')).toEqual({ kind: 'null', field: 'referrer', negated: false });
    expect(ast('referrer is not null')).toEqual({ kind: 'null', field: 'referrer', negated: true });
    expect(ast('referrer IS NOT NULL')).toEqual({ kind: 'null', field: 'referrer', negated: true });
    expect(ast("tags contains 'urgent'")).toEqual(cmp('tags', 'contains', lit('urgent')));
    expect(ast('watchers contains $user.record')).toEqual(cmp('watchers', 'contains', user('record')));
  });

  it('tree membership: subtree / descendants with and without a depth', () => {
    expect(ast('id in subtree(referrer, $user.record)')).toEqual({ kind: 'tree', field: 'id', mode: 'subtree', parent: 'referrer', root: user('record') });
    expect(ast('id in descendants(referrer, $user.record, 3)')).toEqual({
      kind: 'tree', field: 'id', mode: 'descendants', parent: 'referrer', root: user('record'), maxDepth: 3,
    });
    expect(ast('beneficiary IN Subtree ( referrer , 42 )')).toEqual({ kind: 'tree', field: 'beneficiary', mode: 'subtree', parent: 'referrer', root: lit(42) });
  });

  it('true, false, not, parentheses', () => {
    expect(ast('true')).toEqual({ kind: 'const', value: true });
    expect(ast('FALSE')).toEqual({ kind: 'const', value: false });
    expect(ast('not done = true')).toEqual({ kind: 'not', item: cmp('done', '=', lit(true)) });
    expect(ast('not not (a = 1)')).toEqual({ kind: 'not', item: { kind: 'not', item: cmp('a', '=', lit(1)) } });
    expect(ast('((a = 1))')).toEqual(cmp('a', '=', lit(1)));
  });

  it('and binds tighter than or; chains flatten; parentheses override', () => {
    expect(ast('a = 1 or b = 2 and c = 3')).toEqual({
      kind: 'or', items: [cmp('a', '=', lit(1)), { kind: 'and', items: [cmp('b', '=', lit(2)), cmp('c', '=', lit(3))] }],
    });
    expect(ast('a = 1 and b = 2 or c = 3')).toEqual({
      kind: 'or', items: [{ kind: 'and', items: [cmp('a', '=', lit(1)), cmp('b', '=', lit(2))] }, cmp('c', '=', lit(3))],
    });
    expect(ast('(a = 1 or b = 2) and c = 3')).toEqual({
      kind: 'and', items: [{ kind: 'or', items: [cmp('a', '=', lit(1)), cmp('b', '=', lit(2))] }, cmp('c', '=', lit(3))],
    });
    expect(ast('a = 1 and b = 2 and c = 3 and d = 4')).toEqual({ kind: 'and', items: ['a', 'b', 'c', 'd'].map((x, i) => cmp(x, '=', lit(i + 1))) });
    expect(ast('not a = 1 and b = 2')).toEqual({ kind: 'and', items: [{ kind: 'not', item: cmp('a', '=', lit(1)) }, cmp('b', '=', lit(2))] });
  });

  it('keywords are case-insensitive; fields keep their spelling; subtree/descendants can be field names', () => {
    expect(ast('A = 1 AND B = 2 Or C = 3')).toEqual({
      kind: 'or', items: [{ kind: 'and', items: [cmp('A', '=', lit(1)), cmp('B', '=', lit(2))] }, cmp('C', '=', lit(3))],
    });
    expect(ast("subtree = 'x' and descendants in [1]")).toEqual({
      kind: 'and', items: [cmp('subtree', '=', lit('x')), cmp('descendants', 'in', { kind: 'list', items: [lit(1)] })],
    });
    expect(ast('owner = $USER')).toEqual(cmp('owner', '=', user('id')));
  });

  it('the examples of the plan and of docs/rules.md parse', () => {
    for (const text of [
      'createdBy = $user',
      'region in $user.regions',
      'id in descendants(referrer, $user.record)',
      'beneficiary = $user.record',
      "promoter = $user.record and state != 'rejected'",
      'owner = $user or assigned_to = $user',
      "tags contains 'urgent' and due >= '2024-05-01' and not (state in ['paid', 'cancelled'])",
      'beneficiary in descendants(referrer, $user.record, 3)',
    ]) expect(parsePolicy(text).problems).toEqual([]);
  });
});

describe('parsePolicy: text literals', () => {
  it('escapes in both quote styles', () => {
    expect(ast("name = 'O\\'Brien'")).toEqual(cmp('name', '=', lit("O'Brien")));
    expect(ast('name = "say \\"hi\\""')).toEqual(cmp('name', '=', lit('say "hi"')));
    expect(ast("name = 'a\\\\b'")).toEqual(cmp('name', '=', lit('a\\b')));
    expect(ast("name = 'l1\\nl2\\t\\r'")).toEqual(cmp('name', '=', lit('l1\nl2\t\r')));
    expect(ast("name = '\\u4e2d\\u{1F600}'")).toEqual(cmp('name', '=', lit('中😀')));
    expect(ast(`name = "it's"`)).toEqual(cmp('name', '=', lit("it's")));
    expect(ast(`name = 'say "x"'`)).toEqual(cmp('name', '=', lit('say "x"')));
  });

  it('CJK text and full-width spaces', () => {
    expect(ast("state = '已驳回'")).toEqual(cmp('state', '=', lit('已驳回')));
    expect(ast("tags contains '紧急'\u3000and name = \"张三\"")).toEqual({
      kind: 'and', items: [cmp('tags', 'contains', lit('紧急')), cmp('name', '=', lit('张三'))],
    });
  });

  it('bad escapes and unclosed text are located', () => {
    expect(problem("name = 'a\\qb'")).toMatchObject({ code: 'POLICY_SYNTAX', from: 9, to: 11 });
    expect(problem("name = 'a\\qb'").message).toContain('Unknown escape');
    expect(problem("name = '\\uZZ'")).toMatchObject({ code: 'POLICY_SYNTAX', from: 8, to: 10 });
    const p = problem("name = 'open");
    expect(p).toMatchObject({ code: 'POLICY_SYNTAX', from: 7, to: 12 });
    expect(p.message).toContain("closing '");
  });
});

describe('parsePolicy: spans', () => {
  it('nodes, fields and values carry offsets', () => {
    const r = parsePolicy("promoter = $user.record and state != 'rejected'");
    const and = r.ast as Extract<PolicyNode, { kind: 'and' | 'or' }>;
    expect(and.span).toEqual({ from: 0, to: 47 });
    const [a, b] = and.items as Extract<PolicyNode, { kind: 'cmp' }>[];
    expect(a!.span).toEqual({ from: 0, to: 23 });
    expect(a!.fieldSpan).toEqual({ from: 0, to: 8 });
    expect(a!.value.span).toEqual({ from: 11, to: 23 });
    expect(b!.fieldSpan).toEqual({ from: 28, to: 33 });
    expect(b!.value.span).toEqual({ from: 37, to: 47 });
    const t = parsePolicy('id in subtree(referrer, $user.record, 2)').ast as Extract<PolicyNode, { kind: 'tree' }>;
    expect(t.span).toEqual({ from: 0, to: 40 });
    expect(t.parentSpan).toEqual({ from: 14, to: 22 });
    expect(t.root.span).toEqual({ from: 24, to: 36 });
  });
});

describe('parsePolicy: problems', () => {
  it('empty and too long', () => {
    expect(problem('')).toMatchObject({ code: 'POLICY_EMPTY', from: 0, to: 0 });
    expect(problem('   ')).toMatchObject({ code: 'POLICY_EMPTY', from: 0, to: 3 });
    const long = 'a = 1 or '.repeat(222) + 'a = 1';
    expect(long.length).toBeGreaterThan(2000);
    expect(problem(long)).toMatchObject({ code: 'POLICY_TOO_LONG', from: 2000, to: long.length });
    const exact = ('a = 1 or '.repeat(221) + 'a = 1').padEnd(2000);
    expect(exact.length).toBe(2000);
    expect(parsePolicy(exact).problems).toEqual([]);
  });

  it('depth limit: 32 levels parse, 33 do not', () => {
    const nest = (n: number) => '('.repeat(n) + 'a = 1' + ')'.repeat(n);
    expect(parsePolicy(nest(POLICY_MAX_DEPTH)).problems).toEqual([]);
    expect(problem(nest(POLICY_MAX_DEPTH + 1))).toMatchObject({ code: 'POLICY_TOO_DEEP', from: 32, to: 33 });
    expect(parsePolicy('not '.repeat(32) + 'a = 1').problems).toEqual([]);
    expect(problem('not '.repeat(33) + 'a = 1')).toMatchObject({ code: 'POLICY_TOO_DEEP', from: 128, to: 131 });
    expect(problem('('.repeat(1500))).toMatchObject({ code: 'POLICY_TOO_DEEP' });
    // depth is nesting, not length
    expect(parsePolicy(Array.from({ length: 100 }, () => '(a = 1)').join(' and ')).problems).toEqual([]);
  });

  it('each syntax error points at the offending token with an actionable message', () => {
    const cases: Array<[string, number, number, string]> = [
      ['amount > ', 9, 9, 'Expected a value'],
      ['amount', 6, 6, 'Expected a comparison after "amount"'],
      ['amount == 5', 7, 9, 'Use "="'],
      ['amount <> 5', 7, 9, 'Use "!="'],
      ['a = 1 && b = 2', 6, 8, '"and"'],
      ['a = 1 || b = 2', 6, 8, '"or"'],
      ['!(a = 1)', 0, 1, '"not"'],
      ['a = 1 b = 2', 6, 7, 'join conditions with "and" or "or"'],
      ['(a = 1', 6, 6, 'Expected ")"'],
      ['a = 1)', 5, 6, 'no matching "("'],
      ["state = paid", 8, 12, "put text in quotes ('paid')"],
      ['= 1', 0, 1, 'Expected a field name'],
      ['and = 1', 0, 3, 'keyword "and"'],
      ['$user.id = owner', 0, 5, 'put the field first'],
      ['customer.name = 1', 0, 13, "this form's own fields"],
      ['a = $me', 4, 7, 'Unknown variable "$me"'],
      ['a = $user.', 9, 10, 'attribute name'],
      ['a = $', 4, 5, '"$" must be followed'],
      ['a in 1', 5, 6, 'Expected a list'],
      ['a = [1]', 4, 5, 'only allowed after "in"'],
      ['a in [1 2]', 8, 9, 'Expected "," or "]"'],
      ['a in [1,', 8, 8, 'Expected a value'],
      ['a not = 1', 6, 7, 'Expected "in"'],
      ['a is 1', 5, 6, 'Expected "null"'],
      ['a is not', 8, 8, 'Expected "null"'],
      ['id not in subtree(referrer, 1)', 10, 17, 'not (id in subtree'],
      ['id in subtree(referrer)', 22, 23, 'Expected ","'],
      ['id in subtree($user, 1)', 14, 19, 'parent field'],
      ['id in subtree(referrer, 1, 0)', 27, 28, 'from 1 to 20'],
      ['id in subtree(referrer, 1, 21)', 27, 29, 'from 1 to 20'],
      ['id in subtree(referrer, 1, 2.5)', 27, 30, 'whole number'],
      ['id in subtree(referrer, 1, 2', 28, 28, 'Expected ")"'],
      ['a = 12abc', 4, 9, 'not a number'],
      ['a = 1 # x', 6, 7, 'Unexpected character "#"'],
      ['a = “x”', 4, 5, 'straight quotes'],
      ['a = 99999999999999999999', 4, 24, 'too large'],
    ];
    for (const [text, from, to, msg] of cases) {
      const p = problem(text);
      expect({ text, from: p.from, to: p.to }).toEqual({ text, from, to });
      expect(p.message, text).toContain(msg);
      expect(['POLICY_SYNTAX', 'POLICY_TREE']).toContain(p.code);
    }
    expect(problem('id in subtree(referrer, 1, 21)').code).toBe('POLICY_TREE');
  });

  it('never throws on arbitrary input', () => {
    const alphabet = ['a', ' ', '=', '(', ')', '[', ']', ',', "'", '"', '\\', '$', 'user', '.', 'in', 'not', 'is', 'null', 'and', 'or', '1', '-', '<', '中'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(rnd() * 20) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(' ');
      const r = parsePolicy(text);
      expect(r.ast === null).toBe(r.problems.length > 0);
      for (const p of r.problems) expect(p.from <= p.to && p.to <= text.length).toBe(true);
    }
  });
});

describe('policyUserRefs / policyFields', () => {
  it('list what a policy reads, once each, in order', () => {
    const a = parsePolicy("owner = $user or (region in $user.regions and not tags contains $user.tag) or id in subtree(referrer, $user.record) or x in [$user.a, 1, $user] or y is null").ast!;
    expect(policyUserRefs(a)).toEqual(['id', 'regions', 'tag', 'record', 'a']);
    expect(policyFields(a)).toEqual(['owner', 'region', 'tags', 'id', 'x', 'y']);
    expect(policyUserRefs(parsePolicy('true').ast!)).toEqual([]);
    expect(policyFields(parsePolicy('false').ast!)).toEqual([]);
  });
});
