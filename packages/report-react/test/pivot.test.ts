import { describe, expect, it } from 'vitest';
import { buildPivot } from '../src/pivot';
import { levelCounts } from '../src/levels';
import { byChannelMonth } from './fixtures';

describe('buildPivot', () => {
  const visual = { type: 'pivot', pivot: { rows: ['channel'], columns: ['month'] } } as const;

  it('crosses row and column dimensions, columns sorted by value', () => {
    const p = buildPivot(byChannelMonth, visual);
    expect(p.rowKeys.map((k) => k.labels)).toEqual([['douyin'], ['wechat']]);
    expect(p.colKeys.map((k) => k.labels)).toEqual([['2026-01'], ['2026-02']]);
    const [douyin, wechat] = p.rowKeys;
    const [jan, feb] = p.colKeys;
    expect(p.cell(douyin.id, feb.id, 'gmv')).toBe(200000);
    expect(p.cell(wechat.id, feb.id, 'gmv')).toBeUndefined();
    expect(p.rowTotal(douyin.id, 'gmv')).toBe(300000);
    expect(p.colTotal(jan.id, 'gmv')).toBe(170000);
    expect(p.grandTotal('gmv')).toBe(370000);
  });

  it('totals only measures that add up when the definition says how they aggregate', () => {
    const measures = [
      { id: 'gmv', agg: 'sum', field: 'total' },
      { id: 'aov', agg: 'ratio', num: 'gmv', den: 'n' },
    ] as const;
    const p = buildPivot(byChannelMonth, visual, measures);
    expect(p.grandTotal('gmv')).toBe(370000);
    expect(p.grandTotal('aov')).toBeUndefined();
    // One contributing cell is its own total.
    expect(p.rowTotal(p.rowKeys[1].id, 'aov')).toBe(3500);
  });

  it('puts the first dimension on rows and the rest on columns without a pivot spec', () => {
    const p = buildPivot(byChannelMonth, { type: 'pivot' });
    expect(p.rowDims.map((d) => d.key)).toEqual(['month']);
    expect(p.colDims.map((d) => d.key)).toEqual(['channel']);
  });
});

describe('levelCounts', () => {
  it('counts nodes per level below the root, preferring the server\'s levels', () => {
    const rows = [{ depth: 0 }, { depth: 1 }, { depth: 1 }, { depth: 2 }];
    expect(levelCounts({ columns: [], rows, chart: {} })).toEqual([{ depth: 1, count: 2 }, { depth: 2, count: 1 }]);
    expect(levelCounts({ columns: [], rows, chart: {}, levels: [{ depth: 0, count: 1 }, { depth: 1, count: 7 }] })).toEqual([{ depth: 1, count: 7 }]);
  });
});
