import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../../designer/props/base-inputs';
import { DURATION_UNITS, splitDuration, toIso, type DurationUnit } from '../model/duration';
import { connectProp } from './connect-prop';

/**
 * A duration as a number and a unit (minutes, hours, days), stored as ISO 8601 (`2` + hours →
 * `PT2H`). Test ids `<id>-n` and `<id>-unit` on the wrapper's id. An empty number clears it.
 */
export function DurationInputBase({ value, onChange, 'data-testid': testId, disabled }: InputProps<string>) {
  const { t } = useTranslation();
  const parsed = splitDuration(value);
  const [n, setN] = useState(parsed ? String(parsed.n) : '');
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? 'h');
  // Follow outside changes (undo, another node) but not the echo of the user's own typing.
  useEffect(() => {
    const mine = n !== '' && toIso(Math.floor(Number(n)), unit) === value;
    if (mine) return;
    const p = splitDuration(value);
    setN(p ? String(p.n) : '');
    if (p) setUnit(p.unit);
    // `n` and `unit` are read, not followed: only a new `value` re-syncs.
  }, [value]);
  const emit = (nextN: string, nextUnit: DurationUnit) => {
    const num = Math.floor(Number(nextN));
    onChange?.(nextN === '' || !Number.isFinite(num) || num <= 0 ? undefined : toIso(num, nextUnit));
  };
  return (
    <span className="duration-input" data-testid={testId}>
      <input
        className="input"
        type="number"
        min={1}
        step={1}
        value={n}
        disabled={disabled}
        onChange={(e) => {
          setN(e.target.value);
          emit(e.target.value, unit);
        }}
        data-testid={testId ? `${testId}-n` : undefined}
      />
      <select
        className="input"
        value={unit}
        disabled={disabled}
        onChange={(e) => {
          const u = e.target.value as DurationUnit;
          setUnit(u);
          emit(n, u);
        }}
        data-testid={testId ? `${testId}-unit` : undefined}
      >
        {DURATION_UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`flows.units.${u}`)}
          </option>
        ))}
      </select>
      {value && <code className="muted-code">{value}</code>}
    </span>
  );
}

/** The formily-connected duration picker (test id `prop-<name>`, parts `prop-<name>-n` / `-unit`). */
export const DurationInput = connectProp(DurationInputBase);
