import { describe, expect, it } from 'vitest';
import { DATE_RANGE_PRESETS, ReportError, resolveParams, type ReportDefinition } from '../src/index.js';

const def = (extra: Partial<ReportDefinition> = {}): ReportDefinition => ({
  key: 'p', name: 'p', dataset: { form: 'orders' }, dimensions: [], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'kpi' },
  params: [
    { key: 'range', label: 'range', type: 'date_range' },
    { key: 'ch', label: 'ch', type: 'select', options: [{ value: 'douyin', label: '抖音' }, { value: 'channels', label: '视频号' }] },
    { key: 'mode', label: 'mode', type: 'choice', options: [{ value: 'net', label: 'net' }, { value: 'gross', label: 'gross' }], default: 'net' },
    { key: 'q', label: 'q', type: 'text' },
    { key: 'min', label: 'min', type: 'number' },
    { key: 'who', label: 'who', type: 'relation', form: 'customers' },
  ],
  ...extra,
});
// 2024-05-20 01:30 in Shanghai, still 2024-05-19 in UTC and New York.
const NOW = '2024-05-19T17:30:00Z';
const days = (raw: unknown, tz?: string) => {
  const p = resolveParams(def(tz ? { timeZone: tz } : {}), { range: raw }, NOW).range;
  return p && p.type === 'date_range' && p.range ? `${p.range.fromDate}..${p.range.toDate}` : 'all';
};
const error = (raw: Record<string, unknown>, d = def()) => {
  try {
    resolveParams(d, raw, NOW);
  } catch (e) {
    if (e instanceof ReportError) return { code: e.code, path: e.path };
    throw e;
  }
  return undefined;
};

describe('resolveParams: date_range presets in the report time zone', () => {
  it('resolves every preset against now in Asia/Shanghai (half-open days)', () => {
    expect(Object.fromEntries(DATE_RANGE_PRESETS.map((p) => [p, days(p)]))).toEqual({
      today: '2024-05-20..2024-05-21',
      last_7_days: '2024-05-14..2024-05-21',
      last_30_days: '2024-04-21..2024-05-21',
      last_90_days: '2024-02-21..2024-05-21',
      this_month: '2024-05-01..2024-06-01',
      last_month: '2024-04-01..2024-05-01',
      this_quarter: '2024-04-01..2024-07-01',
      this_year: '2024-01-01..2025-01-01',
      all: 'all',
    });
  });
  it('uses the report time zone: the same instant is the 19th in New York', () => {
    expect(days('today', 'America/New_York')).toBe('2024-05-19..2024-05-20');
    expect(days('today', 'UTC')).toBe('2024-05-19..2024-05-20');
  });
  it('gives the instants of local midnights', () => {
    const p = resolveParams(def(), { range: 'today' }, NOW).range;
    expect(p).toEqual({ type: 'date_range', raw: 'today', range: { from: '2024-05-19T16:00:00.000Z', to: '2024-05-20T16:00:00.000Z', fromDate: '2024-05-20', toDate: '2024-05-21', days: 1 } });
    const ny = resolveParams(def({ timeZone: 'America/New_York' }), { range: '2024-03-10..2024-03-10' }, NOW).range;
    // DST starts that day in New York: 23 hours.
    expect(ny).toMatchObject({ range: { from: '2024-03-10T05:00:00.000Z', to: '2024-03-11T04:00:00.000Z', days: 1 } });
  });
  it('accepts inclusive YYYY-MM-DD..YYYY-MM-DD', () => {
    expect(days('2024-02-01..2024-02-29')).toBe('2024-02-01..2024-03-01');
    expect(days(' 2024-12-31..2024-12-31 ')).toBe('2024-12-31..2025-01-01');
  });
  it('refuses malformed ranges', () => {
    for (const bad of ['2024-02-30..2024-03-01', '2024-03-01..2024-02-01', 'yesterday', '2024-01-01', 5, "2024-01-01..2024-01-02' or 1=1"]) {
      expect(error({ range: bad })).toEqual({ code: 'REPORT_PARAM_INVALID', path: '/params/range' });
    }
  });
});

describe('resolveParams: other types', () => {
  it('resolves values and defaults, ignores unknown keys, leaves out params without a value', () => {
    expect(resolveParams(def(), { ch: 'douyin', q: 'abc', min: '12.5', who: '42', unknown: 'x' }, NOW)).toEqual({
      ch: { type: 'select', value: 'douyin' },
      mode: { type: 'choice', value: 'net' },
      q: { type: 'text', value: 'abc' },
      min: { type: 'number', value: 12.5 },
      who: { type: 'relation', value: 42 },
    });
  });
  it('select and choice take one of the options', () => {
    expect(error({ ch: 'tiktok' })).toEqual({ code: 'REPORT_PARAM_INVALID', path: '/params/ch' });
    expect(error({ mode: 'both' })).toEqual({ code: 'REPORT_PARAM_INVALID', path: '/params/mode' });
  });
  it('number is finite, relation a positive integer, text ≤ 200 characters', () => {
    expect(error({ min: 'NaN' })).toMatchObject({ path: '/params/min' });
    expect(error({ min: Infinity })).toMatchObject({ path: '/params/min' });
    expect(error({ who: '0' })).toMatchObject({ path: '/params/who' });
    expect(error({ who: 1.5 })).toMatchObject({ path: '/params/who' });
    expect(error({ q: 'x'.repeat(201) })).toMatchObject({ path: '/params/q' });
    expect(error({ q: 'x'.repeat(200) })).toBeUndefined();
  });
  it('required params need a value or a default', () => {
    const d = def({ params: [{ key: 'who', label: 'who', type: 'relation', required: true }] });
    expect(error({}, d)).toEqual({ code: 'REPORT_PARAM_INVALID', path: '/params/who' });
    expect(error({ who: '' }, d)).toEqual({ code: 'REPORT_PARAM_INVALID', path: '/params/who' });
  });
  it('errors carry both languages', () => {
    try {
      resolveParams(def(), { ch: 'tiktok' }, NOW);
    } catch (e) {
      const err = e as ReportError;
      expect(err.messages['zh-CN']).toContain('tiktok');
      expect(err.messages.en).toContain('tiktok');
      expect(err.localized('en').message).toBe(err.messages.en);
    }
  });
});
