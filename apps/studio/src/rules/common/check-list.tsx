import type { ReactNode } from 'react';

interface Props {
  options: readonly { value: string; label: ReactNode }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Each checkbox gets `<testIdPrefix>-<value>`. */
  testIdPrefix: string;
  empty?: ReactNode;
}

/** A multi-select as a row of checkboxes (keeps the options' order in the value). */
export function CheckList({ options, value, onChange, testIdPrefix, empty }: Props) {
  if (options.length === 0) return <span className="muted small">{empty}</span>;
  const toggle = (v: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(v);
    else set.delete(v);
    onChange(options.map((o) => o.value).filter((x) => set.has(x)));
  };
  return (
    <div className="rule-checks" data-testid={testIdPrefix}>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-testid={`${testIdPrefix}-${o.value}`} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
