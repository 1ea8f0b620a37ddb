import type { FieldDefinition } from '@kiln/engine-forms';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';

interface Props {
  field: FieldDefinition | undefined;
  value: unknown;
  onChange: (v: unknown) => void;
  testId: string;
}

/** A literal value for a record field, typed by the field: options of a select, yes/no, a number, or text. */
export function ResultValueInput({ field, value, onChange, testId }: Props) {
  const locale = useLocale();
  if (field?.type === 'select') {
    return (
      <select className="input" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">—</option>
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {pick(o.label, locale, o.value)}
          </option>
        ))}
      </select>
    );
  }
  if (field?.type === 'boolean') {
    return (
      <select className="input" value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onChange(e.target.value === '' ? '' : e.target.value === 'true')} data-testid={testId}>
        <option value="">—</option>
        <option value="true">✓ true</option>
        <option value="false">✗ false</option>
      </select>
    );
  }
  if (field?.type === 'number' || field?.type === 'money') {
    return (
      <input
        className="input"
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}
        data-testid={testId}
      />
    );
  }
  return <input className="input" value={typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value)} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}
