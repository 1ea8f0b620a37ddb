import { describe, expect, it } from 'vitest';
import { MAPPING_FUNCTIONS, byteLength, evaluateMapping, netPrice, parseJsonLossless, truncateBytes } from '../src/index.js';

const now = new Date('2024-05-01T16:30:00.000Z'); // 2024-05-02 00:30 in Shanghai

const ok = async (expr: string, scope: unknown = {}) => {
  const r = await evaluateMapping(expr, scope, now);
  if (!r.ok) throw new Error(`${expr}: ${r.error.message}`);
  return r.value;
};

describe('money helpers', () => {
  it('converts fen and yuan', async () => {
    expect(await ok('$yuan(1990)')).toBe(19.9);
    expect(await ok('$fen(19.99)')).toBe(1999);
    expect(await ok('$fen(0.29)')).toBe(29);
    expect(await ok('$yuan(x)', {})).toBeUndefined();
  });
  it('computes Kingdee net prices to 6 decimals', async () => {
    expect(netPrice(500, 13)).toBe(442.477876);
    expect(await ok('$netPrice($yuan(50000), 13)')).toBe(442.477876);
    expect(netPrice(100, 0)).toBe(100);
    expect(netPrice(1, 6)).toBe(0.943396);
  });
});

describe('truncateBytes', () => {
  it('keeps text that fits and counts UTF-8 bytes', () => {
    expect(truncateBytes('hello', 5)).toBe('hello');
    expect(byteLength('中文')).toBe(6);
    expect(byteLength('😀')).toBe(4);
    expect(byteLength('é')).toBe(2);
  });
  it('cuts Chinese text at a character boundary with an ellipsis', () => {
    const s = '直播间订单同步'; // 7 × 3 = 21 bytes
    const cut = truncateBytes(s, 10); // 10 − 3 (…) = 7 → two characters
    expect(cut).toBe('直播…');
    expect(byteLength(cut)).toBeLessThanOrEqual(10);
    expect(truncateBytes(s, 11)).toBe('直播…');
    expect(truncateBytes(s, 12)).toBe('直播间…');
  });
  it('never splits an emoji (surrogate pair) at the boundary', () => {
    const s = 'ab😀cd'; // 1+1+4+1+1 = 8 bytes
    expect(truncateBytes(s, 7)).toBe('ab…'); // 7 − 3 = 4: "ab" + 4-byte emoji would be 6
    expect(truncateBytes(s, 9)).toBe(s);
    const t = '😀😀😀';
    for (let max = 0; max <= 12; max++) {
      const cut = truncateBytes(t, max);
      expect(byteLength(cut)).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(truncateBytes(t, 7)).toBe('😀…');
  });
  it('stays within WeCom limits for long mixed text', async () => {
    const long = '订单😀'.repeat(1000);
    const cut = (await ok('$truncateBytes(s, 2048)', { s: long })) as string;
    expect(byteLength(cut)).toBeLessThanOrEqual(2048);
    expect(byteLength(cut)).toBeGreaterThan(2048 - 10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('parseJsonLossless', () => {
  it('keeps the Douyin p_id exact', () => {
    const data = '{"p_id":4837328765348566675,"pay_amount":1990,"order_status":2}';
    expect(JSON.parse(data).p_id).not.toBe(4837328765348566675n.toString()); // plain JSON loses it
    expect(parseJsonLossless(data)).toEqual({ p_id: '4837328765348566675', pay_amount: 1990, order_status: 2 });
  });
  it('keeps safe numbers as numbers and floats as floats', () => {
    expect(parseJsonLossless('[9007199254740991, 9007199254740993, -9007199254740993, 1.5, 2e3]')).toEqual([9007199254740991, '9007199254740993', '-9007199254740993', 1.5, 2000]);
  });
  it('is $parseJson in expressions, passing non-strings through', async () => {
    expect(await ok('$parseJson(d).p_id', { d: '{"p_id":4837328765348566675}' })).toBe('4837328765348566675');
    expect(await ok('$parseJson(d).a', { d: { a: 1 } })).toBe(1);
    const bad = await evaluateMapping('$parseJson("{oops")', {}, now);
    expect(bad.ok).toBe(false);
  });
});

describe('clock and dates', () => {
  it('$now() and $millis() are the given clock', async () => {
    expect(await ok('$now()')).toBe('2024-05-01T16:30:00.000Z');
    expect(await ok('$millis()')).toBe(now.getTime());
    const other = await evaluateMapping('$now()', {}, new Date('2030-01-01T00:00:00Z'));
    expect(other).toEqual({ ok: true, value: '2030-01-01T00:00:00.000Z' });
    expect(await ok('$now("[Y0001]-[M01]-[D01] [H01]:[m01]", "+0800")')).toBe('2024-05-02 00:30');
  });
  it('$date() defaults to Asia/Shanghai', async () => {
    expect(await ok('$date($now())')).toBe('2024-05-02');
    expect(await ok('$date($now(), "UTC")')).toBe('2024-05-01');
    expect(await ok('$date("2024-12-31T23:59:59+08:00")')).toBe('2024-12-31');
    expect((await evaluateMapping('$date("not a date")', {}, now)).ok).toBe(false);
    expect((await evaluateMapping('$date($now(), "Mars/Base")', {}, now)).ok).toBe(false);
  });
  it('$unixSeconds() defaults to now', async () => {
    expect(await ok('$unixSeconds()')).toBe(Math.floor(now.getTime() / 1000));
    expect(await ok('$unixSeconds("1970-01-01T00:01:40Z")')).toBe(100);
  });
});

describe('MAPPING_FUNCTIONS', () => {
  it('documents every helper in both languages, and each is callable', async () => {
    expect(MAPPING_FUNCTIONS.map((f) => f.name).sort()).toEqual(['byteLength', 'date', 'fen', 'netPrice', 'parseJson', 'truncateBytes', 'unixSeconds', 'yuan']);
    for (const f of MAPPING_FUNCTIONS) {
      expect(f.doc['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(f.doc.en).toMatch(/[a-z]/);
      expect(f.signature.startsWith(`$${f.name}(`)).toBe(true);
      expect(await ok(`$type($${f.name})`)).toBe('function');
    }
  });
});

describe('evaluateMapping', () => {
  it('returns plain arrays for sequences and single values unwrapped', async () => {
    const v = await ok('lines.qty', { lines: [{ qty: 1 }, { qty: 2 }] });
    expect(v).toEqual([1, 2]);
    expect(Object.getPrototypeOf(v)).toBe(Array.prototype);
    expect((v as unknown as { sequence?: boolean }).sequence).toBeUndefined();
    expect(await ok('lines.qty', { lines: [{ qty: 1 }] })).toBe(1);
  });
  it('handles undefined input', async () => {
    expect(await evaluateMapping('a.b', undefined, now)).toEqual({ ok: true, value: undefined });
  });
  it('reports syntax errors with a position and never throws', async () => {
    const r = await evaluateMapping('{"a": ', {}, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.position).toBeTypeOf('number');
    const t = await evaluateMapping('$nope(1)', {}, now);
    expect(t.ok).toBe(false);
  });
  it('stops a runaway expression by its step budget', { timeout: 20_000 }, async () => {
    const r = await evaluateMapping('$count([1..3000000].($ + 1))', {}, now);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('evaluation steps') } });
    // The budget is per evaluation: a normal mapping right after still works.
    expect(await ok('$count([1..1000].{"a": $, "b": $ * 2})')).toBe(1000);
  });
});
