import {
  enumOptionsDeselectValue, enumOptionsIsSelected, enumOptionsSelectValue, type WidgetProps,
} from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** A multi-select as a group of checkboxes; each box is `field-<key>-<optionValue>`. */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, disabled, options, value, readonly, onChange } = props;
  const { enumOptions, enumDisabled } = options;
  const values: unknown[] = Array.isArray(value) ? value : [];
  return (
    <div className="kf-checks" id={id} data-testid={testIdOf(id)} role="group">
      {(enumOptions ?? []).map((option, index) => (
        <label key={String(option.value)} className="kf-check">
          <input
            type="checkbox"
            data-testid={testIdOf(id, String(option.value))}
            checked={enumOptionsIsSelected(option.value, values)}
            disabled={disabled || readonly || enumDisabled?.includes(option.value)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? enumOptionsSelectValue(index, values, enumOptions)
                  : enumOptionsDeselectValue(index, values, enumOptions),
              )
            }
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
