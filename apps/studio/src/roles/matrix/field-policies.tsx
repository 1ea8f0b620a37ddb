import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useAppForms } from '../hooks/useAppForms';
import { useRole } from '../hooks/useRole';
import { setFieldAccess } from '../model/grant-ops';
import { FIELD_ACCESS, type FieldAccess } from '../model/types';
import { roleEdit } from '../store/edit';

/**
 * Per field of form `form`, a select visible / read-only / hidden (`field-access-<form>-<field>`);
 * policies on fields the form no longer has are listed too, so they can be cleared.
 */
export function FieldPolicies({ form }: { form: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useRole();
  const { forms } = useAppForms();
  const policies = role.forms[form]?.fields ?? {};
  const fields = forms[form]?.fields ?? [];
  const known = new Set(fields.map((f) => f.key));
  const rows = [...fields.map((f) => ({ key: f.key, label: pick(f.label, locale, f.key) })), ...Object.keys(policies).filter((k) => !known.has(k)).map((k) => ({ key: k, label: k }))];
  return (
    <div className="role-field-policies" data-testid={`field-policies-${form}`} data-path={`/forms/${form}/fields`}>
      <div className="role-field-label">{t('roles.fields.title')}</div>
      <table className="table role-mini-table">
        <tbody>
          {rows.map((f) => (
            <tr key={f.key} data-testid={`field-policy-${form}-${f.key}`} data-access={policies[f.key] ?? 'visible'}>
              <td>
                {f.label} <code className="muted-code">{f.key}</code>
                {!known.has(f.key) && <span className="badge badge-warn">{t('roles.fields.unknown')}</span>}
              </td>
              <td className="role-mini-select">
                <select
                  className="input" value={policies[f.key] ?? 'visible'} data-testid={`field-access-${form}-${f.key}`}
                  onChange={(e) => roleEdit.structural((r) => setFieldAccess(r, form, f.key, e.target.value as FieldAccess | 'visible'))}
                >
                  <option value="visible">{t('roles.fields.visible')}</option>
                  {FIELD_ACCESS.map((a) => (
                    <option key={a} value={a}>
                      {t(`roles.fields.${a}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
