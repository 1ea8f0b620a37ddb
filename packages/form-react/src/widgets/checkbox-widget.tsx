import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** A boolean as a labelled checkbox (the label sits beside the box, not above it). */
export function CheckboxWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, label, hideLabel, autofocus, onBlur, onFocus, onChange, htmlName, required } = props;
  return (
    <label className="kf-check">
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        data-testid={testIdOf(id)}
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={(e) => onBlur(id, e.target.checked)}
        onFocus={(e) => onFocus(id, e.target.checked)}
        aria-describedby={ariaDescribedByIds(id)}
      />
      {!hideLabel && (
        <span>
          {label}
          {required && <span className="kf-required">*</span>}
        </span>
      )}
    </label>
  );
}
