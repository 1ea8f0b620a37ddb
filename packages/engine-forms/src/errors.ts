import { interpolate } from './locale.js';
import type { Locale, LocalizedText } from './types.js';

/** One entry of the error registry. */
export interface FormErrorInfo {
  /** HTTP status when the error reaches the API. */
  readonly status: number;
  /** Message template; `{label}`, `{limit}`, `{key}`… are filled from the error's params. */
  readonly message: Readonly<LocalizedText>;
  /** What the caller (API client or form builder) should do about it. */
  readonly fix: string;
}

/**
 * Every error code engine-forms produces, with its HTTP status, a bilingual message template
 * and a fix. Record errors (`FORM_*`) come from `createRecordValidator`; definition problems
 * (`FORM_DEF_*`) from `validateFormDefinition` when an app is published. Codes are stable:
 * clients branch on them, so never rename one.
 */
export const FORM_ERRORS = {
  // ---- record data (validator) ----
  FORM_VALIDATION_FAILED: { status: 422, message: { 'zh-CN': '记录数据无效', en: 'The record data is invalid' }, fix: 'See `details`: one FieldError per invalid field, with its JSON pointer.' },
  FORM_UNKNOWN_FIELD: { status: 422, message: { 'zh-CN': '未知字段 {key}', en: 'Unknown field {key}' }, fix: 'Send only the field keys the published form declares.' },
  FORM_FIELD_READONLY: { status: 422, message: { 'zh-CN': '{label} 由系统生成，不能填写', en: '{label} is assigned by the system and cannot be set' }, fix: 'Leave autonumber fields out of the request.' },
  FORM_REQUIRED: { status: 422, message: { 'zh-CN': '{label} 是必填项', en: '{label} is required' }, fix: 'Supply a non-empty value for the field.' },
  FORM_TYPE: { status: 422, message: { 'zh-CN': '{label} 应为{expected}', en: '{label} must be {expected}' }, fix: 'Send the value in the field\'s API shape (money in integer fen, ids as integers, dates as ISO strings).' },
  FORM_MIN: { status: 422, message: { 'zh-CN': '{label} 不能小于 {limit}', en: '{label} must be at least {limit}' }, fix: 'Send a value within the field\'s bounds.' },
  FORM_MAX: { status: 422, message: { 'zh-CN': '{label} 不能大于 {limit}', en: '{label} must be at most {limit}' }, fix: 'Send a value within the field\'s bounds.' },
  FORM_SCALE: { status: 422, message: { 'zh-CN': '{label} 最多 {limit} 位小数', en: '{label} allows at most {limit} decimal places' }, fix: 'Round the number to the field\'s scale.' },
  FORM_MIN_LENGTH: { status: 422, message: { 'zh-CN': '{label} 至少需要 {limit} 个字符', en: '{label} must be at least {limit} characters long' }, fix: 'Send a longer text.' },
  FORM_MAX_LENGTH: { status: 422, message: { 'zh-CN': '{label} 不能超过 {limit} 个字符', en: '{label} must be at most {limit} characters long' }, fix: 'Send a shorter text.' },
  FORM_PATTERN: { status: 422, message: { 'zh-CN': '{label} 格式不正确', en: '{label} is not in the expected format' }, fix: 'Send a value matching the field\'s pattern.' },
  FORM_FORMAT: { status: 422, message: { 'zh-CN': '{label} 不是有效的{format}', en: '{label} is not a valid {format}' }, fix: 'Dates are `YYYY-MM-DD`; date-times are ISO 8601 with a time zone (`2024-05-01T08:00:00+08:00`).' },
  FORM_ENUM: { status: 422, message: { 'zh-CN': '{label} 不是可选的值', en: '{label} is not one of the allowed options' }, fix: 'Send one of the option values (not the labels) the form declares.' },
  FORM_UNIQUE_ITEMS: { status: 422, message: { 'zh-CN': '{label} 含有重复的值', en: '{label} contains duplicate values' }, fix: 'Remove the duplicates.' },
  FORM_PHONE: { status: 422, message: { 'zh-CN': '{label} 不是有效的手机号', en: '{label} is not a valid mobile number' }, fix: 'Send 11 digits starting with 13–19, no spaces or +86.' },
  FORM_EMAIL: { status: 422, message: { 'zh-CN': '{label} 不是有效的邮箱地址', en: '{label} is not a valid email address' }, fix: 'Send an address like name@example.com.' },
  FORM_REGION: { status: 422, message: { 'zh-CN': '{label} 不是有效的{level}代码', en: '{label} is not a valid {level} code' }, fix: 'Send an existing 6-digit GB/T 2260 code at the field\'s level (province ends in 0000, city in 00).' },
  FORM_MIN_ITEMS: { status: 422, message: { 'zh-CN': '{label} 至少需要 {limit} 项', en: '{label} needs at least {limit} item(s)' }, fix: 'Add items or rows.' },
  FORM_MAX_ITEMS: { status: 422, message: { 'zh-CN': '{label} 最多 {limit} 项', en: '{label} allows at most {limit} item(s)' }, fix: 'Remove items or rows.' },
  FORM_INVALID: { status: 422, message: { 'zh-CN': '{label} 的值无效', en: '{label} has an invalid value' }, fix: 'Check the value against the form\'s JSON Schema (`GET …/forms/{form}`).' },
  FORM_DUPLICATE: { status: 409, message: { 'zh-CN': '{label} 已存在相同的值', en: 'Another record already has this {label}' }, fix: 'Use a different value, or update the existing record.' },

  // ---- form definitions (publish) ----
  FORM_DEF_INVALID: { status: 422, message: { 'zh-CN': '定义结构无效：{detail}', en: 'Invalid definition structure: {detail}' }, fix: 'Follow the FormDefinition shape in packages/engine-forms/src/types.ts.' },
  FORM_DEF_FORMAT_VERSION: { status: 422, message: { 'zh-CN': '不支持的定义格式版本 {value}', en: 'Unsupported definition format version {value}' }, fix: 'Set `formatVersion: 1`.' },
  FORM_DEF_KEY_SYNTAX: { status: 422, message: { 'zh-CN': '键名 “{value}” 无效：须以小写字母开头，仅含小写字母、数字和下划线，最长 63 位', en: 'Key "{value}" is invalid: start with a lowercase letter; lowercase letters, digits and _ only; at most 63 characters' }, fix: 'Rename the key, e.g. `customer_name`.' },
  FORM_DEF_ID_SYNTAX: { status: 422, message: { 'zh-CN': '字段 ID “{value}” 无效：须以小写字母开头，仅含小写字母、数字和下划线，最长 32 位', en: 'Field id "{value}" is invalid: start with a lowercase letter; lowercase letters, digits and _ only; at most 32 characters' }, fix: 'Let the studio generate ids (`createField`).' },
  FORM_DEF_RESERVED: { status: 422, message: { 'zh-CN': '“{value}” 是系统保留名称', en: '"{value}" is a reserved name' }, fix: 'Pick another key or id; id, created_at, updated_at, created_by, updated_by and constructor are reserved.' },
  FORM_DEF_DUPLICATE_ID: { status: 422, message: { 'zh-CN': '字段 ID “{value}” 重复', en: 'Duplicate field id "{value}"' }, fix: 'Give every field its own id.' },
  FORM_DEF_DUPLICATE_KEY: { status: 422, message: { 'zh-CN': '字段键名 “{value}” 重复', en: 'Duplicate field key "{value}"' }, fix: 'Give every field of the form (or of the sub-table) its own key.' },
  FORM_DEF_UNKNOWN_TYPE: { status: 422, message: { 'zh-CN': '未知的字段类型 “{value}”', en: 'Unknown field type "{value}"' }, fix: 'Use one of the FIELD_TYPES.' },
  FORM_DEF_LABEL_MISSING: { status: 422, message: { 'zh-CN': '缺少中文名称', en: 'The Chinese (zh-CN) label is missing' }, fix: 'Fill in the zh-CN label; the English one is optional and falls back to Chinese.' },
  FORM_DEF_NO_OPTIONS: { status: 422, message: { 'zh-CN': '选择字段至少需要一个选项', en: 'A choice field needs at least one option' }, fix: 'Add options.' },
  FORM_DEF_DUPLICATE_OPTION: { status: 422, message: { 'zh-CN': '选项值 “{value}” 重复', en: 'Duplicate option value "{value}"' }, fix: 'Give every option its own value.' },
  FORM_DEF_OPTION_VALUE: { status: 422, message: { 'zh-CN': '选项值不能为空', en: 'An option value must not be empty' }, fix: 'Set a non-empty `value` (stored) for each option.' },
  FORM_DEF_RANGE: { status: 422, message: { 'zh-CN': '{what}：最小值 {min} 大于最大值 {max}', en: '{what}: minimum {min} is greater than maximum {max}' }, fix: 'Swap or correct the bounds.' },
  FORM_DEF_BAD_NUMBER: { status: 422, message: { 'zh-CN': '{what} 应为 {expected}', en: '{what} must be {expected}' }, fix: 'Correct the setting.' },
  FORM_DEF_PATTERN_INVALID: { status: 422, message: { 'zh-CN': '正则表达式无效：{detail}', en: 'Invalid regular expression: {detail}' }, fix: 'Write an ECMAScript regular expression valid with the unicode (u) flag.' },
  FORM_DEF_UNIQUE_NOT_SCALAR: { status: 422, message: { 'zh-CN': '{type} 类型的字段不能设为唯一', en: 'A {type} field cannot be unique' }, fix: 'Unique applies to single-value fields of the form (text, number, phone, select…).' },
  FORM_DEF_UNIQUE_IN_SUBTABLE: { status: 422, message: { 'zh-CN': '子表中的字段不能设为唯一', en: 'A sub-table field cannot be unique' }, fix: 'Remove `unique`; uniqueness is enforced per form, not per row.' },
  FORM_DEF_RELATION_TARGET: { status: 422, message: { 'zh-CN': '关联的表单 “{value}” 不存在', en: 'The related form "{value}" does not exist' }, fix: 'Point `target` at the key of a form of the same app.' },
  FORM_DEF_RELATION_DISPLAY: { status: 422, message: { 'zh-CN': '关联表单中没有字段 “{value}”', en: 'The related form has no field "{value}"' }, fix: 'Point `display` at a field key of the target form, or leave it out.' },
  FORM_DEF_SUBTABLE_NESTED: { status: 422, message: { 'zh-CN': '子表中不能再嵌套子表', en: 'A sub-table cannot contain another sub-table' }, fix: 'Flatten the rows, or use a relation to another form.' },
  FORM_DEF_SUBTABLE_EMPTY: { status: 422, message: { 'zh-CN': '子表至少需要一个字段', en: 'A sub-table needs at least one field' }, fix: 'Add fields to the sub-table.' },
  FORM_DEF_SUBTABLE_FIELD: { status: 422, message: { 'zh-CN': '子表中不能使用 {type} 字段', en: 'A {type} field cannot be used in a sub-table' }, fix: 'Keep link parameters, autonumbers and formulas on the form itself.' },
  FORM_DEF_LINKPARAM_MISSING: { status: 422, message: { 'zh-CN': '链接参数字段必须指定参数名', en: 'A link-parameter field must name its query parameter' }, fix: 'Set `linkParam`, e.g. `ref`.' },
  FORM_DEF_LINKPARAM_SYNTAX: { status: 422, message: { 'zh-CN': '链接参数名 “{value}” 无效：须以字母开头，仅含字母、数字和下划线，最长 32 位', en: 'Link parameter name "{value}" is invalid: start with a letter; letters, digits and _ only; at most 32 characters' }, fix: 'Rename the parameter, e.g. `ref` or `utm_source`.' },
  FORM_DEF_LINKPARAM_DUPLICATE: { status: 422, message: { 'zh-CN': '链接参数 “{value}” 被多个字段使用', en: 'Link parameter "{value}" is used by more than one field' }, fix: 'Let one field receive each parameter.' },
  FORM_DEF_LINKPARAM_NOT_SCALAR: { status: 422, message: { 'zh-CN': '{type} 字段不能从链接参数取值', en: 'A {type} field cannot take its value from a link parameter' }, fix: 'Use linkParam on single-value fields only.' },
  FORM_DEF_AUTONUMBER: { status: 422, message: { 'zh-CN': '自动编号设置无效：{detail}', en: 'Invalid autonumber settings: {detail}' }, fix: 'mode is sequence or shortcode; digits 1–12; length 4–16; prefix up to 16 of A–Z a–z 0–9 _ - / . #.' },
  FORM_DEF_REGION_LEVEL: { status: 422, message: { 'zh-CN': '地区级别 “{value}” 无效', en: 'Invalid region level "{value}"' }, fix: 'Use province, city or district.' },
  FORM_DEF_SLUG_SYNTAX: { status: 422, message: { 'zh-CN': '公开链接标识 “{value}” 无效：仅含小写字母、数字和连字符，最长 63 位', en: 'Public slug "{value}" is invalid: lowercase letters, digits and - only; at most 63 characters' }, fix: 'Rename the slug, e.g. `join` or `live-2024`.' },
  FORM_DEF_SLUG_TAKEN: { status: 422, message: { 'zh-CN': '公开链接标识 “{value}” 已被其他表单使用', en: 'Public slug "{value}" is already used by another form' }, fix: 'Pick another slug.' },
  FORM_DEF_DEDUPE_FIELD: { status: 422, message: { 'zh-CN': '去重键中的字段 “{value}” 不存在或不是单值字段', en: 'De-duplication field "{value}" does not exist or is not a single-value field' }, fix: 'List keys of top-level single-value fields of this form.' },
  FORM_DEF_RATE_LIMIT: { status: 422, message: { 'zh-CN': '提交频率限制应为正整数', en: 'The submission rate limit must be positive whole numbers' }, fix: 'Set `rateLimit: { max: 5, perSeconds: 60 }` or remove it.' },
  FORM_DEF_DEFAULT_INVALID: { status: 422, message: { 'zh-CN': '默认值无效：{detail}', en: 'Invalid default value: {detail}' }, fix: 'Set a default in the field\'s API value shape that passes its own constraints, or remove it.' },
  FORM_DEF_DEFAULT_NOT_ALLOWED: { status: 422, message: { 'zh-CN': '{type} 字段不能设置默认值', en: 'A {type} field cannot have a default value' }, fix: 'Remove `default`.' },
  FORM_DEF_FORMULA_EXPRESSION: { status: 422, message: { 'zh-CN': '公式表达式为空或超过 {limit} 个字符', en: 'The formula expression is empty or longer than {limit} characters' }, fix: 'Write the expression in `expression`, e.g. `money.pct(record.amount, 5)`.' },
  FORM_DEF_FORMULA_RESULT_TYPE: { status: 422, message: { 'zh-CN': '公式结果类型 “{value}” 无效', en: 'Invalid formula result type "{value}"' }, fix: 'Set `resultType` to number, money, text, boolean, date or datetime.' },
  FORM_DEF_FORMULA_PROPERTY: { status: 422, message: { 'zh-CN': '公式字段的值由服务器计算，不能设置 {property}', en: 'A formula field is computed by the server and cannot have {property}' }, fix: 'Remove the property: formulas are never required, unique, defaulted or filled from a link parameter.' },
} as const satisfies Record<string, FormErrorInfo>;

/** Every code in the registry. */
export type FormErrorCode = keyof typeof FORM_ERRORS;

/** The message of `code` in `locale`, with `{placeholders}` filled from `params`. */
export function formErrorMessage(code: FormErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  return interpolate(FORM_ERRORS[code].message[locale], params);
}

/** The message of `code` in both languages, with placeholders filled (for DefinitionProblem). */
export function formErrorText(code: FormErrorCode, params: Record<string, unknown> = {}): LocalizedText {
  return { 'zh-CN': formErrorMessage(code, 'zh-CN', params), en: formErrorMessage(code, 'en', params) };
}

/**
 * The registry as a Markdown table (code, HTTP status, English message, Chinese message, fix),
 * for the runtime to include in docs/errors.md.
 */
export function formErrorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = (Object.keys(FORM_ERRORS) as FormErrorCode[]).map((code) => {
    const e: FormErrorInfo = FORM_ERRORS[code];
    return `| \`${code}\` | ${e.status} | ${esc(e.message.en)} | ${esc(e.message['zh-CN'])} | ${esc(e.fix)} |`;
  });
  return ['| Code | HTTP | Message | 中文 | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
