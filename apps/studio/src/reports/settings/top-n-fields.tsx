import type { ReportDefinition, TopN } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useIdOptions } from '../hooks/useIdOptions';
import { useReport } from '../hooks/useReport';
import { reportEdit } from '../store/edit';

function withTopN(r: ReportDefinition, topN: TopN | undefined): ReportDefinition {
  const { topN: _t, ...rest } = r;
  return topN ? { ...rest, topN } : rest;
}

/** Top-N: keep the first N groups of the first dimension by a measure; the rest become "others". */
export function TopNFields() {
  const { t } = useTranslation();
  const { topN } = useReport();
  const { measures } = useIdOptions();
  const set = (p: Partial<TopN> | null) =>
    reportEdit.update((r) => withTopN(r, p === null ? undefined : { n: 10, by: measures[0]?.value ?? '', ...r.topN, ...p }), 'topN');
  return (
    <div className="report-topn">
      <label className="check">
        <input type="checkbox" checked={!!topN} disabled={!topN && measures.length === 0} onChange={(e) => set(e.target.checked ? {} : null)} data-testid="topn-on" />
        {t('reports.settings.topN')}
      </label>
      {topN && (
        <div className="inline-inputs report-row">
          <input type="number" min={1} className="input" value={topN.n} onChange={(e) => set({ n: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} data-testid="topn-n" />
          <select className="input report-grow" value={topN.by} onChange={(e) => set({ by: e.target.value })} data-testid="topn-by">
            {measures.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" checked={!!topN.others} onChange={(e) => set({ others: e.target.checked || undefined })} data-testid="topn-others" />
            {t('reports.settings.others')}
          </label>
        </div>
      )}
    </div>
  );
}
