import { AGGREGATES, DERIVED, VALUE_FORMATS, type Measure } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { Checkbox, Select, TextInput } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { useLocale } from '../../hooks/useLocale';
import { usePalette } from '../hooks/usePalette';
import { usePanelForm } from '../hooks/usePanelForm';
import { useReport } from '../hooks/useReport';
import { applyValue, toValues } from '../model/accessors';
import { measureText } from '../model/chip-text';
import { measureAccessors } from '../model/element-accessors';
import { fixMeasure, isDerived, isPair } from '../model/fixups';
import { findField } from '../model/palette';
import { reportEdit } from '../store/edit';
import { useReportStore } from '../store/report-store';
import { bumpRevision } from '../store/report-ui';
import { MeasureFilters } from './connected-inputs';
import { fieldOptions, measureOptions, optionsOf } from './options';
import { PanelFrame } from './panel-frame';
import { WhenFields } from './when-fields';

const RESEEDING = new Set(['agg', 'field', 'when-param']);

/**
 * A measure's properties: label, aggregate and field (or, derived, the measures it reads),
 * value format, conditional filters, when.
 */
export function MeasurePanel({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const palette = usePalette();
  const report = useReport();
  const id = measure.id;
  const form = usePanelForm(toValues(measure, measureAccessors(useReportStore.getState().doc)), (name, value) => {
    reportEdit.update(
      (r) => ({
        ...r,
        measures: r.measures.map((m) => {
          if (m.id !== id) return m;
          const next = applyValue(m, measureAccessors(r), name, value);
          return name === 'agg' || name === 'field' ? fixMeasure(next, palette, r.measures) : next;
        }),
      }),
      `${id}:${name}`,
    );
    if (RESEEDING.has(name)) bumpRevision();
  });
  const derived = isDerived(measure);
  const field = findField(palette, measure.field);
  const aggs = field ? AGGREGATES.filter((a) => (field.aggregates as readonly string[]).includes(a)) : AGGREGATES;
  const others = measureOptions(report.measures.filter((m) => m.id !== id), (m) => measureText(m, palette, t, locale));
  return (
    <PanelFrame form={form} selection={{ kind: 'measure', id }} title={t(derived ? 'reports.kinds.derived' : 'reports.kinds.measure')}>
      <section className="prop-section">
        <div className="prop-grid">
          <PropField name="label-zh" title={t('reports.props.labelZh')} component={TextInput} />
          <PropField name="label-en" title={t('reports.props.labelEn')} component={TextInput} />
          <PropField name="agg" title={t('reports.props.agg')} component={Select} props={{ options: optionsOf(derived ? DERIVED : [...aggs, ...DERIVED], 'aggs', t) }} />
          {!derived && (
            <PropField name="field" title={t('reports.props.field')} component={Select} props={{ options: fieldOptions(palette), allowEmpty: measure.agg === 'count', emptyLabel: t('reports.countRecords') }} />
          )}
          {isPair(measure) && <PropField name="num" title={t('reports.props.num')} component={Select} props={{ options: others }} />}
          {isPair(measure) && <PropField name="den" title={t('reports.props.den')} component={Select} props={{ options: others }} />}
          {measure.agg === 'ratio' && <PropField name="subtract" title={t('reports.props.subtract')} hint={t('reports.props.subtractHint')} component={Checkbox} />}
          {(measure.agg === 'share' || measure.agg === 'running') && <PropField name="of" title={t('reports.props.of')} component={Select} props={{ options: others }} />}
          <PropField name="format" title={t('reports.props.format')} component={Select} props={{ options: optionsOf(VALUE_FORMATS, 'formats', t), allowEmpty: true, emptyLabel: t('reports.props.auto') }} />
          <PropField name="hidden" title={t('reports.props.hidden')} hint={t('reports.props.hiddenHint')} component={Checkbox} />
        </div>
      </section>
      {!derived && (
        <section className="prop-section">
          <div className="prop-section-title">{t('reports.props.conditions')}</div>
          <PropField name="filters" title="" hint={t('reports.props.conditionsHint')} component={MeasureFilters} />
        </section>
      )}
      <WhenFields when={measure.when} />
    </PanelFrame>
  );
}
