import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** Multi-line text; grows with `ui:options.rows` (default 4). */
export function TextareaWidget(props: WidgetProps) {
  const { id, options, placeholder, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName } = props;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      data-testid={testIdOf(id)}
      className="kf-input kf-textarea"
      value={(value as string) ?? ''}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      rows={typeof options.rows === 'number' ? options.rows : 4}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
