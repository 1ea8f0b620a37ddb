import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppForms } from '../hooks/useAppForms';
import { useProblems } from '../hooks/useProblems';
import { useRole } from '../hooks/useRole';
import { roleToMatrix } from '../model/grant-ops';
import { GRANT_ACTIONS } from '../model/types';
import { GrantActionHeads } from './grant-action-heads';
import { useRoleUi, type RoleUiState } from '../store/role-ui';
import { GrantDetails } from './grant-details';
import { MatrixRow } from './matrix-row';

const selectExpanded = (s: RoleUiState) => s.expanded;

/**
 * The permission matrix (`role-matrix`): one row per form of the app (`grant-row-<form>`), one
 * checkbox per action (`grant-<form>-<action>`); a row expands (`grant-expand-<form>`) to its
 * row policy, field policies and set values (`grant-details-<form>`).
 */
export function PermissionMatrix() {
  const { t } = useTranslation();
  const role = useRole();
  const { forms, formKeys } = useAppForms();
  const expanded = useRoleUi(selectExpanded);
  const problems = useProblems();
  const rows = useMemo(() => roleToMatrix(role, formKeys), [role, formKeys]);
  const problemCount = (form: string) => problems.filter((p) => p.path.startsWith(`/forms/${form}/`) || p.path === `/forms/${form}`).length;
  return (
    <section className="role-card" data-testid="role-matrix" data-path="/forms">
      <div className="role-card-title">{t('roles.matrix.title')}</div>
      <p className="hint role-card-hint">{t('roles.matrix.hint')}</p>
      {rows.length === 0 ? (
        <div className="muted pad">{t('roles.matrix.noForms')}</div>
      ) : (
        <table className="table role-matrix">
          <thead>
            <tr>
              <th>{t('roles.matrix.form')}</th>
              <GrantActionHeads />
              <th className="role-matrix-check">{t('roles.matrix.all')}</th>
              <th>{t('roles.matrix.policies')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const open = expanded.includes(row.form);
              return (
                <Fragment key={row.form}>
                  <MatrixRow row={row} form={forms[row.form]} open={open} problems={problemCount(row.form)} />
                  {open && (
                    <tr className="role-matrix-details">
                      <td colSpan={GRANT_ACTIONS.length + 4}>
                        <GrantDetails form={row.form} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
