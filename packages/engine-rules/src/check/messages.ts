/**
 * Concrete problem messages in both UI languages. The error registry (errors.ts) has one generic
 * message per code; a problem says exactly what is wrong ("字段 “amout” 不存在于表单 orders；
 * 是否是 “amount”？"), so one code has several templates here.
 */
import type { Locale } from '@kiln/engine-forms';

type T = Readonly<{ 'zh-CN': string; en: string }>;

/** Message templates by id; `{name}` placeholders are filled from params. */
export const RULE_MESSAGES = {
  // ---- shape (RULE_INVALID) ----
  notObject: { 'zh-CN': '{what}应为对象', en: '{what} must be an object' },
  required: { 'zh-CN': '缺少必填项 {prop}', en: '{prop} is required' },
  wrongType: { 'zh-CN': '{prop} 应为{expected}', en: '{prop} must be {expected}' },
  formatVersion: { 'zh-CN': '不支持的格式版本 {value}，应为 1', en: 'Unsupported format version {value}; use 1' },
  keySyntax: { 'zh-CN': '键名 “{value}” 无效：须以小写字母开头，仅含小写字母、数字和下划线，最长 63 位', en: 'Key "{value}" is invalid: start with a lowercase letter; lowercase letters, digits and _ only; at most 63 characters' },
  keyMismatch: { 'zh-CN': '规则键名 “{value}” 与保存的键名 “{expected}” 不一致', en: 'The rule key "{value}" differs from the key it is stored under, "{expected}"' },
  titleMissing: { 'zh-CN': '缺少中文标题', en: 'The Chinese (zh-CN) title is missing' },
  enumInvalid: { 'zh-CN': '{prop} 的值 “{value}” 无效，可选：{allowed}', en: '{prop} "{value}" is invalid; use one of: {allowed}' },
  idSyntax: { 'zh-CN': 'ID “{value}” 无效：须以小写字母开头，仅含小写字母、数字和下划线，最长 32 位', en: 'Id "{value}" is invalid: start with a lowercase letter; lowercase letters, digits and _ only; at most 32 characters' },
  idDuplicate: { 'zh-CN': 'ID “{value}” 重复', en: 'Duplicate id "{value}"' },
  keyDuplicate: { 'zh-CN': '输出键名 “{value}” 重复', en: 'Duplicate output key "{value}"' },
  cronFields: { 'zh-CN': '定时表达式应有 5 段（分 时 日 月 周），实际为 {count} 段', en: 'A cron expression has 5 fields (minute hour day month weekday); this one has {count}' },
  cronField: { 'zh-CN': '定时表达式第 {n} 段 “{value}” 无效（{name}：{min}–{max}）', en: 'Cron field {n} "{value}" is invalid ({name}: {min}–{max})' },
  timezone: { 'zh-CN': '时区 “{value}” 无效，例如 Asia/Shanghai', en: 'Unknown time zone "{value}", e.g. Asia/Shanghai' },
  createOnlyNotInValues: { 'zh-CN': 'createOnly 中的字段 “{value}” 不在 values 中', en: 'createOnly names "{value}", which is not in values' },
  assignCollect: { 'zh-CN': '命中策略为 collect 的决策表输出是列表，不能用 assign 写回记录', en: 'A `collect` table outputs a list; assign cannot write it to the record' },
  assignNoRecord: { 'zh-CN': 'assign 会写回触发记录，但 {event} 触发没有记录', en: 'assign writes to the triggering record, but a {event} trigger has no record' },
  notifyNobody: { 'zh-CN': '通知需要 users 或 roles', en: 'A notification needs users or roles' },
  unknownFlow: { 'zh-CN': '流程 “{value}” 不存在{suggest}', en: 'No flow "{value}"{suggest}' },
  unknownConnector: { 'zh-CN': '连接器 “{value}” 不存在{suggest}', en: 'No connector "{value}"{suggest}' },
  unknownInputColumn: { 'zh-CN': '“{value}” 不是本表的输入列{suggest}', en: '"{value}" is not an input column of this table{suggest}' },
  unknownOutputColumn: { 'zh-CN': '“{value}” 不是本表的输出列{suggest}', en: '"{value}" is not an output column of this table{suggest}' },
  fieldComputed: { 'zh-CN': '字段 “{field}” 由系统计算（{type}），不能写入', en: 'Field "{field}" is computed by the system ({type}) and cannot be written' },
  ledgerEntryNoKey: { 'zh-CN': '台账记录缺少键字段 “{key}”：重复的事件将无法去重', en: 'The ledger entry has no "{key}": a repeated event could post twice' },
  exprIdInvalid: { 'zh-CN': '表达式 ID “{value}” 无效', en: 'Invalid expression id "{value}"' },
  updateLegacyId: { 'zh-CN': 'update 动作的 id 现在是动作自己的 ID：请把要更新的记录（表达式）移到 record 中', en: "In an update action `id` is now the action's own id: move the expression of the record to update to `record`" },
  contextInvalid: { 'zh-CN': '上下文 “{value}” 无效，可选：{allowed}', en: 'Unknown context "{value}"; use one of: {allowed}' },

  // ---- syntax ----
  emptyExpression: { 'zh-CN': '表达式为空', en: 'The expression is empty' },
  syntax: { 'zh-CN': '语法错误：{detail}（第 {line} 行第 {column} 列）', en: 'Syntax error: {detail} (line {line}, column {column})' },

  // ---- names ----
  unknownName: { 'zh-CN': '未知名称 “{name}”{suggest}', en: 'Unknown name "{name}"{suggest}' },
  itemOutsideForEach: { 'zh-CN': '“{name}” 只在设置了 forEach 的动作中可用', en: '"{name}" is only bound in an action with forEach' },
  itemInForEach: { 'zh-CN': '“{name}” 在 forEach 列表求值时尚未绑定', en: '"{name}" is not bound yet while forEach itself is evaluated' },
  unknownResult: { 'zh-CN': 'results.{name}：前面没有 ID 为 “{name}” 且产生结果（create、upsert、decide）的动作{suggest}', en: 'results.{name}: no earlier create, upsert or decide action has the id "{name}"{suggest}' },
  unknownRef: { 'zh-CN': 'ref(\'{name}\')：前面没有 ID 为 “{name}” 的 create 或 upsert 动作{suggest}', en: 'ref(\'{name}\'): no earlier create or upsert action has the id "{name}"{suggest}' },
  noLookups: { 'zh-CN': '公式中不能查询数据（{name}）', en: 'Formulas cannot look up data ({name})' },
  noImport: { 'zh-CN': '表达式中不能使用 import()', en: 'Expressions cannot use import()' },

  // ---- fields and forms ----
  unknownField: { 'zh-CN': '字段 “{field}” 不存在于表单 {form}{suggest}', en: 'Field "{field}" does not exist in form {form}{suggest}' },
  unknownRowField: { 'zh-CN': '字段 “{field}” 不存在于子表 {form}.{subtable}{suggest}', en: 'Field "{field}" does not exist in sub-table {form}.{subtable}{suggest}' },
  ledgerKeyNotUnique: { 'zh-CN': '台账键 “{field}” 必须是表单 {form} 的唯一字段', en: 'The ledger key "{field}" must be a unique field of form {form}' },
  unknownOutput: { 'zh-CN': '决策表 {table} 没有输出 “{value}”{suggest}', en: 'Decision table {table} has no output "{value}"{suggest}' },
  unknownForm: { 'zh-CN': '表单 “{form}” 不存在{suggest}', en: 'Form "{form}" does not exist{suggest}' },
  unknownTable: { 'zh-CN': '决策表 “{table}” 不存在{suggest}', en: 'Decision table "{table}" does not exist{suggest}' },
  notATable: { 'zh-CN': '“{table}” 是触发规则，不是决策表', en: '"{table}" is a trigger rule, not a decision table' },

  // ---- helpers and types (RULE_ARG_TYPE) ----
  unknownHelper: { 'zh-CN': '{ns} 中没有函数 “{name}”{suggest}', en: '{ns} has no function "{name}"{suggest}' },
  notCallable: { 'zh-CN': '{name} 是函数库，不能直接调用；例如 {example}', en: '{name} is a helper namespace, not a function; e.g. {example}' },
  arityFew: { 'zh-CN': '{helper} 至少需要 {min} 个参数，实际 {count} 个', en: '{helper} needs at least {min} argument(s); got {count}' },
  arityMany: { 'zh-CN': '{helper} 最多接受 {max} 个参数，实际 {count} 个', en: '{helper} takes at most {max} argument(s); got {count}' },
  argType: { 'zh-CN': '{helper} 的参数 {param} 应为{expected}，实际为{actual}', en: 'Argument {param} of {helper} must be {expected}; got {actual}' },
  valueType: { 'zh-CN': '字段 “{field}”（{fieldType}）的值应为{expected}，实际为{actual}', en: 'Field "{field}" ({fieldType}) takes {expected}; got {actual}' },

  // ---- decision tables ----
  cellSyntax: { 'zh-CN': '单元格 “{text}” 无效：{detail}', en: 'Cell "{text}" is invalid: {detail}' },
  cellCompareValue: { 'zh-CN': '单元格 “{text}”：比较运算符后应为数字、文本、日期或布尔值；表达式请写作 $ >= …', en: 'Cell "{text}": a comparison takes a number, text, date or boolean; for an expression write $ >= …' },
  cellRangeBound: { 'zh-CN': '单元格 “{text}”：区间的两端应为数字或日期', en: 'Cell "{text}": range bounds must be numbers or dates' },
  cellRangeTypes: { 'zh-CN': '单元格 “{text}”：区间两端的类型不一致', en: 'Cell "{text}": both range bounds must be of one type' },
  cellEmptyRange: { 'zh-CN': '单元格 “{text}”：区间为空（下限大于上限）', en: 'Cell "{text}": the range is empty (low bound above high bound)' },
  cellListItem: { 'zh-CN': '单元格 “{text}”：列表的每一项都应为数字、文本、日期、布尔值或 null', en: 'Cell "{text}": every list item must be a number, text, date, boolean or null' },
  cellBareWord: { 'zh-CN': '单元格 “{text}”：文本需要加引号，如 "{text}"', en: 'Cell "{text}": quote text, e.g. "{text}"' },
  cellAlwaysTrue: { 'zh-CN': '单元格 “{text}” 总是命中：列表写作 1, 2，区间写作 [1..10]', en: 'Cell "{text}" always matches: write a list as 1, 2 and a range as [1..10]' },
  overlap: { 'zh-CN': '行 “{a}” 与行 “{b}” 可能同时命中（命中策略 unique）', en: 'Rows "{a}" and "{b}" can both match (hit policy unique)' },

  // ---- runtime (generated code) ----
  forEachNotList: { 'zh-CN': 'forEach 的结果应为列表，实际为{actual}', en: 'forEach must give a list; got {actual}' },
  updateIdInvalid: { 'zh-CN': '要更新的记录 id 应为数字或 ref()，实际为{actual}', en: 'The id of the record to update must be a number or a ref(); got {actual}' },
  entriesNotList: { 'zh-CN': 'entries 的结果应为对象列表，实际为{actual}', en: 'entries must give a list of objects; got {actual}' },
  entryNotObject: { 'zh-CN': 'entries 第 {n} 项应为对象，实际为{actual}', en: 'entries item {n} must be an object; got {actual}' },
  entryNoKey: { 'zh-CN': 'entries 第 {n} 项缺少台账键 “{key}” 的值', en: 'entries item {n} has no value for the ledger key "{key}"' },
  flowRecordInvalid: { 'zh-CN': '流程的记录应为 id、ref() 或 null，实际为{actual}', en: 'The flow record must be an id, a ref() or null; got {actual}' },
  usersInvalid: { 'zh-CN': 'users 应为用户 id 或 id 列表，实际为{actual}', en: 'users must be a user id or a list of ids; got {actual}' },
  textInvalid: { 'zh-CN': '{prop} 应为文本，实际为{actual}', en: '{prop} must be a text; got {actual}' },
  messageInvalid: { 'zh-CN': '拒绝消息应为文本或 { "zh-CN", en }，实际为{actual}', en: 'The reject message must be a text or { "zh-CN", en }; got {actual}' },
  valueInvalid: { 'zh-CN': '{prop} 的值不能是{actual}', en: '{prop} cannot be {actual}' },
  tableMissing: { 'zh-CN': '决策表 “{table}” 不存在或未能编译', en: 'Decision table "{table}" does not exist or did not compile' },
  assignNeedsRecord: { 'zh-CN': 'assign 需要触发记录的 id', en: 'assign needs the id of the triggering record' },
  uniqueTwice: { 'zh-CN': '命中策略为 unique，但行 “{a}” 和 “{b}” 同时命中', en: 'Hit policy unique, but rows "{a}" and "{b}" both matched' },
  aggregateNotNumber: { 'zh-CN': '输出 “{key}” 应为数字（{policy}），行 “{row}” 的值为{actual}', en: 'Output "{key}" must be a number ({policy}); row "{row}" gave {actual}' },
  factsInvalid: { 'zh-CN': '事实（facts）应为对象', en: 'The facts must be an object' },
} as const satisfies Record<string, T>;

/** A message id of RULE_MESSAGES. */
export type RuleMessageId = keyof typeof RULE_MESSAGES;

/** Words for types and "did you mean", per locale. */
export const TYPE_WORDS: Readonly<Record<string, T>> = {
  number: { 'zh-CN': '数字', en: 'a number' },
  money: { 'zh-CN': '金额（分）', en: 'money (fen)' },
  string: { 'zh-CN': '文本', en: 'a text' },
  boolean: { 'zh-CN': '布尔值', en: 'a boolean' },
  date: { 'zh-CN': '日期', en: 'a date' },
  list: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  function: { 'zh-CN': '函数', en: 'a function' },
  any: { 'zh-CN': '任意值', en: 'any value' },
  null: { 'zh-CN': ' null', en: 'null' },
  undefined: { 'zh-CN': ' undefined', en: 'undefined' },
  expression: { 'zh-CN': '表达式（字符串）', en: 'an expression (a string)' },
  text: { 'zh-CN': ' { "zh-CN", en } 对象', en: 'a { "zh-CN", en } object' },
  stringList: { 'zh-CN': '字符串列表', en: 'a list of strings' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
};

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function interpolate(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) && params[name] !== undefined ? String(params[name]) : whole));
}

/** The message `id` in `locale` with params filled. */
export function ruleMessage(id: RuleMessageId, locale: Locale, params: Readonly<Record<string, unknown>> = {}): string {
  return interpolate(RULE_MESSAGES[id][locale], params);
}

/** A type word ("数字" / "a number") for messages. */
export function typeWord(type: string, locale: Locale): string {
  return TYPE_WORDS[type]?.[locale] ?? type;
}

/** "；是否是 “amount”？" / "; did you mean "amount"?" — or '' without a suggestion. */
export function suggestion(best: string | undefined, locale: Locale): string {
  if (best === undefined) return '';
  return locale === 'en' ? `; did you mean "${best}"?` : `；是否是 “${best}”？`;
}
