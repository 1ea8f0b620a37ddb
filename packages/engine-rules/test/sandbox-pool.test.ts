import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/sandbox/index.js';
import { NOW, body, expr, returns } from './escape/programs.js';

const MEMORY_BOMB = 'const a = []; while (true) a.push(new Array(1e5).fill(1.5));';

describe('pool and cache', () => {
  it('caches compiled programs by hash per isolate and counts evaluations', async () => {
    const sandbox = createSandbox({ poolSize: 2 });
    expect(sandbox.stats()).toEqual({ isolates: 2, programs: 0, evaluations: 0, recycled: 0 });
    const p = returns('f.x * 2');
    for (let i = 0; i < 4; i++) expect(await sandbox.run(p, expr(), { x: i }, { now: NOW })).toMatchObject({ ok: true, value: i * 2 });
    expect(sandbox.stats()).toEqual({ isolates: 2, programs: 2, evaluations: 4, recycled: 0 });
    // equal hashes are equal programs: a cached hash is not recompiled
    const impostor = { hash: p.hash, source: '({ exprs: { a: function () { return "recompiled" } } })' };
    expect(await sandbox.run(impostor, expr(), { x: 5 }, { now: NOW })).toMatchObject({ ok: true, value: 10 });
    sandbox.dispose();
  });

  it('evicts the least recently used program', async () => {
    const sandbox = createSandbox({ poolSize: 1, programCacheSize: 2 });
    const progs = [returns('1'), returns('2'), returns('3')];
    for (const p of progs) await sandbox.run(p, expr(), {}, { now: NOW });
    expect(sandbox.stats().programs).toBe(2);
    expect(await sandbox.run(progs[0], expr(), {}, { now: NOW })).toMatchObject({ ok: true, value: 1 });
    sandbox.dispose();
  });

  it('replaces an isolate lost to the memory limit; the next run works', async () => {
    const sandbox = createSandbox({ poolSize: 1, memoryMb: 16 });
    const r = await sandbox.run(body(MEMORY_BOMB), expr(), {}, { now: NOW, timeoutMs: 10_000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_MEMORY_LIMIT' } });
    expect(await sandbox.run(returns('money.pct(1999, 5)'), expr(), {}, { now: NOW })).toMatchObject({ ok: true, value: 99 });
    expect(sandbox.stats()).toMatchObject({ isolates: 1, recycled: 1 });
    sandbox.dispose();
  });

  it('after dispose, runs resolve with an error', async () => {
    const sandbox = createSandbox();
    sandbox.dispose();
    expect(await sandbox.run(returns('1'), expr(), {}, { now: NOW })).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME' } });
    expect(sandbox.runBatch(returns('1'), expr(), [{}], { now: NOW })).toMatchObject([{ ok: false }]);
    expect(sandbox.stats().isolates).toBe(0);
  });
});

describe('runBatch', () => {
  it('evaluates many fact sets in one call, in order', () => {
    const sandbox = createSandbox();
    const facts = Array.from({ length: 1000 }, (_, i) => ({ total: i * 100 }));
    const results = sandbox.runBatch<number>(returns('money.pct(f.total, 5)'), expr(), facts, { now: NOW });
    expect(results).toHaveLength(1000);
    expect(results.every((r, i) => r.ok && r.value === Math.floor(i * 5))).toBe(true);
    expect(sandbox.stats().evaluations).toBe(1000);
    sandbox.dispose();
  });

  it('keeps per-item errors as data', () => {
    const sandbox = createSandbox();
    const results = sandbox.runBatch(body('if (f.bad) throw new Error("no"); return f.n;'), expr(), [{ n: 1 }, { bad: true }, { n: 3 }], { now: NOW });
    expect(results).toMatchObject([{ ok: true, value: 1 }, { ok: false, error: { code: 'RULE_RUNTIME', message: 'Error: no' } }, { ok: true, value: 3 }]);
    sandbox.dispose();
  });

  it('an item that loops forever times out alone; the others keep their results', () => {
    const sandbox = createSandbox({ timeoutMs: 30 });
    const results = sandbox.runBatch(body('if (f.loop) while (true) {} return f.n;'), expr(), [{ n: 1 }, { loop: true }, { n: 3 }], { now: NOW });
    expect(results).toMatchObject([{ ok: true, value: 1 }, { ok: false, error: { code: 'RULE_TIMEOUT' } }, { ok: true, value: 3 }]);
    sandbox.dispose();
  });

  it('a memory bomb in one item fails that item; the isolate is replaced', () => {
    const sandbox = createSandbox({ poolSize: 1, memoryMb: 16, timeoutMs: 10_000 });
    const results = sandbox.runBatch(body(`if (f.bomb) { ${MEMORY_BOMB} } return f.n;`), expr(), [{ n: 1 }, { bomb: true }, { n: 3 }], { now: NOW });
    expect(results).toMatchObject([{ ok: true, value: 1 }, { ok: false, error: { code: 'RULE_MEMORY_LIMIT' } }, { ok: true, value: 3 }]);
    expect(sandbox.stats().recycled).toBeGreaterThanOrEqual(1);
    sandbox.dispose();
  });

  it('a microtask loop after the batch is blamed on its item, not on the first', () => {
    const sandbox = createSandbox({ timeoutMs: 30 });
    const src = 'if (f.trick) Promise.resolve().then(() => { while (true) {} }); return f.n;';
    const results = sandbox.runBatch(body(src), expr(), [{ n: 1 }, { n: 2, trick: true }, { n: 3 }], { now: NOW });
    expect(results).toMatchObject([{ ok: true, value: 1 }, { ok: false, error: { code: 'RULE_TIMEOUT' } }, { ok: true, value: 3 }]);
    sandbox.dispose();
  });
});
