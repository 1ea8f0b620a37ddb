import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PRESETS, splitRange } from '../../lib/dashboard-params';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
}

/**
 * A date range filter: the presets (`today` … `all`) and "custom", which shows two date inputs
 * (`<id>-from`, `<id>-to`) and applies `from..to` as soon as a day is picked.
 */
export function DateRangeFilter({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const range = splitRange(value);
  const [customOpen, setCustomOpen] = useState(false);
  const custom = !!range || customOpen;
  const from = range?.from ?? '';
  const to = range?.to ?? '';
  const setDay = (side: 'from' | 'to', day: string) => {
    const next = side === 'from' ? { from: day, to } : { from, to: day };
    if (next.from || next.to) onChange(`${next.from}..${next.to}`);
  };
  return (
    <div className="dash-range">
      <select
        className="input"
        id={id}
        data-testid={id}
        value={custom ? 'custom' : value}
        onChange={(e) => {
          const v = e.target.value;
          setCustomOpen(v === 'custom');
          if (v !== 'custom') onChange(v);
        }}
      >
        {value === '' && !custom && <option value="">—</option>}
        {DATE_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(`dateRange.${p}`)}
          </option>
        ))}
        <option value="custom">{t('dateRange.custom')}</option>
      </select>
      {custom && (
        <span className="dash-range-days">
          <input className="input" type="date" data-testid={`${id}-from`} aria-label={t('dateRange.from')} value={from} max={to || undefined} onChange={(e) => setDay('from', e.target.value)} />
          <span className="muted">–</span>
          <input className="input" type="date" data-testid={`${id}-to`} aria-label={t('dateRange.to')} value={to} min={from || undefined} onChange={(e) => setDay('to', e.target.value)} />
        </span>
      )}
    </div>
  );
}
