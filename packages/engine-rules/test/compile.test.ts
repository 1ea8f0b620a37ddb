import { parse, type AnyNode } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileProgram,
  fnv1a64,
  parseExpression,
  PROGRAM_FILENAME,
  SEMANTICS_VERSION,
  type ActionSpec,
  type DecisionTableDefinition,
  type RuleDefinition,
  type RuleOutcome,
  type TriggerRuleDefinition,
} from '../src/index.js';
import { createRunner, type ProgramRunner, type TestRunOptions } from './helpers/run-program.js';

const T = (s: string) => ({ 'zh-CN': s, en: s });
const trigger = (actions: ActionSpec[], extra: Partial<TriggerRuleDefinition> = {}): TriggerRuleDefinition => ({
  formatVersion: 1, key: 'r', type: 'trigger', title: T('r'), trigger: { event: 'record.updated', form: 'orders' }, actions, ...extra,
});
const table = (key: string, rows: DecisionTableDefinition['rows'], hitPolicy: DecisionTableDefinition['hitPolicy'] = 'first'): DecisionTableDefinition => ({
  formatVersion: 1, key, type: 'table', title: T(key), hitPolicy,
  inputs: [{ id: 'in_a', label: T('a'), expression: 'record.total' }],
  outputs: [{ id: 'o', key: 'rate', label: T('rate') }],
  rows,
});
const facts = { record: { id: 7, total: 100, customer: 3, lines: [{ qty: 2, unit_price: 50 }] }, old: { id: 7, total: 90 }, changed: ['total'], event: { type: 'record.updated' } };

let runner: ProgramRunner;
beforeAll(async () => {
  runner = await createRunner();
});
afterAll(() => runner?.dispose());

async function run(rules: Record<string, RuleDefinition>, key = 'r', f: unknown = facts, opts?: TestRunOptions) {
  const { program, problems } = compileProgram({ rules });
  expect(problems).toEqual([]);
  return runner.run<RuleOutcome>(program, { kind: 'rules', key }, f, opts);
}
async function outcome(def: TriggerRuleDefinition, f: unknown = facts, extra: Record<string, RuleDefinition> = {}) {
  const res = await run({ r: def, ...extra }, 'r', f);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value;
}
async function failure(def: TriggerRuleDefinition, f: unknown = facts, extra: Record<string, RuleDefinition> = {}) {
  const res = await run({ r: def, ...extra }, 'r', f);
  if (res.ok) throw new Error(`expected a failure, got ${JSON.stringify(res.value)}`);
  return res.error;
}

describe('parseExpression', () => {
  it('reads one expression, else a function body', () => {
    expect(parseExpression('record.total > 0')).toMatchObject({ ok: true, parsed: { mode: 'expression' } });
    expect(parseExpression('const x = 1;\nreturn x + 1;')).toMatchObject({ ok: true, parsed: { mode: 'body' } });
    expect(parseExpression('{ a: 1 }')).toMatchObject({ ok: true, parsed: { mode: 'expression' } });
    expect(parseExpression('record.total // a comment')).toMatchObject({ ok: true, parsed: { mode: 'expression' } });
  });

  it('a parenthesized expression is one expression (its node ends before the paren)', () => {
    const r = parseExpression('({ frozen: 1, at: now() })');
    expect(r).toMatchObject({ ok: true, parsed: { mode: 'expression' } });
    expect(parseExpression('(a), (b)')).toMatchObject({ ok: true, parsed: { mode: 'expression' } });
  });

  it('positions syntax errors in the source: line, column, from, to', () => {
    expect(parseExpression('record.total >')).toEqual({ ok: false, error: { detail: 'Unexpected token', line: 1, column: 15, from: 14, to: 14 } });
    const body = parseExpression('const a = 1;\nreturn a +* 2;');
    expect(body).toMatchObject({ ok: false, error: { line: 2, column: 11, from: 23, to: 24 } });
  });

  it('is strict, with the context facts as parameters', () => {
    expect(parseExpression('with (record) { return 1 }').ok).toBe(false);
    expect(parseExpression('return 010;').ok).toBe(false);
    expect(parseExpression('let record = 1; return record;', ['record'])).toMatchObject({ ok: false, error: { detail: "Identifier 'record' has already been declared" } });
    expect(parseExpression('let record = 1; return record;').ok).toBe(true);
  });

  it('a source cannot close its function and escape it', () => {
    for (const evil of ['1 }); globalThis.x = 1; (function () {', '}, function () {', 'a), (b', 'return 1 }\n(function () {', '1\n}\n;(']) {
      expect(parseExpression(evil, ['record']).ok, evil).toBe(false);
    }
  });
});

describe('compileProgram', () => {
  const rules = { r: trigger([{ id: 'a', type: 'notify', users: '1', title: "'hi'" }]), t: table('t', [{ id: 'r1', when: { in_a: '>= 0' }, then: { o: '1' } }]) };

  it('emits one strict script whose hash covers source and semantics', () => {
    const a = compileProgram({ rules });
    expect(a.problems).toEqual([]);
    expect(a.program.source.split('\n').slice(0, 3)).toEqual([`// Kiln rules program · semantics ${SEMANTICS_VERSION}`, '"use strict";', '(function ($X, $O) {']);
    expect(a.program.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.program.hash).toBe(fnv1a64(`kiln-rules-program\u0000semantics=1\u0000${a.program.source}`));
    expect(compileProgram({ rules }).program.hash).toBe(a.program.hash);
    expect(compileProgram({ rules: { r: rules.r } }).program.hash).not.toBe(a.program.hash);
    expect(() => compileProgram({ rules }, { semantics: 2 as 1 })).toThrow(RangeError);
  });

  it('fnv1a64 matches the reference values', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('hello 世界 😀')).toBe('fe22b623324ae4e4');
  });

  it('completes with the entry points', async () => {
    const { program } = compileProgram({ rules, exprs: { 'formula.orders.fee': { source: 'money.pct(record.total, 5)', context: 'formula' } } });
    const fee = await runner.run(program, { kind: 'exprs', key: 'formula.orders.fee' }, { record: { total: 1999 } });
    expect(fee).toMatchObject({ ok: true, value: 99 });
    expect(await runner.run(program, { kind: 'tables', key: 't' }, { record: { total: 5 } })).toMatchObject({ ok: true, value: { matched: ['r1'], output: { rate: 1 } } });
  });

  it('leaves out rules that do not compile and reports why', async () => {
    const broken = trigger([{ id: 'a', type: 'notify', users: '1', title: "'x' +" }], { key: 'broken' });
    const badTable = table('bad_table', [{ id: 'r1', when: { in_a: '[1..' }, then: { o: '1' } }]);
    const { program, problems } = compileProgram({ rules: { ...rules, broken, bad_table: badTable }, exprs: { e1: { source: '1 +', context: 'formula' }, e2: { source: '1', context: 'nope' as 'formula' } } });
    expect(problems.map((p) => [p.rule, p.path, p.code])).toEqual([
      ['broken', '/actions/0/title', 'RULE_SYNTAX'],
      ['bad_table', '/rows/0/when/in_a', 'RULE_TABLE_CELL'],
      ['e1', '', 'RULE_SYNTAX'],
      ['e2', '', 'RULE_INVALID'],
    ]);
    expect((await runner.run(program, { kind: 'rules', key: 'broken' }, facts)).ok).toBe(false);
    expect((await runner.run(program, { kind: 'rules', key: 'r' }, facts)).ok).toBe(true);
  });

  it('leaves out rules with shape errors (a definition the runner could not walk)', () => {
    const { problems } = compileProgram({ rules: { r: { ...trigger([]), actions: 'nope' } as unknown as RuleDefinition } });
    expect(problems).toMatchObject([{ rule: 'r', path: '/actions', code: 'RULE_INVALID', severity: 'error' }]);
  });

  it('declares each support function once (hoisting would silently pick the last)', () => {
    const { program } = compileProgram({ rules });
    const ast = parse(program.source, { ecmaVersion: 'latest' });
    const names: string[] = [];
    const visit = (n: AnyNode) => {
      if (n.type === 'FunctionDeclaration' && n.id) names.push(n.id.name);
      for (const v of Object.values(n)) {
        if (Array.isArray(v)) v.forEach((x) => x && typeof x.type === 'string' && visit(x));
        else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') visit(v as AnyNode);
      }
    };
    visit(ast as unknown as AnyNode);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('user expressions see only their facts and the globals, not the program internals', async () => {
    const { program } = compileProgram({ exprs: { x: { source: '[typeof $X, typeof $O, typeof $fail, typeof $T, typeof $rule, typeof record].join()', context: 'formula' } } });
    expect(await runner.run(program, { kind: 'exprs', key: 'x' }, { record: {} })).toMatchObject({ ok: true, value: 'undefined,undefined,undefined,undefined,undefined,object' });
  });

  it('an expression entry sees the facts its context names', async () => {
    const { program } = compileProgram({ exprs: { c: { source: '$ * 2 + (input ?? 0)', context: 'cell' }, k: { source: 'results.a + index', context: 'console' } } });
    expect(await runner.run(program, { kind: 'exprs', key: 'c' }, { $: 4, input: 1 })).toMatchObject({ ok: true, value: 9 });
    expect(await runner.run(program, { kind: 'exprs', key: 'k' }, { results: { a: 1 }, index: 2 })).toMatchObject({ ok: true, value: 3 });
  });
});

describe('trigger rules: effects', () => {
  it('condition false: matched false and nothing else', async () => {
    expect(await outcome(trigger([{ id: 'a', type: 'notify', users: '1', title: "'x'" }], { condition: 'record.total > 1000' }))).toEqual({ rule: 'r', matched: false, effects: [], results: {}, actions: [], tables: {} });
  });

  it('an empty optional expression counts as absent', async () => {
    const o = await outcome(trigger([{ id: 'a', type: 'notify', users: '1', title: "'x'", when: ' ' }], { condition: '' }));
    expect(o.matched).toBe(true);
    expect(o.actions).toEqual([{ id: 'a', ran: true }]);
  });

  it('when falsy: the action does not run', async () => {
    const o = await outcome(trigger([{ id: 'a', type: 'create', form: 'tasks', values: { title: "'x'" }, when: 'record.total < 0' }]));
    expect(o.actions).toEqual([{ id: 'a', ran: false }]);
    expect(o.effects).toEqual([]);
  });

  it('create, update and upsert with refs; undefined values are not written, null clears', async () => {
    const o = await outcome(trigger([
      { id: 'task', type: 'create', form: 'tasks', values: { title: "'x'", order: 'record.id', due: 'undefined', owner: 'null' } },
      { id: 'retitle', type: 'update', form: 'tasks', record: "ref('task')", values: { title: "'y'" } },
      { id: 'c', type: 'upsert', form: 'customers', match: { phone: "'138'" }, values: { name: "'n'", referrer: 'results.task' } },
    ]));
    expect(o.effects).toEqual([
      { type: 'create', action: 'task', form: 'tasks', values: { title: 'x', order: 7, owner: null } },
      { type: 'update', action: 'retitle', form: 'tasks', id: { $ref: 'task' }, values: { title: 'y' } },
      { type: 'upsert', action: 'c', form: 'customers', match: { phone: '138' }, values: { name: 'n', referrer: { $ref: 'task' } } },
    ]);
    expect(o.results).toEqual({ task: { $ref: 'task' }, c: { $ref: 'c' } });
  });

  it('forEach binds item and index; refs are per iteration; the effect action is the ref', async () => {
    const o = await outcome(trigger([
      { id: 'l', type: 'create', form: 'commission_ledger', forEach: '[10, 20]', values: { amount: 'item + index' } },
      { id: 'n', type: 'notify', users: '1', title: "results.l.map((r) => r.$ref).join(' ')" },
    ]));
    expect(o.effects.slice(0, 2)).toEqual([
      { type: 'create', action: 'l/0', form: 'commission_ledger', values: { amount: 10 } },
      { type: 'create', action: 'l/1', form: 'commission_ledger', values: { amount: 21 } },
    ]);
    expect(o.effects[2]).toMatchObject({ type: 'notify', title: 'l/0 l/1' });
    expect(o.actions[0]).toEqual({ id: 'l', ran: true, iterations: 2, result: [{ $ref: 'l/0' }, { $ref: 'l/1' }] });
  });

  it('forEach of null runs zero times; of a non-list fails with the path', async () => {
    expect((await outcome(trigger([{ id: 'a', type: 'create', form: 'tasks', forEach: 'record.nothing', values: {} }]))).actions).toEqual([{ id: 'a', ran: true, iterations: 0, result: [] }]);
    expect(await failure(trigger([{ id: 'a', type: 'create', form: 'tasks', forEach: 'record.total', values: {} }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', rule: 'r', path: '/actions/0/forEach' });
  });

  it('decide runs the table with the current facts; assign updates the triggering record', async () => {
    const rates = table('rates', [{ id: 'small', when: { in_a: '< 50' }, then: { o: '1' } }, { id: 'big', when: { in_a: '>= 50' }, then: { o: 'record.total / 10' } }]);
    const o = await outcome(trigger([{ id: 'd', type: 'decide', table: 'rates', assign: { discount: 'rate' } }]), facts, { rates });
    expect(o.effects).toEqual([{ type: 'update', action: 'd', form: 'orders', id: 7, values: { discount: 10 } }]);
    expect(o.results).toEqual({ d: { rate: 10 } });
    expect(o.tables).toEqual({ d: { matched: ['big'], output: { rate: 10 } } });
    expect(await failure(trigger([{ id: 'd', type: 'decide', table: 'missing' }]))).toMatchObject({ code: 'RULE_UNKNOWN_TABLE', path: '/actions/0/table' });
  });

  it('ledger entries must be a list of objects, each with its key', async () => {
    const ledger = (entries: string) => trigger([{ id: 'l', type: 'ledger', form: 'commission_ledger', key: 'entry_key', entries }]);
    expect((await outcome(ledger("[{ entry_key: 'a', amount: 1 }]"))).effects).toEqual([{ type: 'ledger', action: 'l', form: 'commission_ledger', key: 'entry_key', entries: [{ entry_key: 'a', amount: 1 }] }]);
    expect((await outcome(ledger('[]'))).effects).toEqual([]);
    expect(await failure(ledger('({ entry_key: 1 })'))).toMatchObject({ code: 'RULE_RESULT_INVALID', rule: 'r', path: '/actions/0/entries' });
    expect(await failure(ledger("[{ entry_key: 'a' }, 5]"))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/entries' });
    expect(await failure(ledger('[{ amount: 1 }]'))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/entries' });
    expect(await failure(ledger('[new Date(0)]'))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/entries' });
  });

  it('flow (default record: the triggering one), connector (undefined payload → null), notify', async () => {
    const o = await outcome(trigger([
      { id: 'f', type: 'flow', flow: 'approval' },
      { id: 'c', type: 'connector', connector: 'erp', payload: 'undefined' },
      { id: 'n', type: 'notify', users: '[3, 3, 4]', roles: ['admin'], title: '42', body: "'b'" },
      { id: 'm', type: 'notify', roles: ['ops'], title: "'t'" },
    ]));
    expect(o.effects).toEqual([
      { type: 'flow', action: 'f', flow: 'approval', record: 7 },
      { type: 'connector', action: 'c', connector: 'erp', operation: null, payload: null },
      { type: 'notify', action: 'n', users: [3, 4], roles: ['admin'], title: '42', body: 'b' },
      { type: 'notify', action: 'm', users: [], roles: ['ops'], title: 't', body: null },
    ]);
    expect(await failure(trigger([{ id: 'n', type: 'notify', users: "'bob'", title: "'t'" }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/users' });
    expect(await failure(trigger([{ id: 'n', type: 'notify', users: '1', title: '({})' }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/title' });
    expect(await failure(trigger([{ id: 'f', type: 'flow', flow: 'x', record: "'seven'" }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/record' });
  });

  it('update needs a number or a ref as the record id', async () => {
    expect(await failure(trigger([{ id: 'u', type: 'update', form: 'orders', record: "'seven'", values: {} }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/record' });
  });

  it('the first draft of update (`id` = the record expression, no `record`) still runs, with a warning', async () => {
    const legacy = trigger([{ type: 'update', form: 'orders', id: 'record.id', values: { total: '1' } } as unknown as ActionSpec]);
    const { problems } = compileProgram({ rules: { r: legacy } });
    expect(problems).toMatchObject([{ path: '/actions/0/id', code: 'RULE_INVALID', severity: 'warning' }]);
    const { program } = compileProgram({ rules: { r: legacy } });
    const res = await runner.run<RuleOutcome>(program, { kind: 'rules', key: 'r' }, facts);
    expect(res).toMatchObject({ ok: true, value: { effects: [{ type: 'update', action: '#0', form: 'orders', id: 7, values: { total: 1 } }], actions: [{ id: '#0', ran: true }] } });
  });

  it('reject: text or { zh-CN, en }, under a field; ends the evaluation', async () => {
    const o = await outcome(trigger([
      { id: 'no', type: 'reject', message: "({ 'zh-CN': '不行', en: 'No' })", field: 'total' },
      { id: 'after', type: 'notify', users: '1', title: "'x'" },
    ]));
    expect(o.effects).toEqual([{ type: 'reject', action: 'no', message: { 'zh-CN': '不行', en: 'No' }, field: 'total' }]);
    expect(o.actions).toEqual([{ id: 'no', ran: true }]);
    expect(await failure(trigger([{ id: 'no', type: 'reject', message: '({ en: 1 })' }]))).toMatchObject({ code: 'RULE_RESULT_INVALID', path: '/actions/0/message' });
  });
});

describe('trigger rules: errors point into the expression', () => {
  it('a throw in line 2 of a function body reports line 2', async () => {
    const e = await failure(trigger([{ id: 'a', type: 'create', form: 'tasks', values: { title: 'const a = 1;\nreturn record.x.y + a;' } }]));
    expect(e).toMatchObject({ code: 'RULE_RUNTIME', rule: 'r', path: '/actions/0/values/title', line: 2, column: 17 });
    expect(e.message).toMatch(/TypeError/);
  });

  it('line counting survives CRLF and U+2028 in earlier expressions', async () => {
    const e = await failure(trigger([
      { id: 'a', type: 'notify', users: '1', title: "const s = 'x\u2028y';\r\n// a comment\rreturn s;" },
      { id: 'b', type: 'notify', users: '1', title: 'const a = 1;\r\n\r\nreturn record.x.y;' },
    ]));
    expect(e).toMatchObject({ path: '/actions/1/title', line: 3, column: 17 });
  });

  it('a throw in a one-line expression reports its column', async () => {
    expect(await failure(trigger([], { condition: 'record.total > 0 && record.nope.deeper' }))).toMatchObject({ code: 'RULE_RUNTIME', path: '/condition', line: 1, column: 33 });
  });

  it('a thrown non-error keeps its text', async () => {
    expect(await failure(trigger([{ id: 'a', type: 'notify', users: '1', title: "throw 'boom';" }]))).toMatchObject({ code: 'RULE_RUNTIME', path: '/actions/0/title', message: expect.stringContaining('boom') });
  });

  it('an error inside a helper callback is located in the expression', async () => {
    const e = await failure(trigger([{ id: 'a', type: 'notify', users: '1', title: 'list.map(record.lines,\n  (l) => l.nope.x)' }]));
    expect(e).toMatchObject({ path: '/actions/0/title', line: 2 });
  });

  it('an error in a table run by decide names the table and its cell', async () => {
    const t = table('t', [{ id: 'r1', when: { in_a: '$.nope.x' }, then: { o: '1' } }]);
    expect(await failure(trigger([{ id: 'd', type: 'decide', table: 't' }]), facts, { t })).toMatchObject({ code: 'RULE_RUNTIME', rule: 't', path: '/rows/0/when/in_a', line: 1, column: 8 });
  });

  it("run-time messages are in the program's locale (zh-CN by default)", async () => {
    const def = trigger([{ id: 'l', type: 'ledger', form: 'commission_ledger', key: 'entry_key', entries: '5' }]);
    const zh = await runner.run(compileProgram({ rules: { r: def } }).program, { kind: 'rules', key: 'r' }, facts);
    const en = await runner.run(compileProgram({ rules: { r: def } }, { locale: 'en' }).program, { kind: 'rules', key: 'r' }, facts);
    expect(zh).toMatchObject({ ok: false, error: { message: 'entries 的结果应为对象列表，实际为数字' } });
    expect(en).toMatchObject({ ok: false, error: { message: 'entries must give a list of objects; got a number' } });
  });

  it('programs are compiled under the ABI file name', () => {
    expect(PROGRAM_FILENAME).toBe('kiln:program');
  });
});
