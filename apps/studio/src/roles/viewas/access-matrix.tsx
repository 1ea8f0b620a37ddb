import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { AccessPreview } from '../api/types';
import { useAppDrafts } from '../hooks/useAppDrafts';
import { useAppForms } from '../hooks/useAppForms';
import { GRANT_ACTIONS } from '../model/types';
import { GrantActionHeads } from '../matrix/grant-action-heads';

/**
 * A user's effective access (`viewas-access`): roles held (`viewas-roles`), `$user.record`
 * (`viewas-self`), then forms × actions (`viewas-form-<form>`, cells `viewas-<form>-<action>` with
 * `data-allowed`) with their hidden (`viewas-hidden-<form>`) and read-only (`viewas-readonly-<form>`)
 * fields, the flows they may start and the reports they may open.
 */
export function AccessMatrix({ access }: { access: AccessPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { forms, formKeys } = useAppForms();
  const { flows } = useAppDrafts();
  const keys = [...formKeys.filter((k) => access.forms[k]), ...Object.keys(access.forms).filter((k) => !formKeys.includes(k))];
  const fieldLabel = (form: string, key: string) => pick(forms[form]?.fields.find((f) => f.key === key)?.label, locale, key);
  const startable = Object.entries(access.flows ?? {}).filter(([, f]) => f.start).map(([k]) => k);
  return (
    <div className="role-viewas-access" data-testid="viewas-access">
      <div className="role-viewas-facts">
        <span>
          {t('roles.viewas.roles')}:{' '}
          <span data-testid="viewas-roles" data-roles={access.roles.join(',')}>
            {access.roles.length ? access.roles.map((r) => <code key={r} className="user-chip">{r}</code>) : <span className="muted">{t('roles.viewas.noRoles')}</span>}
          </span>
        </span>
        <span>
          <code>$user.record</code>:{' '}
          <strong data-testid="viewas-self" data-self={access.self ?? ''}>
            {access.self ?? <span className="muted">{t('roles.viewas.noSelf')}</span>}
          </strong>
        </span>
        {access.portal && <span className="badge">{t('roles.portal.promoter')}</span>}
      </div>
      {keys.length === 0 ? (
        <div className="page-empty">{t('roles.viewas.nothing')}</div>
      ) : (
        <table className="table role-matrix">
          <thead>
            <tr>
              <th>{t('roles.matrix.form')}</th>
              <GrantActionHeads />
              <th>{t('roles.fields.hidden')}</th>
              <th>{t('roles.fields.readonly')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const a = access.forms[k];
              return (
                <tr key={k} data-testid={`viewas-form-${k}`}>
                  <td>
                    {pick(forms[k]?.title, locale, k)} <code className="muted-code">{k}</code>
                  </td>
                  {GRANT_ACTIONS.map((x) => (
                    <td key={x} className={a[x] ? 'role-matrix-check is-yes' : 'role-matrix-check is-no'} data-testid={`viewas-${k}-${x}`} data-allowed={!!a[x]}>
                      {a[x] ? '✓' : '—'}
                    </td>
                  ))}
                  <td data-testid={`viewas-hidden-${k}`} data-fields={(a.hidden ?? []).join(',')}>
                    {(a.hidden ?? []).map((f) => fieldLabel(k, f)).join(', ') || <span className="muted">—</span>}
                  </td>
                  <td data-testid={`viewas-readonly-${k}`} data-fields={(a.readOnly ?? []).join(',')}>
                    {(a.readOnly ?? []).map((f) => fieldLabel(k, f)).join(', ') || <span className="muted">—</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="role-viewas-facts">
        <span data-testid="viewas-flows">
          {t('roles.flows.title')}: {startable.length ? startable.map((k) => pick(flows.find((f) => f.key === k)?.name, locale, k)).join(', ') : '—'}
        </span>
        <span data-testid="viewas-reports">
          {t('roles.reports.title')}: {access.reports === '*' ? t('roles.reports.all') : access.reports.length ? access.reports.join(', ') : '—'}
        </span>
      </div>
    </div>
  );
}
