import { FILTER_OPS, type Filter } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { usePalette } from '../hooks/usePalette';
import { usePanelForm } from '../hooks/usePanelForm';
import { applyValue, toValues } from '../model/accessors';
import { filterAccessors } from '../model/element-accessors';
import { fixFilter } from '../model/fixups';
import { findField } from '../model/palette';
import { reportEdit } from '../store/edit';
import { bumpRevision } from '../store/report-ui';
import { FilterValue } from './connected-inputs';
import { fieldOptions, optionsOf, paramOptions } from './options';
import { PanelFrame } from './panel-frame';
import { useReport } from '../hooks/useReport';

const RESEEDING = new Set(['field', 'op', 'param']);

/** A dataset filter's properties: field, operator, and a value or a parameter it is bound to. */
export function FilterPanel({ filter, index }: { filter: Filter; index: number }) {
  const { t } = useTranslation();
  const palette = usePalette();
  const { params } = useReport();
  const form = usePanelForm(toValues(filter, filterAccessors), (name, value) => {
    reportEdit.update(
      (r) => {
        const filters = (r.dataset.filters ?? []).map((f, i) => {
          if (i !== index) return f;
          const next = applyValue(f, filterAccessors, name, value);
          return name === 'op' || name === 'field' ? fixFilter(next) : next;
        });
        return { ...r, dataset: { ...r.dataset, filters } };
      },
      `filter:${index}:${name}`,
    );
    if (RESEEDING.has(name)) bumpRevision();
  });
  return (
    <PanelFrame form={form} selection={{ kind: 'filter', id: String(index) }} title={t('reports.kinds.filter')}>
      <section className="prop-section">
        <div className="prop-grid">
          <PropField name="field" title={t('reports.props.field')} component={Select} props={{ options: fieldOptions(palette) }} />
          <PropField name="op" title={t('reports.props.op')} component={Select} props={{ options: optionsOf(FILTER_OPS, 'ops', t) }} />
          <PropField name="param" title={t('reports.props.bindParam')} hint={t('reports.props.bindParamHint')} component={Select} props={{ options: paramOptions(params), allowEmpty: true, emptyLabel: t('reports.props.literal') }} />
          {!filter.param && filter.op !== 'null' && filter.op !== 'notnull' && (
            <PropField name="value" title={t('reports.props.value')} component={FilterValue} props={{ op: filter.op, field: findField(palette, filter.field) }} />
          )}
        </div>
      </section>
    </PanelFrame>
  );
}
