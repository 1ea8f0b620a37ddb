import { describe, expect, it } from 'vitest';
import { drillTarget } from '../src/drill-target';
import { byCampaign, byChannelMonth } from './fixtures';

describe('drillTarget', () => {
  it('returns the key of the clicked group, not its label', () => {
    expect(drillTarget(byCampaign, { dataIndex: 1, name: 'Summer', componentType: 'series' })).toEqual({ dimension: 'campaign', value: 12, label: 'Summer' });
  });
  it('finds the group by name when the index does not match (a re-sorted funnel)', () => {
    expect(drillTarget(byCampaign, { dataIndex: 0, name: 'Summer' })?.value).toBe(12);
  });
  it('indexes the distinct values of the first dimension when a second one splits the series', () => {
    // Categories: 2026-02 (rows 0), 2026-01 (rows 1, 2).
    expect(drillTarget(byChannelMonth, { dataIndex: 1, name: '2026-01' })).toEqual({ dimension: 'month', value: '2026-01-01', label: '2026-01' });
  });
  it('drills into the empty group but never into "others"', () => {
    expect(drillTarget(byCampaign, { dataIndex: 2, name: '(空)' })?.value).toBeNull();
    expect(drillTarget(byCampaign, { dataIndex: 3, name: '其他' })).toBeUndefined();
  });
  it('ignores clicks on nothing', () => {
    expect(drillTarget(byCampaign, { dataIndex: 9 })).toBeUndefined();
    expect(drillTarget({ ...byCampaign, columns: byCampaign.columns.filter((c) => c.role !== 'dimension') }, { dataIndex: 0 })).toBeUndefined();
  });
});
