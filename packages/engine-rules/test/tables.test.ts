import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, cellsIntersect, compileProgram, findOverlaps, parseCell, type CellNode, type DecisionTableDefinition, type ListCell, type TableOutcome } from '../src/index.js';
import { createRunner, type ProgramRunner } from './helpers/run-program.js';

const T = (s: string) => ({ 'zh-CN': s, en: s });

describe('parseCell', () => {
  const ok = (text: string) => {
    const r = parseCell(text);
    if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
    return r.cell;
  };

  it('any: - or empty', () => {
    for (const t of ['-', '', '  ', ' - ']) expect(ok(t)).toEqual({ kind: 'any' });
  });

  it('compare: < <= > >= = != with numbers, text, dates, booleans', () => {
    expect(ok('< 5')).toEqual({ kind: 'compare', op: '<', value: 5 });
    expect(ok('>=10')).toEqual({ kind: 'compare', op: '>=', value: 10 });
    expect(ok('> -1.5')).toEqual({ kind: 'compare', op: '>', value: -1.5 });
    expect(ok('!= "x"')).toEqual({ kind: 'compare', op: '!=', value: 'x' });
    expect(ok("!== 'x'")).toEqual({ kind: 'compare', op: '!=', value: 'x' });
    expect(ok('== true')).toEqual({ kind: 'compare', op: '=', value: true });
    expect(ok('<= 2024-05-01')).toEqual({ kind: 'compare', op: '<=', value: '2024-05-01' });
  });

  it('range: [a..b], (a..b], [a..b), (a..b), a..b', () => {
    expect(ok('[1..10]')).toEqual({ kind: 'range', lo: 1, hi: 10, loOpen: false, hiOpen: false });
    expect(ok('(1..10]')).toEqual({ kind: 'range', lo: 1, hi: 10, loOpen: true, hiOpen: false });
    expect(ok('[1..10)')).toEqual({ kind: 'range', lo: 1, hi: 10, loOpen: false, hiOpen: true });
    expect(ok('(0.5..1.5)')).toEqual({ kind: 'range', lo: 0.5, hi: 1.5, loOpen: true, hiOpen: true });
    expect(ok('1..10')).toEqual({ kind: 'range', lo: 1, hi: 10, loOpen: false, hiOpen: false });
    expect(ok('[-10..-1]')).toEqual({ kind: 'range', lo: -10, hi: -1, loOpen: false, hiOpen: false });
    expect(ok('[2024-01-01..2024-06-30T23:59:59Z]')).toEqual({ kind: 'range', lo: '2024-01-01', hi: '2024-06-30T23:59:59Z', loOpen: false, hiOpen: false });
    expect(ok('["a".."m")')).toEqual({ kind: 'range', lo: 'a', hi: 'm', loOpen: false, hiOpen: true });
  });

  it('list and not(list)', () => {
    expect(ok('"a", "b"')).toEqual({ kind: 'list', values: ['a', 'b'], negated: false });
    expect(ok("1, 2, 3")).toEqual({ kind: 'list', values: [1, 2, 3], negated: false });
    expect(ok('"a,b", null')).toEqual({ kind: 'list', values: ['a,b', null], negated: false });
    expect(ok('not("a")')).toEqual({ kind: 'list', values: ['a'], negated: true });
    expect(ok('not( 1, 2 )')).toEqual({ kind: 'list', values: [1, 2], negated: true });
  });

  it('literal', () => {
    expect(ok('5')).toEqual({ kind: 'literal', value: 5 });
    expect(ok(' "vip" ')).toEqual({ kind: 'literal', value: 'vip' });
    expect(ok("'vip'")).toEqual({ kind: 'literal', value: 'vip' });
    expect(ok('true')).toEqual({ kind: 'literal', value: true });
    expect(ok('null')).toEqual({ kind: 'literal', value: null });
    expect(ok('2024-05-01')).toEqual({ kind: 'literal', value: '2024-05-01' });
  });

  it('expr: any other valid JavaScript, with $', () => {
    expect(ok('$ % 2 === 0')).toEqual({ kind: 'expr', source: '$ % 2 === 0' });
    expect(ok(' ["a", "b"].includes($) ')).toEqual({ kind: 'expr', source: '["a", "b"].includes($)' });
    expect(ok('$ >= record.minimum')).toEqual({ kind: 'expr', source: '$ >= record.minimum' });
  });

  it('nodes are frozen', () => {
    const c = ok('[1..2]');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(ok('1, 2'))).toBe(true);
    expect(Object.isFrozen((ok('1, 2') as ListCell).values)).toBe(true);
  });

  it('errors name the reason and where in the cell', () => {
    expect(parseCell('> abc')).toEqual({ ok: false, error: { reason: 'compareValue', from: 1, to: 5 } });
    expect(parseCell('[10..1]')).toMatchObject({ ok: false, error: { reason: 'emptyRange' } });
    expect(parseCell('(1..1]')).toMatchObject({ ok: false, error: { reason: 'emptyRange' } });
    expect(parseCell('[1.."x"]')).toMatchObject({ ok: false, error: { reason: 'rangeTypes' } });
    expect(parseCell('[a..5]')).toMatchObject({ ok: false, error: { reason: 'rangeBound', from: 1, to: 2 } });
    expect(parseCell('not("a", b)')).toMatchObject({ ok: false, error: { reason: 'listItem', from: 9, to: 10 } });
    expect(parseCell('"a", b')).toMatchObject({ ok: false, error: { reason: 'listItem', from: 5, to: 6 } });
    expect(parseCell('[1, 2]')).toMatchObject({ ok: false, error: { reason: 'alwaysTrue' } });
    expect(parseCell('$ >')).toMatchObject({ ok: false, error: { reason: 'syntax', detail: 'Unexpected token', from: 3 } });
  });
});

describe('cellsIntersect / findOverlaps', () => {
  it('intervals, points, negations, any', () => {
    expect(cellsIntersect(cell.range(0, 10), cell.compare('>=', 10))).toBe(true);
    expect(cellsIntersect(cell.range(0, 10, false, true), cell.compare('>=', 10))).toBe(false);
    expect(cellsIntersect(cell.compare('<', 5), cell.compare('>', 5))).toBe(false);
    expect(cellsIntersect(cell.compare('<=', 5), cell.compare('>=', 5))).toBe(true);
    expect(cellsIntersect(cell.literal(5), cell.range(1, 5))).toBe(true);
    expect(cellsIntersect(cell.literal('5'), cell.range(1, 5))).toBe(false);
    expect(cellsIntersect(cell.list(['a', 'b']), cell.list(['b', 'c']))).toBe(true);
    expect(cellsIntersect(cell.list(['a', 'b']), cell.list(['a', 'b'], true))).toBe(false);
    expect(cellsIntersect(cell.list(['a'], true), cell.list(['b'], true))).toBe(true);
    expect(cellsIntersect(cell.compare('!=', 3), cell.range(3, 3))).toBe(false);
    expect(cellsIntersect(cell.compare('!=', 3), cell.range(3, 4))).toBe(true);
    expect(cellsIntersect(cell.any(), cell.literal(null))).toBe(true);
    expect(cellsIntersect(cell.range('2024-01-01', '2024-06-30'), cell.compare('>', '2024-06-30'))).toBe(false);
    expect(cellsIntersect(cell.compare('<', true), cell.any())).toBe(false);
    expect(cellsIntersect(cell.expr('$ > 1'), cell.any())).toBeUndefined();
  });

  it('rows overlap when every column intersects; a missing cell is any', () => {
    const rows: Array<Record<string, CellNode>> = [
      { a: cell.compare('<', 10), b: cell.literal('x') },
      { a: cell.compare('>=', 10) },
      { a: cell.range(5, 20), b: cell.literal('y') },
      { b: cell.expr('$ === "x"') },
    ];
    expect(findOverlaps(['a', 'b'], rows)).toEqual([{ first: 1, second: 2 }]);
  });
});

describe('decision tables at run time', () => {
  let runner: ProgramRunner;
  beforeAll(async () => {
    runner = await createRunner();
  });
  afterAll(() => runner?.dispose());

  const def = (hitPolicy: DecisionTableDefinition['hitPolicy'], rows: DecisionTableDefinition['rows'], inputs = ['record.v']): DecisionTableDefinition => ({
    formatVersion: 1, key: 't', type: 'table', title: T('t'), hitPolicy,
    inputs: inputs.map((expression, i) => ({ id: `in${i}`, label: T('in'), expression })),
    outputs: [{ id: 'o1', key: 'amount', label: T('amount') }, { id: 'o2', key: 'label', label: T('label') }],
    rows,
  });
  async function evaluate(d: DecisionTableDefinition, record: unknown) {
    const { program, problems } = compileProgram({ rules: { t: d } });
    expect(problems).toEqual([]);
    return runner.run<TableOutcome>(program, { kind: 'tables', key: 't' }, { record });
  }
  async function outcome(d: DecisionTableDefinition, record: unknown) {
    const r = await evaluate(d, record);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  }
  const rows: DecisionTableDefinition['rows'] = [
    { id: 'low', when: { in0: '< 10' }, then: { o1: '1', o2: "'low'" } },
    { id: 'mid', when: { in0: '[5..20]' }, then: { o1: '2' } },
    { id: 'any', when: {}, then: { o1: '4', o2: "'any'" } },
  ];

  it('first: the first matching row, or null', async () => {
    expect(await outcome(def('first', rows), { v: 7 })).toEqual({ matched: ['low'], output: { amount: 1, label: 'low' } });
    expect(await outcome(def('first', rows.slice(0, 2)), { v: 50 })).toEqual({ matched: [], output: null });
  });

  it('collect: every match, missing outputs null', async () => {
    expect(await outcome(def('collect', rows), { v: 7 })).toEqual({ matched: ['low', 'mid', 'any'], output: [{ amount: 1, label: 'low' }, { amount: 2, label: null }, { amount: 4, label: 'any' }] });
  });

  it('collect_sum / min / max aggregate numbers per output; count counts; nothing matched → null', async () => {
    const numeric = rows.map((r) => ({ ...r, then: { o1: r.then.o1! } }));
    expect((await outcome(def('collect_sum', numeric), { v: 7 })).output).toEqual({ amount: 7, label: null });
    expect((await outcome(def('collect_min', numeric), { v: 7 })).output).toEqual({ amount: 1, label: null });
    expect((await outcome(def('collect_max', numeric), { v: 7 })).output).toEqual({ amount: 4, label: null });
    expect(await outcome(def('collect_count', rows), { v: 15 })).toEqual({ matched: ['mid', 'any'], output: { count: 2 } });
    expect(await outcome(def('collect_sum', numeric.slice(0, 2)), { v: 99 })).toEqual({ matched: [], output: null });
    const bad = await evaluate(def('collect_sum', rows), { v: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'RULE_RESULT_INVALID', rule: 't', path: '/rows/0/then/o2' } });
  });

  it('unique: the one match or null; two matches at run time are an error naming both rows', async () => {
    expect(await outcome(def('unique', rows.slice(0, 2)), { v: 3 })).toEqual({ matched: ['low'], output: { amount: 1, label: 'low' } });
    expect(await outcome(def('unique', rows.slice(0, 2)), { v: 30 })).toEqual({ matched: [], output: null });
    const r = await evaluate(def('unique', rows.slice(0, 2)), { v: 7 });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', rule: 't', path: '/rows/1' } });
    if (!r.ok) expect(r.error.message).toContain('low');
  });

  it('every cell form matches as documented', async () => {
    const cases: Array<[string, unknown, boolean]> = [
      ['-', undefined, true],
      ['< 5', 4, true], ['< 5', 5, false], ['< 5', '4', false], ['< 5', null, false],
      ['>= "2024-05-01"', '2024-05-01T08:00:00Z', true], ['< 2024-05-01', '2024-04-30', true],
      ['!= "x"', 'y', true], ['!= "x"', 'x', false], ['= 3', 3, true],
      ['[1..10]', 10, true], ['[1..10)', 10, false], ['(1..10]', 1, false], ['1..10', 1, true], ['[1..10]', '5', false],
      ['[2024-01-01..2024-01-31]', '2024-01-15', true], ['[2024-01-01..2024-01-31]', '2024-02-01', false],
      ['"a", "b"', 'b', true], ['"a", "b"', 'c', false], ['1, 2', '1', false],
      ['not("a", "b")', 'c', true], ['not("a", "b")', 'a', false],
      ['5', 5, true], ['"vip"', 'vip', true], ['true', true, true], ['true', 1, false],
      ['null', null, true], ['null', undefined, true], ['null', 0, false],
      ['$ % 2 === 0', 4, true], ['$ % 2 === 0', 3, false], ['input > record.floor', 3, true], ['$ > record.floor', 1, false],
    ];
    for (const [text, v, match] of cases) {
      const d = def('first', [{ id: 'r', when: { in0: text }, then: { o1: '1' } }]);
      const o = await outcome(d, { v, floor: 2 });
      expect(o.matched, `${text} on ${JSON.stringify(v)}`).toEqual(match ? ['r'] : []);
    }
  });

  it('inputs are evaluated once per run, in column order', async () => {
    const d = def('collect', [{ id: 'a', when: { in0: '> 0', in1: '-' }, then: { o1: 'record.calls' } }, { id: 'b', when: { in0: '> 0' }, then: { o1: 'record.calls' } }], ['(record.calls = (record.calls ?? 0) + 1)', 'record.calls * 10']);
    expect(await outcome(d, {})).toEqual({ matched: ['a', 'b'], output: [{ amount: 1, label: null }, { amount: 1, label: null }] });
  });

  it('then cells see the facts; results and item pass through from a decide', async () => {
    const d = def('first', [{ id: 'r', when: {}, then: { o1: 'record.v * 2', o2: 'String(results?.x ?? "-")' } }]);
    expect(await outcome(d, { v: 21 })).toEqual({ matched: ['r'], output: { amount: 42, label: '-' } });
  });
});
