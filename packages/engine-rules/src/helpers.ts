/**
 * The helper library every expression sees, as a catalog of signatures. The sandbox implements
 * these (src/sandbox/prelude); the static checker uses the catalog to check argument types; the
 * studio uses it for autocomplete and hover docs. Keep the three in step: a test checks that
 * every catalog entry exists in the sandbox.
 */
import type { LocalizedText } from './types.js';

/** Value types the checker reasons about. `money` is an integer number of fen; `date` an ISO string. */
export const VALUE_TYPES = ['number', 'money', 'string', 'boolean', 'date', 'list', 'object', 'function', 'any'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface HelperParam {
  name: string;
  /** Accepted types (`number` also accepts `money` and vice versa). */
  type: ValueType | readonly ValueType[];
  optional?: boolean;
  /** Rest parameter (`num.min(a, b, c…)`). */
  rest?: boolean;
}

export interface HelperSignature {
  /** Dotted name, e.g. `money.pct`, or a bare global such as `now`. */
  name: string;
  params: readonly HelperParam[];
  returns: ValueType;
  doc: LocalizedText;
  example?: string;
}

const p = (name: string, type: HelperParam['type'], extra: Partial<HelperParam> = {}): HelperParam => ({ name, type, ...extra });
const h = (name: string, params: HelperParam[], returns: ValueType, zh: string, en: string, example?: string): HelperSignature =>
  Object.freeze({ name, params: Object.freeze(params), returns, doc: { 'zh-CN': zh, en }, ...(example ? { example } : {}) });

const NUM = ['number', 'money'] as const;
const FILTER = 'object' as const;

/** Every helper, by dotted name. */
export const HELPERS: readonly HelperSignature[] = Object.freeze([
  // money — integer fen, rounding down (domain.md §2)
  h('money.pct', [p('fen', NUM), p('percent', NUM)], 'money', '金额 × 百分比，向下取整到分', 'fen × percent ÷ 100, rounded down to the fen', 'money.pct(1999, 5) // 99'),
  h('money.mul', [p('fen', NUM), p('factor', NUM)], 'money', '金额 × 系数，向下取整到分', 'fen × factor, rounded down to the fen', 'money.mul(2000, 1.5) // 3000'),
  h('money.share', [p('fen', NUM), p('part', NUM), p('whole', NUM)], 'money', '按比例分摊（part ÷ whole），向零取整', 'Pro-rata share fen × part ÷ whole, rounded toward zero', 'money.share(2000, 3000, 20000) // 300'),
  h('money.fromYuan', [p('yuan', NUM)], 'money', '元 → 分（四舍五入）', 'Yuan → fen (rounded)', 'money.fromYuan(19.99) // 1999'),
  h('money.format', [p('fen', NUM)], 'string', '分 → “¥19.99”', 'Fen → "¥19.99"'),
  h('money.sum', [p('items', 'list'), p('fn', 'function', { optional: true })], 'money', '求和（可选取值函数）', 'Sum of a list (optionally of fn(item))', 'money.sum(record.lines, l => l.qty * l.unit_price)'),
  // numbers
  h('num.floor', [p('x', NUM)], 'number', '向下取整', 'Round down'),
  h('num.ceil', [p('x', NUM)], 'number', '向上取整', 'Round up'),
  h('num.round', [p('x', NUM), p('digits', 'number', { optional: true })], 'number', '四舍五入到 digits 位小数', 'Round half up to `digits` decimals'),
  h('num.clamp', [p('x', NUM), p('min', NUM), p('max', NUM)], 'number', '限制在 [min, max]', 'Clamp into [min, max]'),
  h('num.min', [p('values', NUM, { rest: true })], 'number', '最小值', 'Smallest value'),
  h('num.max', [p('values', NUM, { rest: true })], 'number', '最大值', 'Largest value'),
  h('num.abs', [p('x', NUM)], 'number', '绝对值', 'Absolute value'),
  // strings
  h('str.lower', [p('s', 'string')], 'string', '转小写', 'Lower case'),
  h('str.upper', [p('s', 'string')], 'string', '转大写', 'Upper case'),
  h('str.trim', [p('s', 'string')], 'string', '去除首尾空白', 'Trim white space'),
  h('str.len', [p('s', 'string')], 'number', '字符数', 'Number of characters'),
  h('str.contains', [p('s', 'string'), p('part', 'string')], 'boolean', '是否包含', 'Whether s contains part'),
  h('str.startsWith', [p('s', 'string'), p('prefix', 'string')], 'boolean', '是否以 prefix 开头', 'Whether s starts with prefix'),
  h('str.pad', [p('s', ['string', 'number']), p('length', 'number'), p('fill', 'string', { optional: true })], 'string', '左侧补齐到 length', 'Pad on the left to `length`', "str.pad(7, 3, '0') // '007'"),
  h('str.concat', [p('parts', 'any', { rest: true })], 'string', '拼接（null 视为空）', 'Concatenate (null counts as empty)'),
  // lists
  h('list.sum', [p('items', 'list'), p('fn', 'function', { optional: true })], 'number', '求和', 'Sum (optionally of fn(item))'),
  h('list.count', [p('items', 'list'), p('fn', 'function', { optional: true })], 'number', '计数（可选条件）', 'Count (optionally where fn(item))'),
  h('list.map', [p('items', 'list'), p('fn', 'function')], 'list', '映射', 'Map'),
  h('list.filter', [p('items', 'list'), p('fn', 'function')], 'list', '筛选', 'Filter'),
  h('list.find', [p('items', 'list'), p('fn', 'function')], 'any', '第一个满足条件的元素', 'First item where fn(item)'),
  h('list.includes', [p('items', 'list'), p('value', 'any')], 'boolean', '是否包含', 'Whether the list contains value'),
  h('list.unique', [p('items', 'list')], 'list', '去重', 'Distinct values'),
  h('list.first', [p('items', 'list')], 'any', '第一个元素（空时为 null）', 'First item (null when empty)'),
  h('list.last', [p('items', 'list')], 'any', '最后一个元素（空时为 null）', 'Last item (null when empty)'),
  h('list.range', [p('n', 'number')], 'list', '[0, 1, …, n−1]', '[0, 1, …, n−1]'),
  // dates — ISO strings, runtime clock
  h('now', [], 'date', '当前时间（运行时时钟，ISO）', 'Current time from the runtime clock (ISO)'),
  h('today', [], 'string', '今天的日期 YYYY-MM-DD（规则时区）', "Today's date YYYY-MM-DD in the rule's time zone"),
  h('date.addDays', [p('at', 'date'), p('days', 'number')], 'date', '加天数', 'Add days', 'date.addDays(now(), 7)'),
  h('date.addHours', [p('at', 'date'), p('hours', 'number')], 'date', '加小时', 'Add hours'),
  h('date.diffDays', [p('from', 'date'), p('to', 'date')], 'number', '相差整天数（to − from，向下取整）', 'Whole days from `from` to `to` (rounded down)'),
  h('date.day', [p('at', 'date')], 'string', '所在日期 YYYY-MM-DD（规则时区）', 'Calendar date YYYY-MM-DD in the rule time zone'),
  h('date.startOfDay', [p('at', 'date')], 'date', '当天零点（规则时区）', 'Start of that day in the rule time zone'),
  h('date.isBefore', [p('a', 'date'), p('b', 'date')], 'boolean', 'a 早于 b', 'a is before b'),
  h('date.isAfter', [p('a', 'date'), p('b', 'date')], 'boolean', 'a 晚于 b', 'a is after b'),
  // lookups — answered by the runtime inside the current transaction
  h('db.get', [p('form', 'string'), p('id', 'number')], 'object', '按 id 读取记录（无则 null）', 'Record by id (null when missing)', "db.get('customers', record.customer)"),
  h('db.find', [p('form', 'string'), p('filter', FILTER)], 'object', '第一条符合条件的记录（无则 null）', 'First record matching filter (null when none)', "db.find('products', { sku: item.sku })"),
  h('db.all', [p('form', 'string'), p('filter', FILTER), p('opts', 'object', { optional: true })], 'list', '符合条件的记录（默认最多 500 条）', 'Records matching filter (default limit 500)', "db.all('commission_ledger', { state: 'frozen' }, { limit: 100 })"),
  h('db.count', [p('form', 'string'), p('filter', FILTER)], 'number', '符合条件的记录数', 'Number of records matching filter'),
  h('db.sum', [p('form', 'string'), p('field', 'string'), p('filter', FILTER)], 'number', '符合条件的记录中某字段之和', 'Sum of a field over records matching filter', "db.sum('commission_ledger', 'amount', { beneficiary: 3 })"),
  // effects
  h('ref', [p('actionId', 'string')], 'object', '引用本次执行中其他动作创建的记录', 'Reference to the record another action of this evaluation creates', "ref('customer')"),
]);

/** Catalog by dotted name. */
export const HELPER_BY_NAME: ReadonlyMap<string, HelperSignature> = new Map(HELPERS.map((x) => [x.name, x]));

/** Top-level helper namespaces and bare helpers (names an expression may use without declaring). */
export const HELPER_GLOBALS: readonly string[] = Object.freeze([...new Set(HELPERS.map((x) => x.name.split('.')[0]!))]);

/** JavaScript built-ins expressions may use (everything else unknown is reported). */
export const ALLOWED_BUILTINS: readonly string[] = Object.freeze([
  'Math', 'Number', 'String', 'Boolean', 'Array', 'Object', 'JSON', 'Date', 'Map', 'Set', 'RegExp', 'Error',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'undefined', 'NaN', 'Infinity',
]);

/** Fact names each context provides (the checker treats others as unknown). */
export const FACT_NAMES = {
  trigger: ['record', 'old', 'changed', 'event', 'results'],
  action: ['record', 'old', 'changed', 'event', 'results', 'item', 'index'],
  table: ['record', 'old', 'changed', 'event', 'results', 'input', 'item', 'index'],
  cell: ['record', 'old', 'changed', 'event', 'results', 'input', 'item', 'index', '$'],
  formula: ['record'],
  console: ['record', 'old', 'changed', 'event', 'results', 'input', 'item', 'index'],
} as const;
export type FactContext = keyof typeof FACT_NAMES;
