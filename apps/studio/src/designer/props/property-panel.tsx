import { createForm, onFieldInputValueChange } from '@formily/core';
import { FormProvider } from '@formily/react';
import { FIELD_TYPE_INFO, type FieldDefinition } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { FieldIcon } from '../canvas/field-icon';
import { useSelectedField } from '../hooks/useSelectedField';
import { typeLabel } from '../palette/field-type-label';
import { designer } from '../store/actions';
import { useDesignerUi } from '../store/ui-store';
import { Checkbox, TextInput } from './connected';
import { ConstraintsSection } from './constraints-section';
import { DEFAULTABLE, DefaultValueInput } from './default-value-input';
import { FormulaSection } from './formula-section';
import { OptionsEditor } from './options-editor';
import { applyPanelValue, toPanelValues } from './panel-values';
import { PropField } from './prop-field';

const selectRevision = (s: { revision: number }) => s.revision;

/** Properties of the selected field (formily form), or a hint when nothing is selected. */
export function PropertyPanel() {
  const { t } = useTranslation();
  const sel = useSelectedField();
  const revision = useDesignerUi(selectRevision);
  if (!sel) return <div className="prop-empty">{t('props.nothingSelected')}</div>;
  // Re-seed the formily form when another field is selected or undo/redo changed it.
  return <FieldProperties key={`${sel.field.id}:${revision}`} field={sel.field} inSubtable={sel.container !== null} />;
}

function FieldProperties({ field, inSubtable }: { field: FieldDefinition; inSubtable: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = field.id;
  const form = useMemo(
    () =>
      createForm({
        values: toPanelValues(field),
        effects() {
          onFieldInputValueChange('*', (f) => {
            const name = String(f.props.name);
            designer.updateField(id, (cur) => applyPanelValue(cur, name, f.value), `${id}:${name}`);
          });
        },
      }),
    // The form is seeded once per key (see PropertyPanel); later edits flow form → store.
    [],
  );
  const info = FIELD_TYPE_INFO[field.type];
  const hasPlaceholder = !['boolean', 'subtable', 'linkparam', 'autonumber', 'multiselect', 'formula'].includes(field.type);
  // Server-assigned values (autonumber, formula) are never typed in: no required, default or link parameter.
  const assigned = field.type === 'autonumber' || field.type === 'formula';
  const hasDefault = DEFAULTABLE.has(field.type);
  const hasLinkParam = (info?.scalar || field.type === 'linkparam') && field.type !== 'formula' && !inSubtable;

  return (
    <FormProvider form={form}>
      <div className="prop-panel" data-testid="prop-panel" data-field-key={field.key}>
        <div className="prop-type">
          <FieldIcon type={field.type} />
          <span>{typeLabel(field.type, locale)}</span>
          <code className="muted-code">{field.id}</code>
          {inSubtable && <span className="badge">{t('props.inSubtable')}</span>}
        </div>
        <section className="prop-section">
          <div className="prop-section-title">{t('props.basic')}</div>
          <div className="prop-grid">
            <PropField name="label-zh" title={t('props.labelZh')} component={TextInput} />
            <PropField name="label-en" title={t('props.labelEn')} component={TextInput} />
            <PropField name="key" title={t('props.key')} hint={t('props.keyHint')} component={TextInput} />
            <PropField name="description-zh" title={t('props.descriptionZh')} component={TextInput} />
            <PropField name="description-en" title={t('props.descriptionEn')} component={TextInput} />
            {hasPlaceholder && <PropField name="placeholder-zh" title={t('props.placeholderZh')} component={TextInput} />}
            {hasPlaceholder && <PropField name="placeholder-en" title={t('props.placeholderEn')} component={TextInput} />}
            {!assigned && field.type !== 'linkparam' && (
              <PropField name="required" title={t('props.required')} component={Checkbox} />
            )}
            {info?.supportsUnique && !inSubtable && <PropField name="unique" title={t('props.unique')} hint={t('props.uniqueHint')} component={Checkbox} />}
          </div>
        </section>
        {(field.type === 'select' || field.type === 'multiselect') && (
          <section className="prop-section">
            <div className="prop-section-title">{t('props.options')}</div>
            <PropField name="options" title="" component={OptionsEditor} />
          </section>
        )}
        <FormulaSection field={field} />
        <ConstraintsSection field={field} />
        {(hasDefault || hasLinkParam) && (
          <section className="prop-section">
            <div className="prop-section-title">{t('props.valueSource')}</div>
            <div className="prop-grid">
              {hasDefault && <PropField name="default" title={t('props.default')} component={DefaultValueInput} />}
              {hasLinkParam && (
                <PropField name="link-param" title={t('props.linkParam')} hint={t('props.linkParamHint')} component={TextInput} props={{ emptyAsUndefined: true }} />
              )}
            </div>
          </section>
        )}
      </div>
    </FormProvider>
  );
}
