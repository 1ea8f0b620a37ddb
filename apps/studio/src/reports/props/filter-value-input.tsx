import type { FilterOp } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { isNumeric, type PaletteField } from '../model/palette';

interface Props {
  value?: unknown;
  onChange?: (value: unknown) => void;
  op: FilterOp;
  field: PaletteField | undefined;
  'data-testid'?: string;
}

/** Money is stored in fen and typed in yuan. */
const scaleOf = (f: PaletteField | undefined) => (f?.valueType === 'money' ? 100 : 1);

/** One typed value: a number (money in yuan), a date, yes / no, or text. */
function ScalarInput({ value, onChange, field, testId }: { value: unknown; onChange: (v: unknown) => void; field: PaletteField | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (field?.valueType === 'boolean') {
    return (
      <select className="input" value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')} data-testid={testId}>
        <option value="">—</option>
        <option value="true">{t('reports.yes')}</option>
        <option value="false">{t('reports.no')}</option>
      </select>
    );
  }
  if (isNumeric(field)) {
    const scale = scaleOf(field);
    return (
      <input
        type="number"
        className="input"
        step="any"
        value={typeof value === 'number' ? String(value / scale) : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Math.round(Number(e.target.value) * scale * 1e6) / 1e6)}
        data-testid={testId}
      />
    );
  }
  const date = field?.canBucket;
  return <input type={date ? 'date' : 'text'} className="input" value={value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid={testId} />;
}

/**
 * A filter's value shaped by its operator: nothing (empty / not empty), a list typed with
 * commas (in / not in), a pair (between: from, to), else one value typed by the field.
 */
export function FilterValueInput({ value, onChange, op, field, 'data-testid': testId }: Props) {
  const set = (v: unknown) => onChange?.(v);
  if (op === 'null' || op === 'notnull') return null;
  if (op === 'in' || op === 'nin') {
    const list = Array.isArray(value) ? value : [];
    const parse = (s: string) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean).map((x) => (isNumeric(field) ? Number(x) * scaleOf(field) : x));
    return <input className="input" defaultValue={list.map((x) => (typeof x === 'number' ? x / scaleOf(field) : String(x))).join(', ')} onChange={(e) => set(parse(e.target.value))} data-testid={testId} />;
  }
  if (op === 'between') {
    const [from, to] = Array.isArray(value) ? value : [];
    return (
      <span className="inline-inputs report-between">
        <ScalarInput value={from} field={field} onChange={(v) => set([v ?? '', to ?? ''])} testId={testId && `${testId}-from`} />
        <span>–</span>
        <ScalarInput value={to} field={field} onChange={(v) => set([from ?? '', v ?? ''])} testId={testId && `${testId}-to`} />
      </span>
    );
  }
  return <ScalarInput value={value} field={field} onChange={set} testId={testId} />;
}
