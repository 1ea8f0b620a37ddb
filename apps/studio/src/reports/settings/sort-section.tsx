import type { ReportDefinition, SortKey } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useIdOptions } from '../hooks/useIdOptions';
import { useReport } from '../hooks/useReport';
import { reportEdit } from '../store/edit';
import { SectionProblems } from './section-problems';
import { TopNFields } from './top-n-fields';

function withSort(r: ReportDefinition, sort: SortKey[]): ReportDefinition {
  const { sort: _s, ...rest } = r;
  return sort.length ? { ...rest, sort } : rest;
}

function withLimit(r: ReportDefinition, raw: string): ReportDefinition {
  const { limit: _l, ...rest } = r;
  const n = Math.floor(Number(raw));
  return raw !== '' && n > 0 ? { ...rest, limit: n } : rest;
}

/** Sort keys (dimension or measure, descending), row limit and top-N with "others". */
export function SortSection() {
  const { t } = useTranslation();
  const report = useReport();
  const { dimensions, measures } = useIdOptions();
  const sort = report.sort ?? [];
  const options = [...dimensions, ...measures];
  const patch = (i: number, p: Partial<SortKey>) => reportEdit.update((r) => withSort(r, sort.map((k, j) => (j === i ? { ...k, ...p } : k))));
  return (
    <section className="prop-section" data-section="sort" data-testid="report-sort">
      <div className="prop-section-title">{t('reports.settings.sort')}</div>
      <div className="prop-grid">
        {sort.map((k, i) => (
          <div className="inline-inputs report-row" key={i}>
            <select className="input report-grow" value={k.by} onChange={(e) => patch(i, { by: e.target.value })} data-testid={`sort-by-${i}`}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <label className="check">
              <input type="checkbox" checked={!!k.desc} onChange={(e) => patch(i, { desc: e.target.checked || undefined })} data-testid={`sort-desc-${i}`} />
              {t('reports.settings.desc')}
            </label>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => reportEdit.update((r) => withSort(r, sort.filter((_, j) => j !== i)))} data-testid={`sort-remove-${i}`}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-sm report-start" disabled={options.length === 0} onClick={() => reportEdit.update((r) => withSort(r, [...sort, { by: options[0].value, desc: true }]))} data-testid="sort-add">
          + {t('reports.settings.addSort')}
        </button>
        <label className="prop-item">
          <span className="prop-label">{t('reports.settings.limit')}</span>
          <input type="number" min={1} className="input" value={report.limit ?? ''} onChange={(e) => reportEdit.update((r) => withLimit(r, e.target.value), 'limit')} data-testid="report-limit" />
        </label>
        <TopNFields />
      </div>
      <SectionProblems section="sort" />
    </section>
  );
}
