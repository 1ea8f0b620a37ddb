import { useEffect, useState } from 'react';
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { parseYuan } from '@kiln/engine-forms';
import { testIdOf } from '../test-id';
import { kilnContext } from '../context';
import { msg } from '../messages';

/** Integer fen → the yuan text an input shows (`12345` → `123.45`), without going through floats. */
export function fenToInput(fen: unknown): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Money: the user types yuan (`12.5`), the form value is integer fen (`1250`), parsed by
 * engine-forms' `parseYuan` so no float rounding ever happens. Text that is not an amount keeps
 * the value empty and shows a hint under the input.
 */
export function MoneyWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, htmlName, placeholder, required, registry, rawErrors } = props;
  const { locale } = kilnContext(registry.formContext);
  const [text, setText] = useState(() => fenToInput(value));
  // Follow outside changes (reset, loaded record) unless the text already means that value.
  useEffect(() => {
    const current = text.trim() === '' ? undefined : parseYuan(text);
    if (current !== (typeof value === 'number' ? value : undefined)) setText(fenToInput(value));
  }, [value]);
  const parsed = text.trim() === '' ? undefined : parseYuan(text);
  const invalid = parsed === null;
  return (
    <div className="kf-money">
      <span className="kf-money-prefix" aria-hidden="true">¥</span>
      <input
        id={id}
        name={htmlName || id}
        data-testid={testIdOf(id)}
        className="kf-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder || '0.00'}
        value={text}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        aria-invalid={invalid || rawErrors?.length ? true : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const fen = t.trim() === '' ? undefined : parseYuan(t);
          onChange(fen ?? undefined);
        }}
        onBlur={() => {
          if (typeof parsed === 'number') setText(fenToInput(parsed));
          onBlur(id, parsed ?? undefined);
        }}
        onFocus={() => onFocus(id, value)}
        aria-describedby={ariaDescribedByIds(id)}
      />
      {invalid && (
        <div className="kf-hint kf-hint-error" data-testid={testIdOf(id, 'invalid')}>
          {msg(locale, 'invalidMoney')}
        </div>
      )}
    </div>
  );
}
