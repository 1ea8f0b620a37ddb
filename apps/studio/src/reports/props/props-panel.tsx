import { useTranslation } from 'react-i18next';
import { useReport } from '../hooks/useReport';
import { useSelected } from '../hooks/useSelected';
import { useReportUi, type ReportUiState } from '../store/report-ui';
import { ColumnPanel } from './column-panel';
import { DimensionPanel } from './dimension-panel';
import { FilterPanel } from './filter-panel';
import { MeasurePanel } from './measure-panel';
import { ParamPanel } from './param-panel';

const selectRevision = (s: ReportUiState) => s.revision;

/** The properties of the selected chip, parameter or computed column (re-seeded on undo / redo), or a hint. */
export function PropsPanel() {
  const { t } = useTranslation();
  const sel = useSelected();
  const report = useReport();
  const revision = useReportUi(selectRevision);
  const empty = <div className="prop-empty" data-testid="report-prop-empty">{t('reports.nothingSelected')}</div>;
  if (!sel) return empty;
  const key = `${sel.kind}:${sel.id}:${revision}`;
  switch (sel.kind) {
    case 'dimension': {
      const dim = report.dimensions.find((d) => d.id === sel.id);
      return dim ? <DimensionPanel key={key} dim={dim} /> : empty;
    }
    case 'measure': {
      const m = report.measures.find((x) => x.id === sel.id);
      return m ? <MeasurePanel key={key} measure={m} /> : empty;
    }
    case 'filter': {
      const f = report.dataset.filters?.[Number(sel.id)];
      return f ? <FilterPanel key={key} filter={f} index={Number(sel.id)} /> : empty;
    }
    case 'param': {
      const i = report.params?.findIndex((p) => p.key === sel.id) ?? -1;
      // Keyed by position: renaming the key while typing keeps the panel (and the focus).
      return i >= 0 ? <ParamPanel key={`param:${i}:${revision}`} param={report.params![i]} index={i} /> : empty;
    }
    case 'column': {
      const c = report.dataset.columns?.find((x) => x.id === sel.id);
      return c ? <ColumnPanel key={key} column={c} /> : empty;
    }
  }
}
