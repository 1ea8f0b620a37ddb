import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** A mainland mobile number: a `tel` input with the numeric keypad, digits only, at most 11. */
export function PhoneWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName, placeholder, required, rawErrors } = props;
  return (
    <input
      id={id}
      name={htmlName || id}
      data-testid={testIdOf(id)}
      className="kf-input"
      type="tel"
      inputMode="numeric"
      autoComplete="tel-national"
            placeholder={placeholder || '1XXXXXXXXXX'}
      value={(value as string) ?? ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(e) => {
        let digits = e.target.value.replace(/\D/g, '');
        if (digits.length > 11 && digits.startsWith('86')) digits = digits.slice(2); // pasted +86 …
        digits = digits.slice(0, 11);
        onChange(digits === '' ? undefined : digits);
      }}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
