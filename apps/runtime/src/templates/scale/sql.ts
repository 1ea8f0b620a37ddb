/**
 * SQL text builders for the scale generator. Every value is a deterministic function of a row
 * number `g` (and a salt), computed server-side: `u(g, salt)` is a uniform number in [0, 1)
 * taken from `hashint8extended`, the same on PostgreSQL and PGlite. Nothing here takes user
 * input: identifiers come from the storage registry (checked by `safeName`), literals are the
 * generator's own constants.
 */
import { regionChildren } from '@kiln/engine-forms';
import { safeName } from '../../records/columns.js';

/** A uniform pseudo-random float8 in [0, 1) from an integer SQL expression and a salt. */
export const u = (x: string, salt: number): string =>
  `(((hashint8extended((${x})::bigint, ${salt}) >> 11) & 9007199254740991)::float8 / 9007199254740992.0)`;

/** A pseudo-random integer in 1..n (n a number or an SQL expression ≥ 1). */
export const oneTo = (n: number | string, x: string, salt: number): string => `(1 + floor(${u(x, salt)} * (${n}))::bigint)`;

/** A quoted SQL string literal of one of the generator's constants. */
/** `generate_series(a, b) <alias>` over bigints. */
export const series = (a: number, b: number, alias: string): string => `generate_series(${a}::bigint, ${b}::bigint) ${alias}`;

export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A constant text[] (folded once at plan time). */
export const arr = (xs: readonly string[]): string => `(ARRAY[${xs.map(lit).join(',')}]::text[])`;

/** One element of a constant list, picked by a uniform [0,1) SQL expression. */
export const pick = (xs: readonly string[], uniform: string): string => `${arr(xs)}[1 + floor(${uniform} * ${xs.length})::int]`;

/** One element of a constant list by a 1-based integer SQL expression (cycling). */
export const cycle = (xs: readonly string[], n: string): string => `${arr(xs)}[1 + ((${n}) - 1) % ${xs.length}]`;

/** Zero-padded text of an integer expression that never truncates (lpad would). */
export const pad = (x: string, digits: number): string => `(case when length((${x})::text) >= ${digits} then (${x})::text else lpad((${x})::text, ${digits}, '0') end)`;

/** timestamptz from epoch seconds. */
export const at = (epochSeconds: string): string => `to_timestamp(${epochSeconds})`;

/** A double-quoted identifier Kiln generated. */
export const ident = (name: string): string => `"${safeName(name)}"`;

/** Money in fen: bigint. */
export const fen = (x: string): string => `(${x})::bigint`;

export const DAY = 86_400;

/** The generator's 6-char short code alphabet (the one records/service.ts draws from). */
export const SHORTCODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A 6-character short code, a bijection of n (< 2^30) for a given odd multiplier: the
 * 30-bit value (n × mult + add) mod 2^30 written as six base-32 digits.
 */
export function shortCode(n: string, mult = 747_796_405, add = 289_133_645): string {
  const v = `(((${n})::bigint * ${mult} + ${add}) & 1073741823)`;
  return Array.from({ length: 6 }, (_, i) => `substr(${lit(SHORTCODE_ALPHABET)}, 1 + ((${v} >> ${25 - 5 * i}) & 31)::int, 1)`).join(' || ');
}

/** Mainland mobile number with a 3-digit prefix, a bijection of n < 10^8. */
export const phone = (prefix: string, n: string, salt = 0): string => `(${lit(prefix)} || lpad((((${n})::bigint * 7919 + ${salt}) % 100000000)::text, 8, '0'))`;

/** Common Chinese surnames and given names, for realistic (but made-up) customer names. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '婷', '浩', '宇', '欣', '晨', '一鸣', '子涵', '思远', '雨桐', '梓轩', '佳怡', '俊杰', '晓燕', '建华'];

/** A name from two or three hashes of n. */
export const personName = (n: string, salt: number): string =>
  `(${pick(SURNAMES, u(n, salt))} || ${pick(GIVEN, u(n, salt + 1))} || case when ${u(n, salt + 2)} < 0.35 then ${pick(GIVEN, u(n, salt + 3))} else '' end)`;

/**
 * City-level region codes (the template's region fields are `level: city`) over ten provinces,
 * weighted roughly by online-retail population: each province appears `weight` times spread over
 * its cities, and its first cities (the capital and the big ones come first in GB/T 2260 order
 * more often than not) twice more.
 */
export const CITY_CODES: readonly string[] = (() => {
  const provinces: Array<[string, number]> = [['440000', 6], ['330000', 5], ['320000', 5], ['310000', 4], ['110000', 4], ['370000', 3], ['510000', 3], ['420000', 2], ['350000', 2], ['410000', 2]];
  const out: string[] = [];
  for (const [code, weight] of provinces) {
    const cities = regionChildren(code).map((r) => r.code);
    if (!cities.length) continue;
    for (let w = 0; w < weight; w++) out.push(...cities.slice(0, Math.max(2, Math.ceil(cities.length / 2))));
    out.push(...cities);
  }
  return out;
})();

/** A city code; an int[] (fixed width) so picking is O(1), unlike a text[]. */
export const region = (n: string, salt: number): string => `(ARRAY[${CITY_CODES.join(',')}]::int[])[1 + floor(${u(n, salt)} * ${CITY_CODES.length})::int]::text`;

/**
 * A lookup table computed once in the database and inlined as constants: a jsonb array (element
 * access is O(1)) and bigint[] columns, indexed from 0 by `k`. Replaces per-row jsonb building,
 * which dominates the cost of generating order lines.
 */
export interface Lookup {
  /** `(jsonb -> k)` */
  json(k: string): string;
  /** `bigint[k]` of a named column */
  num(col: string, k: string): string;
}

export function lookup(row: Record<string, string>): Lookup {
  const json = `${lit(row.json!)}::jsonb`;
  return {
    json: (k) => `(${json} -> (${k})::int)`,
    num: (col, k) => `(${lit(row[col]!)}::bigint[])[(${k}) + 1]`,
  };
}
