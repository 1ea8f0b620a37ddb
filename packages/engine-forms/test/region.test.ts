import { describe, expect, it } from 'vitest';
import { isRegionCode, regionByCode, regionChildren, regionName, regionProvinces } from '../src/index.js';

describe('region helpers', () => {
  it('lists 31+ mainland provinces with 6-digit codes', () => {
    const ps = regionProvinces();
    expect(ps.length).toBeGreaterThanOrEqual(31);
    expect(ps[0]).toEqual({ code: '110000', name: '北京市', level: 'province' });
    expect(ps.every((p) => /^\d{2}0000$/.test(p.code))).toBe(true);
    expect(ps.find((p) => p.code === '440000')?.name).toBe('广东省');
  });
  it('walks children', () => {
    const cities = regionChildren('440000');
    expect(cities.find((c) => c.code === '440300')).toEqual({ code: '440300', name: '深圳市', level: 'city' });
    expect(regionChildren('440300').map((d) => d.name)).toContain('南山区');
    expect(regionChildren('440305')).toEqual([]);
    expect(regionChildren('999999')).toEqual([]);
    expect(regionChildren('441900')).toEqual([]);
  });
  it('names the full path', () => {
    expect(regionName('440305')).toBe('广东省 深圳市 南山区');
    expect(regionName('440300')).toBe('广东省 深圳市');
    expect(regionName('440000')).toBe('广东省');
    expect(regionName('110101')).toBe('北京市 东城区');
    expect(regionName('000000')).toBe('');
    expect(regionByCode('440305')).toEqual({ code: '440305', name: '南山区', level: 'district' });
  });
  it('checks codes at a level', () => {
    expect(isRegionCode('440000', 'province')).toBe(true);
    expect(isRegionCode('440300', 'city')).toBe(true);
    expect(isRegionCode('440305', 'district')).toBe(true);
    expect(isRegionCode('440300', 'province')).toBe(false);
    expect(isRegionCode('440000', 'city')).toBe(false);
    expect(isRegionCode('440300', 'district')).toBe(false);
    expect(isRegionCode('440305', 'city')).toBe(false);
    expect(isRegionCode('441900', 'district')).toBe(true); // 东莞: a city without districts
    expect(isRegionCode('441900', 'city')).toBe(true);
    expect(isRegionCode('440399', 'district')).toBe(false);
    expect(isRegionCode('44030', 'district')).toBe(false);
    expect(isRegionCode(440305, 'district')).toBe(false);
  });
});
