import type { FieldDefinition } from '@kiln/engine-forms';
import type { ReportDefinition, Visual } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';
import { useReport } from '../hooks/useReport';
import { paramOptions } from '../props/options';
import { reportEdit } from '../store/edit';

type Tree = NonNullable<Visual['tree']>;

function withVisual(r: ReportDefinition, patch: Partial<Visual>): ReportDefinition {
  const visual = { ...r.visual, ...patch } as Record<string, unknown>;
  for (const k of Object.keys(patch)) if (visual[k] === undefined) delete visual[k];
  return { ...r, visual: visual as unknown as Visual };
}

const setVisual = (patch: Partial<Visual>, group?: string) => reportEdit.update((r) => withVisual(r, patch), group);

/** Options of the chosen visual: smoothing (line, area), compare period (KPI), parent / label / root / depth (tree). */
export function VisualOptions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const forms = useForms();
  const { visual, params } = report;
  const fields: readonly FieldDefinition[] = forms[report.dataset.form]?.fields ?? [];
  const label = (f: FieldDefinition) => `${pick(f.label, locale, f.key)} (${f.key})`;
  if (visual.type === 'line' || visual.type === 'area') {
    return (
      <label className="check report-visual-options">
        <input type="checkbox" checked={!!visual.smooth} onChange={(e) => setVisual({ smooth: e.target.checked || undefined })} data-testid="visual-smooth" />
        {t('reports.visualOpts.smooth')}
      </label>
    );
  }
  if (visual.type === 'kpi') {
    return (
      <label className="inline-inputs report-visual-options">
        <span>{t('reports.visualOpts.compare')}</span>
        <select className="input" value={visual.compare?.param ?? ''} onChange={(e) => setVisual({ compare: e.target.value ? { param: e.target.value } : undefined })} data-testid="visual-compare">
          <option value="">{t('reports.visualOpts.noCompare')}</option>
          {paramOptions(params, ['date_range']).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (visual.type !== 'tree') return null;
  const tree: Tree = visual.tree ?? { parent: '', label: '', root: '' };
  const setTree = (p: Partial<Tree>, group?: string) => setVisual({ tree: { ...tree, ...p } }, group);
  const parents = fields.filter((f) => f.type === 'relation' && (f as { target?: string }).target === report.dataset.form);
  return (
    <div className="inline-inputs report-visual-options report-tree-options">
      <span>{t('reports.visualOpts.parent')}</span>
      <select className="input" value={tree.parent} onChange={(e) => setTree({ parent: e.target.value })} data-testid="visual-tree-parent">
        <option value="">—</option>
        {parents.map((f) => <option key={f.key} value={f.key}>{label(f)}</option>)}
      </select>
      <span>{t('reports.visualOpts.label')}</span>
      <select className="input" value={tree.label} onChange={(e) => setTree({ label: e.target.value })} data-testid="visual-tree-label">
        <option value="">—</option>
        {fields.filter((f) => f.type !== 'subtable').map((f) => <option key={f.key} value={f.key}>{label(f)}</option>)}
      </select>
      <span>{t('reports.visualOpts.root')}</span>
      <select className="input" value={tree.root} onChange={(e) => setTree({ root: e.target.value })} data-testid="visual-tree-root">
        <option value="">—</option>
        {paramOptions(params).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <span>{t('reports.visualOpts.depth')}</span>
      <input type="number" min={1} className="input" value={tree.depth ?? ''} onChange={(e) => setTree({ depth: e.target.value ? Math.max(1, Math.floor(Number(e.target.value))) : undefined }, 'tree-depth')} data-testid="visual-tree-depth" />
    </div>
  );
}
