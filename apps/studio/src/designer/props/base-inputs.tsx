import type { ReactNode } from 'react';

/** Props formily passes to a connected input (after mapProps). */
export interface InputProps<T> {
  value?: T;
  onChange?: (value: T | undefined) => void;
  disabled?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** A one-line text input; empty text is reported as `undefined` when `emptyAsUndefined`. */
export function TextInputBase({ value, onChange, emptyAsUndefined, ...rest }: InputProps<string> & { emptyAsUndefined?: boolean }) {
  return (
    <input
      type="text"
      className="input"
      value={value ?? ''}
      onChange={(e) => onChange?.(emptyAsUndefined && e.target.value === '' ? undefined : e.target.value)}
      {...rest}
    />
  );
}

/** A multi-line text input. */
export function TextAreaBase({ value, onChange, ...rest }: InputProps<string>) {
  return <textarea className="input" rows={2} value={value ?? ''} onChange={(e) => onChange?.(e.target.value)} {...rest} />;
}

/** A number input; empty means `undefined`. `scale` converts (e.g. 100 → yuan shown, fen stored). */
export function NumberInputBase({ value, onChange, scale = 1, step, ...rest }: InputProps<number> & { scale?: number; step?: number }) {
  const shown = typeof value === 'number' ? String(value / scale) : '';
  return (
    <input
      type="number"
      className="input"
      step={step ?? 'any'}
      value={shown}
      onChange={(e) => {
        const raw = e.target.value;
        if (raw === '') return onChange?.(undefined);
        const n = Number(raw);
        if (Number.isFinite(n)) onChange?.(Math.round(n * scale * 1e6) / 1e6);
      }}
      {...rest}
    />
  );
}

/** A checkbox; unchecked is reported as `undefined` so the definition stays minimal. */
export function CheckboxBase({ value, onChange, label, ...rest }: InputProps<boolean> & { label?: ReactNode }) {
  return (
    <label className="check">
      <input type="checkbox" checked={!!value} onChange={(e) => onChange?.(e.target.checked ? true : undefined)} {...rest} />
      {label}
    </label>
  );
}

/** A `<select>`; the empty choice reports `undefined`. */
export function SelectBase({
  value,
  onChange,
  options,
  allowEmpty,
  emptyLabel,
  ...rest
}: InputProps<string> & { options: { value: string; label: string }[]; allowEmpty?: boolean; emptyLabel?: string }) {
  return (
    <select className="input" value={value ?? ''} onChange={(e) => onChange?.(e.target.value === '' ? undefined : e.target.value)} {...rest}>
      {(allowEmpty || value === undefined) && <option value="">{emptyLabel ?? '—'}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A date or date-time bound: `date` keeps `YYYY-MM-DD`; `datetime` stores ISO (UTC), edits local time. */
export function DateBoundBase({ value, onChange, withTime, ...rest }: InputProps<string> & { withTime?: boolean }) {
  const shown = withTime ? toLocalInput(value) : (value ?? '');
  return (
    <input
      type={withTime ? 'datetime-local' : 'date'}
      className="input"
      value={shown}
      onChange={(e) => {
        const v = e.target.value;
        if (!v) return onChange?.(undefined);
        onChange?.(withTime ? new Date(v).toISOString() : v);
      }}
      {...rest}
    />
  );
}

function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
