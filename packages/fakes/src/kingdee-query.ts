/**
 * ExecuteBillQuery over the Kingdee fake's sales orders: `FieldKeys` (header and entry fields),
 * a `FilterString` in K3's SQL-like syntax (`=, <>, !=, <, <=, >, >=, like, in (…), is [not]
 * null`, `and`, `or`, parentheses), `OrderString`, `StartRow`, `TopRowCount` and `Limit`.
 * Answers rows as arrays in FieldKeys order; an entry field gives one row per entry line.
 * @internal
 */
import type { KingdeeOrder } from './types.js';
import { fnumber, k3Result } from './kingdee-orders.js';
import { isObject } from './json.js';

type Value = string | number | boolean | null;
type Row = { order: KingdeeOrder; entry: Record<string, unknown> | null };

const HEADER: Record<string, (o: KingdeeOrder) => Value> = {
  fid: (o) => o.id,
  fbillno: (o) => o.number,
  fdocumentstatus: (o) => o.status,
  fdate: (o) => str(o.model.FDate),
  'fcustid.fnumber': (o) => fnumber(o.model.FCustId) ?? null,
  'fsaleorgid.fnumber': (o) => fnumber(o.model.FSaleOrgId) ?? null,
  'fsalerid.fnumber': (o) => fnumber(o.model.FSalerId) ?? null,
  'fbilltypeid.fnumber': (o) => fnumber(o.model.FBillTypeID) ?? null,
};
const ENTRY: Record<string, (e: Record<string, unknown>) => Value> = {
  'fmaterialid.fnumber': (e) => fnumber(e.FMaterialId) ?? null,
  fqty: (e) => num(e.FQty),
  fprice: (e) => num(e.FPrice),
  ftaxprice: (e) => num(e.FTaxPrice),
  fentrytaxrate: (e) => num(e.FEntryTaxRate),
  fsaleorderentry_fentryid: (e) => num(e.FEntryID),
};

function str(v: unknown): Value {
  return typeof v === 'string' ? v : v === undefined ? null : String(v);
}
function num(v: unknown): Value {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** A query error (wrapped as K3 wraps it: `[[{"Result":…}]]`). */
export function queryError(message: string): unknown[] {
  return [[k3Result([], [{ FieldName: null, Message: message, DIndex: 0 }])]];
}

/** Runs one ExecuteBillQuery. */
export function executeBillQuery(orders: Iterable<KingdeeOrder>, q: Record<string, unknown>): unknown[] {
  const formId = q.FormId ?? q.formid ?? q.FormID;
  if (formId !== 'SAL_SaleOrder') return queryError(`业务对象“${String(formId)}”不存在（本模拟只支持 SAL_SaleOrder）`);
  const keys = String(q.FieldKeys ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0) return queryError('FieldKeys 不能为空');
  const unknown = keys.find((k) => !(k.toLowerCase() in HEADER) && !(k.toLowerCase() in ENTRY));
  if (unknown) return queryError(`字段“${unknown}”不存在`);
  let filter: Cond | null;
  try {
    filter = parseFilter(String(q.FilterString ?? ''));
  } catch (e) {
    return queryError(`过滤条件错误：${(e as Error).message}`);
  }
  const fieldsUsed = [...keys.map((k) => k.toLowerCase()), ...fieldsOf(filter)];
  const perEntry = fieldsUsed.some((f) => f in ENTRY);
  let rows: Row[] = [];
  for (const order of orders) {
    if (!perEntry) rows.push({ order, entry: null });
    else for (const e of order.model.FSaleOrderEntry as unknown[]) rows.push({ order, entry: isObject(e) ? e : {} });
  }
  try {
    rows = rows.filter((r) => !filter || test(filter, r));
    rows = sortRows(rows, String(q.OrderString ?? ''));
  } catch (e) {
    return queryError((e as Error).message);
  }
  const start = Math.max(0, Number(q.StartRow ?? 0) || 0);
  const top = Number(q.TopRowCount ?? 0) || 0;
  const limit = Number(q.Limit ?? 0) || 0;
  rows = rows.slice(start);
  if (top > 0) rows = rows.slice(0, top);
  if (limit > 0) rows = rows.slice(0, limit);
  return rows.map((r) => keys.map((k) => valueOf(k.toLowerCase(), r)));
}

function valueOf(field: string, r: Row): Value {
  const h = HEADER[field];
  if (h) return h(r.order);
  const e = ENTRY[field];
  if (e) return r.entry ? e(r.entry) : null;
  throw new Error(`字段“${field}”不存在`);
}

function sortRows(rows: Row[], orderString: string): Row[] {
  const parts = orderString.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return rows;
  const specs = parts.map((p) => {
    const [field = '', dir = 'asc'] = p.split(/\s+/);
    return { field: field.toLowerCase(), desc: dir.toLowerCase() === 'desc' };
  });
  return [...rows].sort((a, b) => {
    for (const s of specs) {
      const c = compare(valueOf(s.field, a), valueOf(s.field, b));
      if (c !== 0) return s.desc ? -c : c;
    }
    return 0;
  });
}

function compare(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- FilterString ----

type Cond =
  | { kind: 'and'; left: Cond; right: Cond }
  | { kind: 'or'; left: Cond; right: Cond }
  | { kind: 'cmp'; field: string; op: string; value: Value }
  | { kind: 'in'; field: string; values: Value[]; not: boolean }
  | { kind: 'like'; field: string; pattern: string; not: boolean }
  | { kind: 'null'; field: string; not: boolean };

type Token = { t: 'str' | 'num' | 'id' | 'op' | 'punct'; v: string };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(<>|!=|>=|<=|=|<|>)|([(),]))/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`无法识别 “${s.slice(i, i + 12)}”`);
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'str', v: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) out.push({ t: 'num', v: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'id', v: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'op', v: m[4] });
    else out.push({ t: 'punct', v: m[5] as string });
  }
  return out;
}

function parseFilter(s: string): Cond | null {
  const tokens = tokenize(s);
  if (tokens.length === 0) return null;
  let i = 0;
  const peekWord = (w: string): boolean => tokens[i]?.t === 'id' && tokens[i]?.v.toLowerCase() === w;
  const expect = (v: string): void => {
    if (tokens[i]?.v !== v) throw new Error(`缺少 “${v}”`);
    i++;
  };
  const literal = (): Value => {
    const tk = tokens[i++];
    if (tk?.t === 'str') return tk.v;
    if (tk?.t === 'num') return Number(tk.v);
    throw new Error('需要一个值');
  };
  const field = (): string => {
    const tk = tokens[i++];
    if (tk?.t !== 'id') throw new Error('需要一个字段名');
    const f = tk.v.toLowerCase();
    if (!(f in HEADER) && !(f in ENTRY)) throw new Error(`字段“${tk.v}”不存在`);
    return f;
  };
  const primary = (): Cond => {
    if (tokens[i]?.v === '(') {
      i++;
      const c = or();
      expect(')');
      return c;
    }
    const f = field();
    const not = peekWord('not') ? (i++, true) : false;
    if (peekWord('in')) {
      i++;
      expect('(');
      const values = [literal()];
      while (tokens[i]?.v === ',') {
        i++;
        values.push(literal());
      }
      expect(')');
      return { kind: 'in', field: f, values, not };
    }
    if (peekWord('like')) {
      i++;
      return { kind: 'like', field: f, pattern: String(literal()), not };
    }
    if (peekWord('is')) {
      i++;
      const isNot = peekWord('not') ? (i++, true) : false;
      if (!peekWord('null')) throw new Error('is 之后需要 null');
      i++;
      return { kind: 'null', field: f, not: isNot };
    }
    if (not) throw new Error('not 之后需要 in 或 like');
    const op = tokens[i++];
    if (op?.t !== 'op') throw new Error(`字段 ${f} 之后需要比较运算符`);
    return { kind: 'cmp', field: f, op: op.v, value: literal() };
  };
  const and = (): Cond => {
    let c = primary();
    while (peekWord('and')) {
      i++;
      c = { kind: 'and', left: c, right: primary() };
    }
    return c;
  };
  const or = (): Cond => {
    let c = and();
    while (peekWord('or')) {
      i++;
      c = { kind: 'or', left: c, right: and() };
    }
    return c;
  };
  const c = or();
  if (i !== tokens.length) throw new Error(`多余的 “${tokens[i]?.v}”`);
  return c;
}

function fieldsOf(c: Cond | null): string[] {
  if (!c) return [];
  if (c.kind === 'and' || c.kind === 'or') return [...fieldsOf(c.left), ...fieldsOf(c.right)];
  return [c.field];
}

function test(c: Cond, r: Row): boolean {
  switch (c.kind) {
    case 'and':
      return test(c.left, r) && test(c.right, r);
    case 'or':
      return test(c.left, r) || test(c.right, r);
    case 'null':
      return (valueOf(c.field, r) === null) !== c.not;
    case 'in': {
      const v = valueOf(c.field, r);
      return c.values.some((x) => compare(v, x) === 0) !== c.not;
    }
    case 'like': {
      const v = valueOf(c.field, r);
      const re = new RegExp(`^${c.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
      return (v !== null && re.test(String(v))) !== c.not;
    }
    case 'cmp': {
      const v = valueOf(c.field, r);
      if (v === null) return false;
      const d = compare(v, c.value);
      return { '=': d === 0, '<>': d !== 0, '!=': d !== 0, '<': d < 0, '<=': d <= 0, '>': d > 0, '>=': d >= 0 }[c.op] ?? false;
    }
  }
}
