import type { Locale } from '@kiln/engine-forms';

/**
 * The few strings the form widgets show themselves. Kept here (not in the host's i18next) so the
 * studio preview and the runtime pages render the same words without sharing an i18n instance.
 */
const MESSAGES = {
  'zh-CN': {
    submit: '提交',
    required: '必填',
    invalidFormat: '格式不正确',
    invalidPhone: '请输入 11 位手机号',
    invalidMoney: '请输入正确的金额（最多两位小数）',
    invalidEmail: '请输入正确的邮箱地址',
    addRow: '添加一行',
    removeRow: '删除',
    moveUp: '上移',
    moveDown: '下移',
    rowN: '第 {n} 行',
    search: '输入关键字搜索…',
    noResults: '没有匹配的结果',
    loading: '加载中…',
    remove: '移除',
    province: '省份',
    city: '城市',
    district: '区县',
    choose: '请选择',
    yes: '是',
    no: '否',
    fixErrors: '请修正标出的 {n} 处问题',
    formula: '由公式自动计算',
    formulaFailed: '无法计算公式',
  },
  en: {
    submit: 'Submit',
    required: 'Required',
    invalidFormat: 'Invalid format',
    invalidPhone: 'Enter an 11-digit mobile number',
    invalidMoney: 'Enter an amount with at most two decimals',
    invalidEmail: 'Enter a valid email address',
    addRow: 'Add row',
    removeRow: 'Remove',
    moveUp: 'Move up',
    moveDown: 'Move down',
    rowN: 'Row {n}',
    search: 'Type to search…',
    noResults: 'No matches',
    loading: 'Loading…',
    remove: 'Remove',
    province: 'Province',
    city: 'City',
    district: 'District',
    choose: 'Choose…',
    yes: 'Yes',
    no: 'No',
    fixErrors: 'Please fix the {n} highlighted problem(s)',
    formula: 'Computed by a formula',
    formulaFailed: 'Could not compute the formula',
  },
} as const;

/** A message id of the widget strings. @internal */
export type MessageId = keyof (typeof MESSAGES)['en'];

/** Returns the widget string `id` in `locale`, with `{name}` placeholders filled. @internal */
export function msg(locale: Locale, id: MessageId, vars?: Record<string, string | number>): string {
  let text: string = (MESSAGES[locale] ?? MESSAGES['zh-CN'])[id];
  for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
  return text;
}
