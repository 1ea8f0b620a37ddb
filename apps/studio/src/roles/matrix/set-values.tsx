import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { ProblemsAt } from '../common/problems-at';
import { useAppForms } from '../hooks/useAppForms';
import { useRole } from '../hooks/useRole';
import { setRows, setSetRows } from '../model/grant-ops';
import { roleEdit } from '../store/edit';

/** Suggested values of a `set` row. */
const VALUE_SUGGESTIONS = ['$user.record', '$user', '$user.email', '$user.phone'];

/**
 * The values the server sets on create for holders of the role (`set`): a small key / value
 * editor (`set-<form>`, rows `set-field-<form>-<i>` and `set-value-<form>-<i>`, `set-add-<form>`,
 * `set-remove-<form>-<i>`). Such fields are read-only to the holders.
 */
export function SetValues({ form }: { form: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useRole();
  const { forms } = useAppForms();
  const rows = setRows(role.forms[form]);
  const fields = (forms[form]?.fields ?? []).filter((f) => f.type !== 'subtable' && f.type !== 'formula' && f.type !== 'autonumber');
  const listId = `set-values-${form}`;
  const write = (next: { field: string; value: string }[], group?: string) =>
    group ? roleEdit.update((r) => setSetRows(r, form, next), group) : roleEdit.structural((r) => setSetRows(r, form, next));
  const change = (i: number, patch: Partial<{ field: string; value: string }>, group?: string) => write(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), group);
  const free = fields.find((f) => !rows.some((r) => r.field === f.key));
  return (
    <div className="role-set-values" data-testid={`set-${form}`} data-path={`/forms/${form}/set`} data-count={rows.length}>
      <div className="role-field-label">{t('roles.set.title')}</div>
      <p className="hint">{t('roles.set.hint')}</p>
      <datalist id={listId}>
        {VALUE_SUGGESTIONS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {rows.map((r, i) => (
        <div key={i} className="role-set-row">
          <select className="input" value={r.field} onChange={(e) => change(i, { field: e.target.value })} data-testid={`set-field-${form}-${i}`}>
            {!fields.some((f) => f.key === r.field) && <option value={r.field}>{r.field}</option>}
            {fields.map((f) => (
              <option key={f.key} value={f.key} disabled={f.key !== r.field && rows.some((x) => x.field === f.key)}>
                {pick(f.label, locale, f.key)} ({f.key})
              </option>
            ))}
          </select>
          <span className="role-self-eq">=</span>
          <input
            className="input" list={listId} value={r.value} placeholder="$user.record"
            onChange={(e) => change(i, { value: e.target.value }, `/forms/${form}/set/${i}`)} data-testid={`set-value-${form}-${i}`}
          />
          <button type="button" className="btn btn-ghost btn-sm btn-danger" onClick={() => write(rows.filter((_, j) => j !== i))} title={t('common.delete')} data-testid={`set-remove-${form}-${i}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-sm" disabled={!free} onClick={() => free && write([...rows, { field: free.key, value: '$user.record' }])} data-testid={`set-add-${form}`}>
        + {t('roles.set.add')}
      </button>
      <ProblemsAt path={`/forms/${form}/set`} within />
    </div>
  );
}
