import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/sandbox/index.js';
import { ESCAPE_CORPUS, PROCESS_KILLERS, type EscapeCase } from './escape/corpus.js';
import { NOW, body, expr, returns } from './escape/programs.js';

// One isolate, so "the next evaluation" runs where the attempt ran.
const sandbox = createSandbox({ poolSize: 1, memoryMb: 32 });
afterAll(() => sandbox.dispose());

/** What a fresh context looks like; every attempt must leave exactly this behind. */
const PROBE = returns(`{
  polluted: [({}).polluted, [].polluted, (() => {}).polluted, ''.polluted],
  push: (() => { const a = []; a.push(1); return a.length; })(),
  map: [1, 2].map((x) => x * 2),
  iterate: [...[1, 2]],
  parse: JSON.parse('{"a":1}').a,
  pct: money.pct(1999, 5),
  get: typeof db.get,
  random: typeof Math.random(),
  trim: ' a '.trim(),
  now: Date.now(),
  regexp: typeof RegExp.$1,
  globals: Object.getOwnPropertyNames(globalThis).sort().join(),
  objectProto: Object.getOwnPropertyNames(Object.prototype).sort().join(),
  frozen: [Object.prototype, Array.prototype, Function.prototype, globalThis, money, JSON, Math].every(Object.isFrozen),
}`);

const HOST_OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype).sort().join();
const HOST_PUSH = Array.prototype.push;
let baseline: unknown;

async function attempt(c: EscapeCase) {
  return sandbox.run(body(c.body), expr(), { x: 1, list: [1] }, { now: NOW, timeoutMs: c.timeoutMs ?? 50 });
}

describe.each(Object.entries(ESCAPE_CORPUS))('sandbox escape corpus: %s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    baseline ??= ((await sandbox.run(PROBE, expr(), {}, { now: NOW })) as { value: unknown }).value;
    const r = await attempt(c);
    if ('value' in c.expect) {
      expect(r).toMatchObject({ ok: true, value: c.expect.value });
    } else {
      expect(r.ok, JSON.stringify(r)).toBe(false);
      const codes = ([] as string[]).concat(c.expect.code);
      if (!r.ok) expect(codes).toContain(r.error.code);
    }
    // The next evaluation is unaffected, and the host is untouched.
    expect(await sandbox.run(PROBE, expr(), {}, { now: NOW })).toMatchObject({ ok: true, value: baseline });
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(HOST_OBJECT_PROTO);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Array.prototype.push).toBe(HOST_PUSH);
  });
});

describe('isolation between evaluations and from the host', () => {
  it('the global object holds only the built-ins and the helpers', async () => {
    const r = await sandbox.run(returns('Object.getOwnPropertyNames(globalThis)'), expr(), {}, { now: NOW });
    const names = (r as { value: string[] }).value;
    for (const helper of ['money', 'num', 'str', 'list', 'date', 'db', 'now', 'today', 'ref', '__kiln']) expect(names).toContain(helper);
    for (const absent of ['process', 'require', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'WeakRef', 'FinalizationRegistry', '__kilnHost']) expect(names).not.toContain(absent);
  });

  it('RegExp legacy statics do not carry match text to the next evaluation', async () => {
    await sandbox.run(returns("/(secret-\\d+)/.exec(f.s)[1]"), expr(), { s: 'x secret-42 y' }, { now: NOW });
    expect(await sandbox.run(returns('[typeof RegExp.$1, typeof RegExp.lastMatch, typeof RegExp.input]'), expr(), {}, { now: NOW }))
      .toMatchObject({ ok: true, value: ['undefined', 'undefined', 'undefined'] });
  });

  it("mutating the facts does not change the host's object", async () => {
    const facts = { record: { total: 1, lines: [{ qty: 1 }] } };
    const r = await sandbox.run(body('f.record.total = 999; f.record.lines.push({ qty: 2 }); delete f.record.lines[0].qty; return f;'), expr(), facts, { now: NOW });
    expect(r).toMatchObject({ ok: true, value: { record: { total: 999, lines: [{}, { qty: 2 }] } } });
    expect(facts).toEqual({ record: { total: 1, lines: [{ qty: 1 }] } });
  });

  it('ordinary objects can still shadow inherited names (frozen prototypes, no override mistake)', async () => {
    const r = await sandbox.run(body('const o = {}; o.constructor = 1; o.toString = () => "x"; return [o.constructor, String(o)];'), expr(), {}, { now: NOW });
    expect(r).toMatchObject({ ok: true, value: [1, 'x'] });
  });

  it('an endless loop blocks the host only about its time limit, then the host carries on', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const loop = body('for (let i = 0; i < 1e12; i++) {} return 1;'); // would run for minutes
    const started = performance.now();
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await sandbox.run(loop, expr(), {}, { now: NOW, timeoutMs: 50 }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['RULE_TIMEOUT', 'RULE_TIMEOUT', 'RULE_TIMEOUT']);
    expect(elapsed).toBeLessThan(3 * 50 + 250);
    expect(ticks).toBeGreaterThan(0);
    expect(await sandbox.run(returns('1 + 1'), expr(), {}, { now: NOW })).toMatchObject({ ok: true, value: 2 });
  });
});

describe('KNOWN LIMIT: what an in-process isolate cannot contain', () => {
  const child = fileURLToPath(new URL('./escape/run-in-child.ts', import.meta.url));
  const runInChild = (src: string) => spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', child, src], { encoding: 'utf8', timeout: 60_000 });

  it('the child harness itself works', () => {
    const out = runInChild('return money.pct(1999, 5);');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, value: 99 });
  });

  it.each(PROCESS_KILLERS)('%s aborts the process (run the sandbox out of process)', (src) => {
    const out = runInChild(src);
    expect(out.status).not.toBe(0);
    expect(out.stderr).toMatch(/heap|out of memory|Fatal/i);
  });
});
