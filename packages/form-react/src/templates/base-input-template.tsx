import { useCallback, type ChangeEvent } from 'react';
import { ariaDescribedByIds, getInputProps, type BaseInputTemplateProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/**
 * The `<input>` behind text, email, number, date and date-time fields: rjsf's own template
 * plus a `data-testid` and mobile-friendly attributes.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride,
    options, schema, type, placeholder, required, rawErrors,
  } = props;
  const inputProps = getInputProps(schema, type, options);
  const isNumber = inputProps.type === 'number' || inputProps.type === 'integer';
  const inputValue = isNumber ? (value || value === 0 ? value : '') : (value ?? '');
  const handleChange = useCallback(
    ({ target: { value: v } }: ChangeEvent<HTMLInputElement>) => onChange(v === '' ? options.emptyValue : v),
    [onChange, options],
  );
  return (
    <input
      id={id}
      name={htmlName || id}
      data-testid={testIdOf(id)}
      className="kf-input"
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      required={required}
      aria-invalid={rawErrors?.length ? true : undefined}
      {...inputProps}
      inputMode={isNumber ? 'decimal' : undefined}
      value={inputValue as string | number}
      onChange={onChangeOverride || handleChange}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
      aria-describedby={ariaDescribedByIds(id, !!schema.examples)}
    />
  );
}
