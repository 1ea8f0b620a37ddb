import type { ChangeEvent } from 'react';
import {
  ariaDescribedByIds, enumOptionSelectedValue, enumOptionValueDecoder, enumOptionValueEncoder,
  getOptionValueFormat, type WidgetProps,
} from '@rjsf/utils';
import { testIdOf } from '../test-id';
import { kilnContext } from '../context';
import { msg } from '../messages';

function selected(e: ChangeEvent<HTMLSelectElement>, multiple: boolean): string | string[] {
  return multiple ? Array.from(e.target.selectedOptions).map((o) => o.value) : e.target.value;
}

/** A native `<select>` (single or multiple) with a localized placeholder and a `data-testid`. */
export function SelectWidget(props: WidgetProps) {
  const { schema, id, options, value, required, disabled, readonly, multiple = false, autofocus, onChange, onBlur, onFocus, placeholder, htmlName, registry } = props;
  const { enumOptions, enumDisabled, emptyValue } = options;
  // Kiln option values are plain strings: put them in the DOM as they are (tests select by value).
  const fmt = getOptionValueFormat({ ...options, optionValueFormat: options.optionValueFormat ?? 'realValue' });
  const { locale } = kilnContext(registry.formContext);
  const decode = (v: string | string[]) => enumOptionValueDecoder(v, enumOptions, fmt, emptyValue);
  const selectValue = enumOptionSelectedValue(value, enumOptions, multiple, fmt, multiple ? [] : '');
  return (
    <select
      id={id}
      name={htmlName || id}
      data-testid={testIdOf(id)}
      className="kf-input kf-select"
      multiple={multiple}
      value={selectValue as string | string[]}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      onChange={(e) => onChange(decode(selected(e, multiple)))}
      onBlur={(e) => onBlur(id, decode(selected(e, multiple)))}
      onFocus={(e) => onFocus(id, decode(selected(e, multiple)))}
      aria-describedby={ariaDescribedByIds(id)}
    >
      {!multiple && schema.default === undefined && <option value="">{placeholder || msg(locale, 'choose')}</option>}
      {(enumOptions ?? []).map(({ value: v, label }, i) => (
        <option key={String(v)} value={enumOptionValueEncoder(v, i, fmt)} disabled={enumDisabled?.includes(v)}>
          {label}
        </option>
      ))}
    </select>
  );
}
