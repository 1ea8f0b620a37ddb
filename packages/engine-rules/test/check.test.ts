import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kiln/engine-forms';
import {
  checkExpression,
  checkRules,
  cronProblem,
  didYouMean,
  editDistance,
  RULE_ERROR_CODES,
  RULE_ERRORS,
  RULE_MESSAGES,
  ruleErrorsMarkdown,
  schemaFromForms,
  type ActionSpec,
  type DecisionTableDefinition,
  type RuleDefinition,
  type TriggerRuleDefinition,
  type TriggerSpec,
} from '../src/index.js';

const forms = JSON.parse(readFileSync(new URL('../test-data/forms.json', import.meta.url), 'utf8')) as Record<string, FormDefinition>;
const schema = schemaFromForms(forms);
const T = (s: string) => ({ 'zh-CN': s, en: s });
const rule = (actions: ActionSpec[], extra: Partial<TriggerRuleDefinition> = {}): TriggerRuleDefinition => ({
  formatVersion: 1, key: 'r', type: 'trigger', title: T('r'), trigger: { event: 'record.saved', form: 'orders' }, actions, ...extra,
});
const check = (rules: Record<string, unknown>, locale: 'en' | 'zh-CN' = 'en') => checkRules(rules as Record<string, RuleDefinition>, schema, { locale });
const notify = (title: string, extra: Partial<ActionSpec> = {}): ActionSpec => ({ id: 'n', type: 'notify', users: '1', title, ...extra }) as ActionSpec;
/** Problems of one notify title expression (expression-level checks). */
const titleProblems = (title: string, extra: Partial<TriggerRuleDefinition> = {}) => check({ r: rule([notify(title)], extra) });

describe('messages', () => {
  it('are concrete, with a did-you-mean, in the requested locale (zh-CN by default)', () => {
    const r = rule([{ id: 'a', type: 'create', form: 'commission_ledger', values: { amout: '1', entry_key: "'k'" } }]);
    expect(checkRules({ r }, schema)).toEqual([
      { code: 'RULE_UNKNOWN_FIELD', severity: 'error', rule: 'r', path: '/actions/0/values/amout', message: '字段 “amout” 不存在于表单 commission_ledger；是否是 “amount”？' },
    ]);
    expect(checkRules({ r }, schema, { locale: 'en' })[0]!.message).toBe('Field "amout" does not exist in form commission_ledger; did you mean "amount"?');
  });

  it('every code has a registry entry, and the registry is a Markdown table', () => {
    expect(Object.keys(RULE_ERRORS).sort()).toEqual([...RULE_ERROR_CODES].sort());
    const md = ruleErrorsMarkdown();
    for (const code of RULE_ERROR_CODES) expect(md).toContain(`\`${code}\``);
    for (const m of Object.values(RULE_MESSAGES)) {
      expect(m['zh-CN'].trim()).not.toBe('');
      expect(m.en.trim()).not.toBe('');
    }
  });

  it('syntax errors are translated where known', () => {
    const [p] = check({ r: rule([], { condition: 'record.total >' }) }, 'zh-CN');
    expect(p).toMatchObject({ code: 'RULE_SYNTAX', line: 1, column: 15, from: 14, to: 14 });
    expect(p!.message).toBe('语法错误：意外的符号（第 1 行第 15 列）');
  });
});

describe('names', () => {
  it('locals of every kind are known', () => {
    const src = [
      'function twice(x) { return x * 2 + arguments.length; }',
      'const { total, lines: [first, ...others] = [] } = record;',
      'let sum = 0;',
      'for (const l of record.lines) sum += l.qty;',
      'for (let i = 0; i < 2; i++) sum += i;',
      'try { sum += helper(); } catch (err) { sum += String(err).length; }',
      'var late = 1;',
      'class Box { get v() { return 1; } }',
      'label: for (const k in record) { if (k) break label; }',
      'function helper() { return hoisted; }',
      'const hoisted = 2;',
      'return String(twice(total) + sum + late + new Box().v + (first ? 1 : 0) + others.length + Math.max(1, 2) + JSON.stringify({}).length);',
    ].join('\n');
    expect(titleProblems(src)).toEqual([]);
  });

  it('unknown names are reported with a suggestion; a block-scoped name is unknown outside its block', () => {
    const ps = titleProblems("{ const inner = 1; }\nreturn String(inner) + recod.total + Maths.max(1);");
    expect(ps.map((p) => [p.code, p.message, p.line, p.column])).toEqual([
      ['RULE_UNKNOWN_NAME', 'Unknown name "inner"', 2, 15],
      ['RULE_UNKNOWN_NAME', 'Unknown name "recod"; did you mean "record"?', 2, 24],
      ['RULE_UNKNOWN_NAME', 'Unknown name "Maths"; did you mean "Math"?', 2, 38],
    ]);
  });

  it('item and index: only in actions with forEach, and not in forEach / when themselves', () => {
    const ps = check({
      r: rule([
        { id: 'a', type: 'create', form: 'tasks', forEach: 'record.lines', when: 'index > 0', values: { title: 'item.sku' } },
        { id: 'b', type: 'create', form: 'tasks', values: { title: 'String(index)' } },
      ]),
    });
    expect(ps.map((p) => [p.path, p.code])).toEqual([['/actions/0/when', 'RULE_UNKNOWN_NAME'], ['/actions/1/values/title', 'RULE_UNKNOWN_NAME']]);
  });

  it('results.<id> names an earlier create/upsert/decide; ref() an earlier create/upsert', () => {
    const rates: DecisionTableDefinition = { formatVersion: 1, key: 'rates', type: 'table', title: T('t'), hitPolicy: 'first', inputs: [], outputs: [{ id: 'o', key: 'rate', label: T('r') }], rows: [] };
    const ps = check({
      rates,
      r: rule([
        { id: 'a', type: 'notify', users: '1', title: 'String(results.d)' },
        { id: 'd', type: 'decide', table: 'rates' },
        { id: 't', type: 'create', form: 'tasks', values: { title: 'String(results.d.rate)', order: "ref('t')" } },
        { id: 'u', type: 'create', form: 'tasks', values: { title: 'String(results.t)', order: "ref('t')" } },
      ]),
    });
    expect(ps.map((p) => [p.path, p.code, p.from])).toEqual([['/actions/0/title', 'RULE_UNKNOWN_NAME', 15], ['/actions/2/values/order', 'RULE_UNKNOWN_NAME', 4]]);
  });

  it('import() and lookups in formulas are refused', () => {
    expect(titleProblems("import('x')").map((p) => p.code)).toEqual(['RULE_UNKNOWN_NAME']);
    expect(checkExpression("db.get('orders', 1).total", 'formula', schema, { form: 'orders', locale: 'en' })).toMatchObject([{ code: 'RULE_UNKNOWN_NAME', message: 'Formulas cannot look up data (db)', from: 0, to: 2 }]);
  });
});

describe('fields', () => {
  it('record and old are records of the trigger form (fields + id, createdAt, updatedAt)', () => {
    expect(titleProblems("String(record.id) + record.createdAt + old?.updatedAt + record.order_no + record.hasOwnProperty('x')")).toEqual([]);
    expect(titleProblems('old.totl').map((p) => [p.code, p.message, p.from, p.to])).toEqual([['RULE_UNKNOWN_FIELD', 'Field "totl" does not exist in form orders; did you mean "total"?', 4, 8]]);
  });

  it('schedule, webhook and flow triggers have no typed record', () => {
    for (const trigger of [{ event: 'schedule', cron: '* * * * *' }, { event: 'webhook', hook: 'h' }, { event: 'flow.node', flow: 'f', node: 'n' }] as TriggerSpec[]) {
      expect(titleProblems('String(record.whatever)', { trigger })).toEqual([]);
    }
  });

  it('callback parameters of list helpers and array methods are typed by the list', () => {
    const ps = titleProblems([
      'const a = record.lines.map((l, i) => l.qty * i).filter((x) => x > 0);',
      'const b = money.sum(record.lines, (l) => l.qty * l.unit_pric);',
      "const c = list.find(record.lines, (l) => l.sku === 'A')?.skuu;",
      'const d = record.lines.reduce((acc, l) => acc + l.qtty, 0);',
      'return String(a.length + b + c + d);',
    ].join('\n'));
    expect(ps.map((p) => [p.code, p.line, p.message])).toEqual([
      ['RULE_UNKNOWN_FIELD', 2, 'Field "unit_pric" does not exist in sub-table orders.lines; did you mean "unit_price"?'],
      ['RULE_UNKNOWN_FIELD', 3, 'Field "skuu" does not exist in sub-table orders.lines; did you mean "sku"?'],
      ['RULE_UNKNOWN_FIELD', 4, 'Field "qtty" does not exist in sub-table orders.lines; did you mean "qty"?'],
    ]);
  });

  it('lookups with a literal form return typed records; filters, sums and sorts name its fields', () => {
    const ps = titleProblems([
      "const c = db.get('customers', record.customer);",
      "const all = db.all('commission_ledger', { beneficiary: c.id, sate: 'frozen' }, { sort: '-amout' });",
      "const s = db.sum('commission_ledger', 'amont', { id: { $gt: 1 } });",
      'return c.nmae + all.map((e) => e.amount + e.amout).join() + s;',
    ].join('\n'));
    expect(ps.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 62, 'Field "sate" does not exist in form commission_ledger; did you mean "state"?'],
      [2, 88, 'Field "amout" does not exist in form commission_ledger; did you mean "amount"?'],
      [3, 39, 'Field "amont" does not exist in form commission_ledger; did you mean "amount"?'],
      [4, 10, 'Field "nmae" does not exist in form customers; did you mean "name"?'],
      [4, 45, 'Field "amout" does not exist in form commission_ledger; did you mean "amount"?'],
    ]);
  });

  it('open objects, scratch properties and shadowed names are not second-guessed', () => {
    expect(titleProblems('const o = { a: 1 };\nrecord.scratch = 1;\nreturn String(o.b ?? record.scratch);')).toEqual([]);
    expect(titleProblems('String(record.lines.map((record) => record.sku))')).toEqual([]);
  });

  it('writing computed fields: autonumber is refused, a formula is a warning (the server drops it)', () => {
    const ps = check({ r: rule([{ id: 'a', type: 'update', form: 'orders', record: 'record.id', values: { order_no: "'x'", fee: '1' } }]) });
    expect(ps.map((p) => [p.path, p.code, p.severity])).toEqual([
      ['/actions/0/values/order_no', 'RULE_INVALID', 'error'],
      ['/actions/0/values/fee', 'RULE_INVALID', 'warning'],
    ]);
  });

  it('rows written to a sub-table name only its columns; a ledger entry needs its key', () => {
    const ps = check({
      r: rule([
        { id: 'a', type: 'create', form: 'orders', values: { lines: "[{ sku: 'A', qty: 1, price: 5 }]" } },
        { id: 'l', type: 'ledger', form: 'commission_ledger', key: 'entry_key', entries: 'record.lines.map((l) => ({ amount: l.qty }))' },
      ]),
    });
    expect(ps.map((p) => [p.path, p.code, p.message])).toEqual([
      ['/actions/0/values/lines', 'RULE_UNKNOWN_FIELD', 'Field "price" does not exist in sub-table orders.lines'],
      ['/actions/1/entries', 'RULE_INVALID', 'The ledger entry has no "entry_key": a repeated event could post twice'],
    ]);
  });

  it('a table takes the record type of the triggers that decide with it', () => {
    const t: DecisionTableDefinition = {
      formatVersion: 1, key: 't', type: 'table', title: T('t'), hitPolicy: 'first',
      inputs: [{ id: 'a', label: T('a'), expression: 'record.totl' }], outputs: [{ id: 'o', key: 'x', label: T('x'), type: 'number' }],
      rows: [{ id: 'r1', when: { a: '$ > record.discont' }, then: { o: "'high'" } }],
    };
    const ps = check({ t, r: rule([{ id: 'd', type: 'decide', table: 't' }]) });
    expect(ps.map((p) => [p.path, p.code])).toEqual([['/inputs/0/expression', 'RULE_UNKNOWN_FIELD'], ['/rows/0/then/o', 'RULE_ARG_TYPE'], ['/rows/0/when/a', 'RULE_UNKNOWN_FIELD']]);
    expect(check({ t })).toMatchObject([{ path: '/rows/0/then/o', code: 'RULE_ARG_TYPE' }]);
  });
});

describe('helpers', () => {
  it('catalog arity and argument types (number and money mix; dates are strings)', () => {
    expect(titleProblems("money.format(money.pct(record.total, record.discount)) + date.day(date.addDays(today(), 1)) + num.max(1, 2, 3) + str.pad(7, 3, '0')")).toEqual([]);
    expect(titleProblems('String(num.max(1, "2") + date.diffDays(now()) + list.count(5))').map((p) => p.message)).toEqual([
      'Argument values of num.max must be a number or money (fen); got a text',
      'date.diffDays needs at least 2 argument(s); got 1',
      'Argument items of list.count must be a list; got a number',
    ]);
  });

  it('spread arguments are not counted', () => {
    expect(titleProblems('String(num.max(...[1, 2]) + money.pct(...[1, 2]))')).toEqual([]);
  });
});

describe('robustness', () => {
  it('malformed drafts give problems, never a throw', () => {
    const junk: Record<string, unknown> = {
      a: null,
      b: 'x',
      c: { formatVersion: 1, key: 'c', type: 'trigger', title: T('c'), trigger: 5, actions: [null, 3, { type: 'create' }, { id: 'x', type: 'create', form: 'orders', values: [] }] },
      d: { formatVersion: 1, key: 'd', type: 'table', title: T('d'), hitPolicy: 'first', inputs: [null, { id: 'i' }], outputs: 'x', rows: [null, { id: 'r', when: 5 }] },
      e: { formatVersion: 1, key: 'e', type: 'weird', title: T('e') },
    };
    const ps = check(junk);
    expect(ps.length).toBeGreaterThan(8);
    expect(ps.every((p) => p.code === 'RULE_INVALID')).toBe(true);
  });
});

describe('small pieces', () => {
  it('editDistance / didYouMean', () => {
    expect(editDistance('amout', 'amount')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(didYouMean('amout', ['status', 'amount'])).toBe('amount');
    expect(didYouMean('Total', ['total'])).toBe('total');
    expect(didYouMean('xyz', ['amount'])).toBeUndefined();
  });

  it('cronProblem', () => {
    for (const ok of ['*/10 * * * *', '0 2 1 * *', '30 2 1 JAN,JUL MON-FRI', '0 0 L * *', '0 9 ? * 1#2', '0-59/15 0-23 1-31 1-12 0-7']) expect(cronProblem(ok), ok).toBeNull();
    expect(cronProblem('* * * *')).toEqual({ count: 4 });
    expect(cronProblem('60 * * * *')).toMatchObject({ n: 1, name: 'minute' });
    expect(cronProblem('* * * 13 *')).toMatchObject({ n: 4 });
    expect(cronProblem('* 5-1 * * *')).toMatchObject({ n: 2 });
  });
});
