import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from '../src/index.js';

describe('parseYuan', () => {
  const ok: Array<[string, number]> = [
    ['19.99', 1999], ['0.1', 10], ['0.01', 1], ['1', 100], ['1.', 100], ['.5', 50], ['1,234.50', 123450],
    ['¥8', 800], ['￥ 8.8', 880], [' 12 ', 1200], ['-3.10', -310], ['-¥0.42', -42], ['¥-1', -100], ['+2', 200], ['0', 0], ['-0', 0],
    ['1.10', 110], ['4.35', 435], ['1.13', 113], ['90071992547409.91', 9007199254740991],
  ];
  for (const [input, fen] of ok) it(`"${input}" → ${fen}`, () => expect(parseYuan(input)).toBe(fen));

  const bad = ['', ' ', '.', 'abc', '1.005', '1.234', '1,23', '12,34.5', '1e3', '--1', '1.2.3', 'NaN', '90071992547409.92', '１２'];
  for (const input of bad) it(`"${input}" → null`, () => expect(parseYuan(input)).toBeNull());

  it('is exact where float multiplication is not', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(parseYuan('4.35')).toBe(435);
    for (let fen = 0; fen < 100000; fen += 7) expect(parseYuan((fen / 100).toFixed(2))).toBe(fen);
  });
});

describe('formatFen', () => {
  it('formats yuan with separators', () => {
    expect(formatFen(123450, 'zh-CN')).toBe('¥1,234.50');
    expect(formatFen(123450, 'en')).toBe('¥1,234.50');
    expect(formatFen(0, 'zh-CN')).toBe('¥0.00');
    expect(formatFen(5, 'zh-CN')).toBe('¥0.05');
    expect(formatFen(-199, 'zh-CN')).toBe('-¥1.99');
    expect(formatFen(100000000, 'zh-CN')).toBe('¥1,000,000.00');
    expect(formatFen(9007199254740991, 'zh-CN')).toBe('¥90,071,992,547,409.91');
  });
  it('round-trips with parseYuan', () => {
    for (const fen of [0, 1, 99, 100, 123456789, -42]) expect(parseYuan(formatFen(fen, 'zh-CN'))).toBe(fen);
  });
});
