import type { Drill, ReportDefinition } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useIdOptions } from '../hooks/useIdOptions';
import { useReport } from '../hooks/useReport';
import { moveItem } from '../model/list-ops';
import { reportEdit } from '../store/edit';
import { SectionProblems } from './section-problems';

function withDrill(r: ReportDefinition, d: Drill): ReportDefinition {
  const { drill: _d, ...rest } = r;
  const path = d.path?.length ? d.path : undefined;
  return path || d.records ? { ...rest, drill: { ...(path ? { path } : {}), ...(d.records ? { records: true } : {}) } } : rest;
}

/** Drill-down: the ordered dimensions a click on the chart walks through, and "open the records" at the end. */
export function DrillSection() {
  const { t } = useTranslation();
  const { drill } = useReport();
  const { dimensions } = useIdOptions();
  const path = drill?.path ?? [];
  const label = (id: string) => dimensions.find((d) => d.value === id)?.label ?? id;
  const setPath = (next: string[]) => reportEdit.update((r) => withDrill(r, { ...r.drill, path: next }));
  const unused = dimensions.filter((d) => !path.includes(d.value));
  return (
    <section className="prop-section" data-section="drill" data-testid="report-drill">
      <div className="prop-section-title">{t('reports.settings.drill')}</div>
      <div className="prop-hint">{t('reports.settings.drillHint')}</div>
      <ol className="report-list report-drill-path">
        {path.map((id, i) => (
          <li key={id} data-testid={`drill-path-${i}`}>
            <span>{label(id)}</span>
            <code className="muted-code">{id}</code>
            <button type="button" className="btn btn-sm btn-ghost" disabled={i === 0} onClick={() => setPath(moveItem(path, i, i - 1))} data-testid={`drill-up-${i}`}>
              ↑
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setPath(path.filter((x) => x !== id))} data-testid={`drill-remove-${i}`}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <select className="input" value="" disabled={unused.length === 0} onChange={(e) => e.target.value && setPath([...path, e.target.value])} data-testid="drill-add">
        <option value="">+ {t('reports.settings.addDrill')}</option>
        {unused.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={!!drill?.records} onChange={(e) => reportEdit.update((r) => withDrill(r, { ...r.drill, records: e.target.checked }))} data-testid="drill-records" />
        {t('reports.settings.drillRecords')}
      </label>
      <SectionProblems section="drill" />
    </section>
  );
}
