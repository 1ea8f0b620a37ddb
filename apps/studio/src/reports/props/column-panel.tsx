import { AGGREGATES, VALUE_FORMATS, type DatasetColumn } from '@kiln/engine-reports';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Select, TextInput } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';
import { usePanelForm } from '../hooks/usePanelForm';
import { applyValue, toValues } from '../model/accessors';
import { fixColumn } from '../model/column-ops';
import { columnAccessors } from '../model/element-accessors';
import { reportEdit } from '../store/edit';
import { bumpRevision } from '../store/report-ui';
import { optionsOf } from './options';
import { PanelFrame } from './panel-frame';

/**
 * A computed column's properties (its palette path is `$<id>`): an expression over the row,
 * or a roll-up of another form's records that point at the row through a relation field.
 */
export function ColumnPanel({ column }: { column: DatasetColumn }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const id = column.id;
  const formOptions = useMemo(() => Object.entries(forms).map(([key, f]) => ({ value: key, label: `${pick(f.title, locale, key)} (${key})` })), [forms, locale]);
  const form = usePanelForm(toValues(column, columnAccessors), (name, value) => {
    reportEdit.update((r) => {
      const columns = (r.dataset.columns ?? []).map((c) => {
        if (c.id !== id) return c;
        const next = applyValue(c, columnAccessors, name, value);
        return name === 'kind' ? fixColumn(next) : next;
      });
      return { ...r, dataset: { ...r.dataset, columns } };
    }, `column:${id}:${name}`);
    if (name === 'kind' || name === 'form') bumpRevision();
  });
  const target = column.kind === 'rollup' ? forms[column.form] : undefined;
  const fieldsOf = (types?: string[]) => (target?.fields ?? []).filter((f) => !types || types.includes(f.type)).map((f) => ({ value: f.key, label: `${pick(f.label, locale, f.key)} (${f.key})` }));
  return (
    <PanelFrame form={form} selection={{ kind: 'column', id }} title={t('reports.kinds.column')}>
      <section className="prop-section">
        <div className="prop-grid">
          <PropField name="label-zh" title={t('reports.props.labelZh')} component={TextInput} />
          <PropField name="label-en" title={t('reports.props.labelEn')} component={TextInput} />
          <PropField name="kind" title={t('reports.props.columnKind')} component={Select} props={{ options: optionsOf(['expr', 'rollup'], 'columnKinds', t) }} />
          {column.kind === 'expr' && <PropField name="expr" title={t('reports.props.expr')} hint={t('reports.props.exprHint')} component={TextInput} />}
          {column.kind === 'rollup' && <PropField name="form" title={t('reports.props.rollupForm')} component={Select} props={{ options: formOptions }} />}
          {column.kind === 'rollup' && <PropField name="via" title={t('reports.props.via')} hint={t('reports.props.viaHint')} component={Select} props={{ options: fieldsOf(['relation']) }} />}
          {column.kind === 'rollup' && <PropField name="agg" title={t('reports.props.agg')} component={Select} props={{ options: optionsOf(AGGREGATES, 'aggs', t) }} />}
          {column.kind === 'rollup' && <PropField name="field" title={t('reports.props.field')} component={Select} props={{ options: fieldsOf(), allowEmpty: true }} />}
          <PropField name="format" title={t('reports.props.format')} component={Select} props={{ options: optionsOf(VALUE_FORMATS, 'formats', t), allowEmpty: true, emptyLabel: t('reports.props.auto') }} />
        </div>
      </section>
    </PanelFrame>
  );
}
