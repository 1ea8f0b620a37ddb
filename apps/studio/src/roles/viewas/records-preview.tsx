import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import { pick } from '../../ui/localized';
import { rolesApi } from '../api/roles-api';
import type { AccessPreview } from '../api/types';
import { useAppForms } from '../hooks/useAppForms';
import { cellText, cellValue, previewColumns } from './columns';

/**
 * The first 20 records of a form as the user sees them (`X-Kiln-View-As`): form picker
 * (`viewas-form`), table `viewas-records` (`data-state` loading | ok | error, `data-count`),
 * columns `viewas-col-<field>` (hidden fields are absent), rows `viewas-row-<id>`, cells
 * `viewas-cell-<id>-<field>` (`data-value`).
 */
export function RecordsPreview({ app, userId, access }: { app: string; userId: number; access: AccessPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { forms, formKeys } = useAppForms();
  const readable = formKeys.filter((k) => access.forms[k]?.read);
  const [form, setForm] = useState(readable[0] ?? formKeys[0] ?? '');
  const records = useAsync(() => (form ? rolesApi.recordsAs(app, form, userId) : Promise.resolve({ items: [] })), [app, form, userId]);
  const items = records.data?.items ?? [];
  const columns = useMemo(() => previewColumns(forms[form], items, access.forms[form]?.hidden ?? []), [forms, form, items, access]);
  const state = records.loading ? 'loading' : records.error ? 'error' : 'ok';
  return (
    <div className="role-viewas-records">
      <div className="role-viewas-bar">
        <span className="role-field-label">{t('roles.viewas.records')}</span>
        <select className="input" value={form} onChange={(e) => setForm(e.target.value)} data-testid="viewas-form">
          {formKeys.map((k) => (
            <option key={k} value={k}>
              {pick(forms[k]?.title, locale, k)} ({k}){access.forms[k]?.read ? '' : ` — ${t('roles.viewas.noRead')}`}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-sm" onClick={records.reload} data-testid="viewas-reload">
          {t('roles.viewas.reload')}
        </button>
      </div>
      <ErrorText error={records.error} />
      <div className="role-viewas-table">
        <table className="table" data-testid="viewas-records" data-state={state} data-count={items.length} data-form={form}>
          <thead>
            <tr>
              <th>id</th>
              {columns.map((c) => (
                <th key={c.key} data-testid={`viewas-col-${c.key}`}>
                  {c.field ? pick(c.field.label, locale, c.key) : c.key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={String(r.id)} data-testid={`viewas-row-${r.id}`}>
                <td>
                  <code>{String(r.id)}</code>
                </td>
                {columns.map((c) => (
                  <td key={c.key} data-testid={`viewas-cell-${r.id}-${c.key}`} data-value={cellValue(r[c.key])}>
                    {cellText(r[c.key], c.field, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {state === 'ok' && items.length === 0 && <div className="page-empty">{t('roles.viewas.noRecords')}</div>}
      </div>
    </div>
  );
}
