import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { kilnContext } from '../context';
import { formatFormulaValue } from '../format-value';
import { topLevelKey } from '../formula-preview';
import { msg } from '../messages';
import { ID_SEPARATOR, testIdOf } from '../test-id';

/**
 * A formula field: read-only text of the value formatted by `ui:options.resultType`, marked
 * "ƒx". While the host computes formulas (KilnForm's `computeFormulas`) it shows the computed
 * value instead of the given one, and the computation's error for this field under it
 * (`field-<key>-formula-error`). The value element is `field-<key>`; `—` when empty.
 */
export function FormulaWidget(props: WidgetProps) {
  const { id, value, options, registry } = props;
  const { locale, formulas } = kilnContext(registry.formContext);
  const key = topLevelKey(id, ID_SEPARATOR);
  const computed = formulas.enabled && key !== undefined && Object.hasOwn(formulas.values, key);
  const shown = computed ? formulas.values[key] : value;
  const error = formulas.enabled && key !== undefined ? formulas.errors[key] : undefined;
  const scale = typeof options.scale === 'number' ? options.scale : undefined;
  const text = formatFormulaValue(shown, options.resultType, locale, scale);
  return (
    <div className="kf-formula-wrap">
      <div className={`kf-input kf-formula${formulas.enabled && formulas.pending ? ' kf-formula-pending' : ''}`} title={msg(locale, 'formula')}>
        <span className="kf-formula-mark" aria-hidden="true">
          ƒx
        </span>
        <output
          id={id}
          className="kf-formula-value"
          data-testid={testIdOf(id)}
          data-empty={text === '' ? true : undefined}
          aria-busy={formulas.enabled && formulas.pending ? true : undefined}
          aria-describedby={ariaDescribedByIds(id)}
        >
          {text === '' ? '—' : text}
        </output>
      </div>
      {error ? (
        <div className="kf-hint kf-hint-error" role="alert" data-testid={testIdOf(id, 'formula-error')}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
