import { afterAll, describe, expect, it } from 'vitest';
import { HELPERS } from '../src/helpers.js';
import { createSandbox } from '../src/sandbox/index.js';
import { NOW, expr, returns } from './escape/programs.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

async function value(expression: string, facts: unknown = {}, timeZone?: string): Promise<unknown> {
  const r = await sandbox.run(returns(expression), expr(), facts, { now: NOW, ...(timeZone ? { timeZone } : {}) });
  if (!r.ok) throw new Error(`${expression}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('helper catalog', () => {
  it.each(HELPERS.map((h) => h.name))('%s exists and is a function', async (name) => {
    expect(await value(`typeof ${name}`)).toBe('function');
  });

  it('every catalog example evaluates', async () => {
    const facts = { record: { customer: 1, lines: [{ qty: 2, unit_price: 150 }] }, item: { sku: 'a' } };
    for (const h of HELPERS.filter((x) => x.example && !x.name.startsWith('db.'))) {
      const code = h.example!.split('//')[0].trim();
      await expect(value(`(function (record) { return ${code} })(f.record)`, facts), h.name).resolves.toBeDefined();
    }
  });
});

const CASES: Array<[string, unknown]> = [
  // money — the domain examples (¥19.99 × 5% → 99 fen; ¥200 × 10% → 2000; pro-rata refunds)
  ['money.pct(1999, 5)', 99],
  ['money.pct(20000, 10)', 2000],
  ['money.share(2000, 3000, 20000)', 300],
  ['money.share(1000, 3000, 20000)', 150],
  ['money.pct(1999, 5.5)', 109],
  ['money.pct(100, 33.3333)', 33],
  ['money.pct(1e13, 12.3456)', 1234560000000],
  ['money.pct(-1999, 5)', -100],
  ['money.pct(0, 5)', 0],
  ['money.mul(2000, 1.5)', 3000],
  ['money.mul(1999, 0.07)', 139],
  ['money.mul(3, 0.1)', 0],
  ['money.share(-2000, 3000, 20000)', -300],
  ['money.share(100, 1, 3)', 33],
  ['money.share(-100, 1, 3)', -33],
  ['money.share(9007199254740991, 2, 3)', 6004799503160660],
  ['money.fromYuan(19.99)', 1999],
  ['money.fromYuan(1.005)', 101],
  ['money.fromYuan(-0.015)', -2],
  ['money.format(1999)', '¥19.99'],
  ['money.format(5)', '¥0.05'],
  ['money.format(-123456789)', '-¥1,234,567.89'],
  ['money.sum([100, 250, null])', 350],
  ['money.sum([{ qty: 2, unit_price: 150 }, { qty: 1, unit_price: 99 }], (l) => l.qty * l.unit_price)', 399],
  // numbers
  ['num.floor(-1.5)', -2],
  ['num.ceil(1.2)', 2],
  ['num.round(1.005, 2)', 1.01],
  ['num.round(2.5)', 3],
  ['num.round(-2.5)', -3],
  ['num.round(1234, -2)', 1200],
  ['num.clamp(15, 0, 10)', 10],
  ['num.clamp(-1, 0, 10)', 0],
  ['num.min(3, 1, 2)', 1],
  ['num.max(3, 1, 2)', 3],
  ['num.max([4, 9])', 9],
  ['num.abs(-4)', 4],
  // strings
  ["str.lower('AbC')", 'abc'],
  ["str.upper('AbC')", 'ABC'],
  ["str.trim('  a ')", 'a'],
  ["str.len('推荐😀')", 3],
  ['str.len(null)', 0],
  ["str.contains('referral', 'fer')", true],
  ["str.startsWith('VIP-1', 'VIP')", true],
  ["str.pad(7, 3, '0')", '007'],
  ["str.concat('a', null, 1, undefined, 'b')", 'a1b'],
  // lists
  ['list.sum([1, 2, 3])', 6],
  ['list.sum([{ n: 1 }, { n: 2 }], (x) => x.n)', 3],
  ['list.count([1, 2, 3])', 3],
  ['list.count([1, 2, 3], (x) => x > 1)', 2],
  ['list.map([1, 2], (x, i) => x * 10 + i)', [10, 21]],
  ['list.filter([1, 2, 3], (x) => x % 2)', [1, 3]],
  ['list.find([1, 2, 3], (x) => x > 1)', 2],
  ['list.find([1], (x) => x > 1)', null],
  ['list.includes([1, 2], 2)', true],
  ['list.unique([1, 1, 2, 1])', [1, 2]],
  ['list.first([])', null],
  ['list.first([4, 5])', 4],
  ['list.last([4, 5])', 5],
  ['list.range(3)', [0, 1, 2]],
  ['list.sum(null)', 0],
  // dates (run clock 2001-02-03T04:05:06.789Z, zone Asia/Shanghai = UTC+8)
  ['now()', NOW],
  ['today()', '2001-02-03'],
  ["date.addDays('2001-02-03T04:05:06.789Z', 7)", '2001-02-10T04:05:06.789Z'],
  ["date.addDays('2024-02-28', 1)", '2024-02-28T16:00:00.000Z'],
  ["date.addHours(now(), 20)", '2001-02-04T00:05:06.789Z'],
  ["date.diffDays('2024-05-01T00:00:00Z', '2024-05-03T12:00:00Z')", 2],
  ["date.diffDays('2024-05-03T00:00:00Z', '2024-05-01T12:00:00Z')", -2],
  ["date.day('2024-04-30T16:00:00Z')", '2024-05-01'],
  ["date.day('2024-04-30T15:59:59Z')", '2024-04-30'],
  ["date.startOfDay('2024-05-01T03:00:00Z')", '2024-04-30T16:00:00.000Z'],
  ["date.day('2024-05-01T07:30')", '2024-05-01'],
  ["date.isBefore('2024-05-01', '2024-05-02')", true],
  ["date.isAfter('2024-05-01', '2024-05-02')", false],
  // effects
  ["ref('customer')", { $ref: 'customer' }],
];

describe('helper behaviour', () => {
  it.each(CASES)('%s → %j', async (expression, expected) => {
    expect(await value(expression)).toEqual(expected);
  });

  it('date helpers follow the run time zone', async () => {
    expect(await value('[today(), date.startOfDay(now())]', {}, 'UTC')).toEqual(['2001-02-03', '2001-02-03T00:00:00.000Z']);
    expect(await value("date.day('2024-04-30T23:30:00Z')", {}, 'America/New_York')).toBe('2024-04-30');
    // DST: New York midnight of 2024-03-10 is at 05:00Z; the next day starts at 04:00Z
    expect(await value("[date.startOfDay('2024-03-10T12:00:00Z'), date.addDays('2024-03-10T05:00:00Z', 1)]", {}, 'America/New_York'))
      .toEqual(['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z']);
  });

  it('wrong argument types are runtime errors naming the helper', async () => {
    const r = await sandbox.run(returns("money.pct('12', 5)"), expr(), {}, { now: NOW });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('money.pct') } });
    const z = await sandbox.run(returns('money.share(1, 1, 0)'), expr(), {}, { now: NOW });
    expect(z).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('whole') } });
  });
});
