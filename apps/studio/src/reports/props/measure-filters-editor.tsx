import { FILTER_OPS, type Filter, type FilterOp } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { usePalette } from '../hooks/usePalette';
import { useReport } from '../hooks/useReport';
import { bindParam } from '../model/element-accessors';
import { fixFilter } from '../model/fixups';
import { findField } from '../model/palette';
import { FilterValueInput } from './filter-value-input';
import { paramOptions } from './options';

interface Props {
  value?: readonly Filter[];
  onChange?: (value: Filter[]) => void;
  'data-testid'?: string;
}

/**
 * A measure's conditional filters (e.g. count of *paid* orders): rows of field, operator, and a
 * value or a parameter. Ids: `<p>-add`, `<p>-field-<i>`, `<p>-op-<i>`, `<p>-value-<i>`,
 * `<p>-param-<i>`, `<p>-remove-<i>` with `<p>` = `prop-filters`.
 */
export function MeasureFiltersEditor({ value, onChange, 'data-testid': p = 'prop-filters' }: Props) {
  const { t } = useTranslation();
  const palette = usePalette();
  const { params } = useReport();
  const rows = value ?? [];
  const set = (next: Filter[]) => onChange?.(next);
  const patch = (i: number, fn: (f: Filter) => Filter) => set(rows.map((f, j) => (j === i ? fn(f) : f)));
  return (
    <div className="report-filter-rows" data-testid={p}>
      {rows.map((f, i) => (
        <div className="report-filter-row" key={i}>
          <select className="input" value={f.field} onChange={(e) => patch(i, (x) => ({ ...x, field: e.target.value }))} data-testid={`${p}-field-${i}`}>
            {palette.map((x) => (
              <option key={x.path} value={x.path}>
                {x.label}
              </option>
            ))}
          </select>
          <select className="input" value={f.op} onChange={(e) => patch(i, (x) => fixFilter({ ...x, op: e.target.value as FilterOp }))} data-testid={`${p}-op-${i}`}>
            {FILTER_OPS.map((op) => (
              <option key={op} value={op}>
                {t(`reports.ops.${op}`)}
              </option>
            ))}
          </select>
          {!f.param && <FilterValueInput value={f.value} op={f.op} field={findField(palette, f.field)} onChange={(v) => patch(i, (x) => ({ ...x, value: v }))} data-testid={`${p}-value-${i}`} />}
          <select className="input" value={f.param ?? ''} onChange={(e) => patch(i, (x) => bindParam(x, e.target.value))} data-testid={`${p}-param-${i}`}>
            <option value="">{t('reports.props.literal')}</option>
            {paramOptions(params).map((o) => (
              <option key={o.value} value={o.value}>
                {`{${o.label}}`}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => set(rows.filter((_, j) => j !== i))} data-testid={`${p}-remove-${i}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-sm" disabled={palette.length === 0} onClick={() => set([...rows, { field: palette[0].path, op: 'notnull' }])} data-testid={`${p}-add`}>
        + {t('reports.props.addCondition')}
      </button>
    </div>
  );
}
