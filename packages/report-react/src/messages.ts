/** The two UI languages of Kiln. */
export type ReportLocale = 'zh-CN' | 'en';

/**
 * The few strings ReportView shows itself. Kept here (not in a host's i18next) so the studio
 * preview and the runtime dashboards render the same words without sharing an i18n instance.
 */
const MESSAGES = {
  'zh-CN': {
    noData: '暂无数据',
    noDataHint: '当前筛选条件下没有数据',
    total: '合计',
    previous: '上期 {value}',
    noPrevious: '上期无数据',
    level: '第 {n} 级',
    levels: '各级人数',
    drill: '点击查看明细',
    truncated: '仅显示前 {n} 组',
  },
  en: {
    noData: 'No data',
    noDataHint: 'Nothing matches the current filters',
    total: 'Total',
    previous: 'Previous {value}',
    noPrevious: 'No previous data',
    level: 'Level {n}',
    levels: 'Per level',
    drill: 'Click to drill down',
    truncated: 'Showing the first {n} groups',
  },
} as const;

/** A message id of the ReportView strings. @internal */
export type MessageId = keyof (typeof MESSAGES)['en'];

/** Returns the string `id` in `locale`, with `{name}` placeholders filled. @internal */
export function msg(locale: ReportLocale, id: MessageId, vars?: Record<string, string | number>): string {
  let text: string = (MESSAGES[locale] ?? MESSAGES['zh-CN'])[id];
  for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
  return text;
}
