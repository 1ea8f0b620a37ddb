import { DATE_RANGE_PRESETS, type Param } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';

interface Props {
  param: Pick<Param, 'key' | 'label' | 'type' | 'options' | 'default'>;
  /** The value typed, `''` for the parameter's default. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * One parameter value as a viewer picks it: a date-range preset or custom `from..to`, an
 * option, a number or text. Shared by the report preview and the dashboard's filter bar.
 */
export function ParamInput({ param, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = textOf(param.label, locale, param.key);
  const fallback = param.default === undefined || param.default === null ? '' : String(param.default);
  const shown = value || fallback;
  let control;
  if (param.type === 'date_range') {
    const custom = RANGE.exec(shown);
    control = (
      <>
        <select className="input" value={custom ? 'custom' : shown} onChange={(e) => onChange(e.target.value === 'custom' ? `${today()}..${today()}` : e.target.value)} data-testid={testId}>
          <option value="">—</option>
          {DATE_RANGE_PRESETS.map((p) => <option key={p} value={p}>{t(`reports.presets.${p}`)}</option>)}
          <option value="custom">{t('reports.presets.custom')}</option>
        </select>
        {custom && <input type="date" className="input" value={custom[1]} onChange={(e) => onChange(`${e.target.value}..${custom[2]}`)} data-testid={`${testId}-from`} />}
        {custom && <input type="date" className="input" value={custom[2]} onChange={(e) => onChange(`${custom[1]}..${e.target.value}`)} data-testid={`${testId}-to`} />}
      </>
    );
  } else if (param.type === 'select' || param.type === 'choice') {
    control = (
      <select className="input" value={shown} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {param.type === 'select' && <option value="">{t('reports.all')}</option>}
        {(param.options ?? []).map((o) => <option key={o.value} value={o.value}>{textOf(o.label, locale, o.value)}</option>)}
      </select>
    );
  } else {
    control = <input className="input" type={param.type === 'number' ? 'number' : 'text'} value={shown} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
  }
  return (
    <label className="inline-inputs report-param-input">
      <span>{label}</span>
      {control}
    </label>
  );
}

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
