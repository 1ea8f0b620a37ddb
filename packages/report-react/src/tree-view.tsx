import { levelCounts } from './levels';
import { msg, type ReportLocale } from './messages';
import { ChartView } from './chart-view';
import type { ReportResult } from '@kiln/engine-reports';
import type { ReportTheme } from './use-echarts';

interface Props {
  result: ReportResult;
  locale: ReportLocale;
  theme: ReportTheme;
  height: number | string;
}

/** A tree (e.g. a referral network): the server's ECharts tree option plus a per-level count list. @internal */
export function TreeView({ result, locale, theme, height }: Props) {
  const levels = levelCounts(result);
  return (
    <div className="kr-tree" style={{ height }}>
      <div className="kr-tree-chart">
        <ChartView result={result} locale={locale} theme={theme} height="100%" />
      </div>
      {levels.length > 0 && (
        <ul className="kr-levels" aria-label={msg(locale, 'levels')} data-testid="tree-levels">
          {levels.map((l) => (
            <li key={l.depth} data-testid={`tree-level-${l.depth}`}>
              <span className="kr-muted">{msg(locale, 'level', { n: l.depth })}</span>
              <strong>{l.count.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN')}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
