import type { FormDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { setAction, setAllActions, type MatrixRow as Row } from '../model/grant-ops';
import { GRANT_ACTIONS } from '../model/types';
import { roleEdit } from '../store/edit';
import { toggleExpanded } from '../store/role-ui';

interface Props {
  row: Row;
  /** The form's draft; undefined when the role grants on a form the app no longer has. */
  form: FormDefinition | undefined;
  open: boolean;
  /** Problems of this form's grant (a badge). */
  problems: number;
}

/** One form of the permission matrix: its actions, an "all" box, a summary of its policies and the expand toggle. */
export function MatrixRow({ row, form, open, problems }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = GRANT_ACTIONS.every((a) => row.actions[a]);
  const some = GRANT_ACTIONS.some((a) => row.actions[a]);
  return (
    <tr
      className={open ? 'role-matrix-row is-open' : 'role-matrix-row'} data-testid={`grant-row-${row.form}`} data-expanded={open}
      data-actions={GRANT_ACTIONS.filter((a) => row.actions[a]).join(',')} data-path={`/forms/${row.form}`}
    >
      <td>
        <button type="button" className="role-matrix-form" onClick={() => toggleExpanded(row.form)}>
          <strong>{pick(form?.title, locale, row.form)}</strong> <code className="muted-code">{row.form}</code>
        </button>
        {!form && <span className="badge badge-warn">{t('roles.matrix.unknownForm')}</span>}
      </td>
      {GRANT_ACTIONS.map((a) => (
        <td key={a} className="role-matrix-check">
          <input
            type="checkbox" checked={row.actions[a]} aria-label={`${row.form} ${t(`roles.actions.${a}`)}`} data-testid={`grant-${row.form}-${a}`}
            onChange={(e) => roleEdit.structural((r) => setAction(r, row.form, a, e.target.checked))}
          />
        </td>
      ))}
      <td className="role-matrix-check">
        <input
          type="checkbox" checked={all} aria-label={`${row.form} ${t('roles.matrix.all')}`} data-testid={`grant-${row.form}-all`}
          ref={(el) => {
            if (el) el.indeterminate = some && !all;
          }}
          onChange={(e) => roleEdit.structural((r) => setAllActions(r, row.form, e.target.checked))}
        />
      </td>
      <td className="role-matrix-summary">
        {row.where ? <code className="role-where-chip" title={row.where}>{row.where}</code> : <span className="muted">{some ? t('roles.matrix.allRows') : '—'}</span>}
        {row.hidden.length > 0 && <span className="badge">{t('roles.matrix.hiddenCount', { count: row.hidden.length })}</span>}
        {row.readonly.length > 0 && <span className="badge">{t('roles.matrix.readonlyCount', { count: row.readonly.length })}</span>}
        {row.set.length > 0 && <span className="badge">{t('roles.matrix.setCount', { count: row.set.length })}</span>}
        {problems > 0 && <span className="badge badge-warn">{problems}</span>}
      </td>
      <td className="row-actions">
        <button type="button" className="btn btn-sm" onClick={() => toggleExpanded(row.form)} aria-expanded={open} data-testid={`grant-expand-${row.form}`}>
          {open ? t('roles.matrix.collapse') : t('roles.matrix.expand')}
        </button>
      </td>
    </tr>
  );
}
