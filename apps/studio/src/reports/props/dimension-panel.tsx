import { REGION_LEVELS, TIME_BUCKETS, type Dimension } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { Select, TextInput } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { usePalette } from '../hooks/usePalette';
import { usePanelForm } from '../hooks/usePanelForm';
import { applyValue, toValues } from '../model/accessors';
import { dimensionAccessors } from '../model/element-accessors';
import { fixDimension } from '../model/fixups';
import { findField } from '../model/palette';
import { reportEdit } from '../store/edit';
import { useReportStore } from '../store/report-store';
import { bumpRevision } from '../store/report-ui';
import { fieldOptions, optionsOf } from './options';
import { PanelFrame } from './panel-frame';
import { WhenFields } from './when-fields';

/** Properties that change which other properties show: the panel re-seeds after them. */
const RESEEDING = new Set(['field', 'when-param']);

/** A dimension's properties: label, field, time bucket (dates) or region level (regions), when. */
export function DimensionPanel({ dim }: { dim: Dimension }) {
  const { t } = useTranslation();
  const palette = usePalette();
  const id = dim.id;
  const form = usePanelForm(toValues(dim, dimensionAccessors(useReportStore.getState().doc)), (name, value) => {
    reportEdit.update(
      (r) => ({
        ...r,
        dimensions: r.dimensions.map((d) => {
          if (d.id !== id) return d;
          const next = applyValue(d, dimensionAccessors(r), name, value);
          return name === 'field' ? fixDimension(next, palette) : next;
        }),
      }),
      `${id}:${name}`,
    );
    if (RESEEDING.has(name)) bumpRevision();
  });
  const field = findField(palette, dim.field);
  return (
    <PanelFrame form={form} selection={{ kind: 'dimension', id }} title={t('reports.kinds.dimension')}>
      <section className="prop-section">
        <div className="prop-grid">
          <PropField name="label-zh" title={t('reports.props.labelZh')} component={TextInput} />
          <PropField name="label-en" title={t('reports.props.labelEn')} component={TextInput} />
          <PropField name="field" title={t('reports.props.field')} component={Select} props={{ options: fieldOptions(palette) }} />
          {field?.canBucket && <PropField name="bucket" title={t('reports.props.bucket')} component={Select} props={{ options: optionsOf(TIME_BUCKETS, 'buckets', t) }} />}
          {field?.canLevel && <PropField name="level" title={t('reports.props.level')} component={Select} props={{ options: optionsOf(REGION_LEVELS, 'levels', t) }} />}
        </div>
      </section>
      <WhenFields when={dim.when} />
    </PanelFrame>
  );
}
