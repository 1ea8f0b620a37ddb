import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/sandbox/index.js';
import { NOW, body, expr, program, returns } from './escape/programs.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());
const run = (p: Parameters<typeof sandbox.run>[0], key = 'a', facts: unknown = {}) => sandbox.run(p, expr(key), facts, { now: NOW });

/** Generated-code shape: each expression on its own lines, wrapped in try / __kiln.fail. */
const GENERATED = program(`({
  rules: {},
  exprs: {
    a: function (f) {
try { return (f.a.b.c);
} catch (e) { __kiln.fail('RULE_RUNTIME', null, '/condition', e, [5, 15, 'r1']); }
    },
    b: function (f) {
      try {
        return (function () {
const x = 1;
return x + f.a.b;
})();
      } catch (e) { __kiln.fail('RULE_RUNTIME', 'custom message', '/actions/0/values/amount', e, [11, 1, 'r2']); }
    },
    c: function (f) { try { return money.pct('x', 1) } catch (e) { __kiln.fail('RULE_RUNTIME', null, '/p', e, [16, 33, 'r3']); } },
    d: function (f) {
      try {
        try { throw new Error('x'); } catch (e) { __kiln.fail('RULE_RESULT_INVALID', 'inner', '/inner', e, [19, 1, 'r4']); }
      } catch (e) { __kiln.fail('RULE_RUNTIME', null, '/outer', e, [17, 1, 'r4']); }
    },
    e: function (f) { __kiln.fail('NOT_A_CODE', 'odd', '/e'); },
  },
})`);

describe('__kiln.fail', () => {
  it('maps the stack position relative to the origin (same line: column relative)', async () => {
    expect(await run(GENERATED, 'a')).toMatchObject({
      ok: false,
      error: { code: 'RULE_RUNTIME', message: "TypeError: Cannot read properties of undefined (reading 'b')", rule: 'r1', path: '/condition', line: 1, column: 5 },
    });
  });

  it('maps later lines with their own column, keeps the given message', async () => {
    expect(await run(GENERATED, 'b')).toMatchObject({ ok: false, error: { message: 'custom message', rule: 'r2', path: '/actions/0/values/amount', line: 2, column: 16 } });
  });

  it('points at the helper call when a helper throws', async () => {
    expect(await run(GENERATED, 'c')).toMatchObject({ ok: false, error: { rule: 'r3', line: 1, column: 10, message: expect.stringContaining('money.pct') } });
  });

  it('rethrows an already tagged error unchanged', async () => {
    const r = await run(GENERATED, 'd');
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_RESULT_INVALID', message: 'inner', path: '/inner', line: 1 } });
  });

  it('an unknown code becomes RULE_RUNTIME', async () => {
    expect(await run(GENERATED, 'e')).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: 'odd', path: '/e' } });
  });
});

describe('errors are data', () => {
  it.each([
    ['throw new RangeError("bad")', 'RangeError: bad'],
    ['throw "plain string"', 'Uncaught plain string'],
    ['throw 42', 'Uncaught 42'],
    ['throw null', 'Uncaught null'],
    ['throw { toString() { throw new Error("no") } }', 'Uncaught [object Object]'],
    ['throw new Proxy({}, { get() { throw new Error("trap") }, getPrototypeOf() { throw new Error("trap") } })', 'Uncaught value that cannot be read'],
  ])('%s → RULE_RUNTIME', async (src, message) => {
    expect(await run(body(src))).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message } });
  });

  it('a hand-made tagged object is copied out as data (only RuleError fields)', async () => {
    const r = await run(body(`throw { __kilnRuleError: { code: 'RULE_INVALID', message: 'm', path: '/p', line: 3, extra: () => 1 } }`));
    expect(r).toEqual({ ok: false, error: { code: 'RULE_INVALID', message: 'm', path: '/p', line: 3 }, durationUs: expect.any(Number), lookups: 0 });
  });

  it.each([
    ['({ f: function () {} })', 'a function at f'],
    ['[1, Symbol("s")]', 'a symbol at [1]'],
    ['({ n: 10n })', 'a BigInt at n'],
    ['Promise.resolve(1)', 'a Promise'],
    ['(async () => 1)()', 'a Promise'],
    ['new Map()', 'Map'],
    ['(() => { const a = [1]; a.push({ back: a }); return a; })()', 'a cycle at [1].back'],
    ['(() => { let o = {}; for (let i = 0; i < 200; i++) o = { o }; return o; })()', 'nesting deeper'],
  ])('result %s → RULE_RESULT_INVALID', async (src, message) => {
    expect(await run(returns(src))).toMatchObject({ ok: false, error: { code: 'RULE_RESULT_INVALID', message: expect.stringContaining(message) } });
  });

  it('shared (acyclic) references, undefined and null survive the copy', async () => {
    const r = await run(returns('(() => { const s = { x: 1 }; return { a: s, b: s, u: undefined, n: null, arr: [s] }; })()'));
    expect(r).toMatchObject({ ok: true, value: { a: { x: 1 }, b: { x: 1 }, u: undefined, n: null, arr: [{ x: 1 }] } });
  });

  it('a getter in the result runs inside the sandbox, under its time limit', async () => {
    const r = await run(returns('({ get x() { while (true) {} } })'));
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_TIMEOUT' } });
  });

  it('an unknown entry point is RULE_INVALID', async () => {
    expect(await run(returns('1'), 'nope')).toMatchObject({ ok: false, error: { code: 'RULE_INVALID', message: expect.stringContaining('exprs.nope') } });
    const r = await sandbox.run(returns('1'), { kind: 'rules', key: 'toString' }, {}, { now: NOW });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_INVALID' } });
  });

  it('a program that does not compile is RULE_SYNTAX, every time', async () => {
    const broken = program('({ exprs: { a: function (f) { return ( } } })');
    expect(await run(broken)).toMatchObject({ ok: false, error: { code: 'RULE_SYNTAX' } });
    expect(await run(broken)).toMatchObject({ ok: false, error: { code: 'RULE_SYNTAX' } });
  });

  it('a program whose completion is not an entry object fails to load', async () => {
    expect(await run(program('42'))).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('entry points') } });
    expect(await run(program('({ exprs: { a: 1 } })'))).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME' } });
  });

  it('facts that cannot be copied are an error, not a throw', async () => {
    expect(await run(returns('1'), 'a', { fn: () => 1 })).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('facts') } });
  });

  it('programs run in strict mode', async () => {
    expect(await run(body('undeclared = 1; return 1;'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('ReferenceError') } });
    expect(await run(returns('(function () { return this; })()'))).toMatchObject({ ok: true, value: undefined });
  });

  it('entry points are called without a receiver and cannot rewire the program', async () => {
    const p = program('({ exprs: { a: function (f) { return this === undefined; }, b: function (f) { exprs_b_ran = 1; } } })');
    expect(await run(p, 'a')).toMatchObject({ ok: true, value: true });
  });

  it('unknown run options and invalid sandbox options are refused', async () => {
    const r = await sandbox.run(returns('1'), expr(), {}, { now: NOW, timeout: 5 } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining("'timeout'") } });
    expect(() => createSandbox({ poolsize: 1 } as never)).toThrow(/unknown option 'poolsize'/);
    expect(() => createSandbox({ memoryMb: 2 })).toThrow(/memoryMb/);
  });
});
