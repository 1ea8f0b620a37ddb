import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { InputProps } from '../../designer/props/base-inputs';
import { useFlowFields } from '../hooks/useFlowFields';
import { connectProp } from './connect-prop';

/**
 * A checklist of the flow form's fields (which fields an approver sees / may edit): test ids
 * `<id>-<field key>`. Unchecking every field stores nothing (the default).
 */
function FieldChecklistBase({ value, onChange, 'data-testid': testId }: InputProps<string[]>) {
  const locale = useLocale();
  const fields = useFlowFields();
  const cur = value ?? [];
  const toggle = (key: string, on: boolean) => {
    const set = new Set(cur);
    if (on) set.add(key);
    else set.delete(key);
    const next = fields.map((f) => f.key).filter((k) => set.has(k));
    onChange?.(next.length ? next : undefined);
  };
  return (
    <div className="check-list field-checklist" data-testid={testId}>
      {fields.map((f) => (
        <label key={f.key} className="check">
          <input type="checkbox" checked={cur.includes(f.key)} onChange={(e) => toggle(f.key, e.target.checked)} data-testid={`${testId}-${f.key}`} />
          {pick(f.label, locale, f.key)} <code className="muted-code">{f.key}</code>
        </label>
      ))}
    </div>
  );
}

/** The formily-connected field checklist (value = field keys). */
export const FieldChecklist = connectProp(FieldChecklistBase);
