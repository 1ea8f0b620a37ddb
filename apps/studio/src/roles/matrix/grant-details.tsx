import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { useAppForms } from '../hooks/useAppForms';
import { useProblemsAt } from '../hooks/useProblemsAt';
import { useRole } from '../hooks/useRole';
import { setWhere } from '../model/grant-ops';
import { PolicyChips } from '../policy/policy-chips';
import { PolicyEditor } from '../policy/policy-editor';
import { roleEdit } from '../store/edit';
import { FieldPolicies } from './field-policies';
import { SetValues } from './set-values';

/** The expanded matrix row of form `form` (`grant-details-<form>`): row policy, field policies, set values. */
export function GrantDetails({ form }: { form: string }) {
  const { t } = useTranslation();
  const role = useRole();
  const { forms } = useAppForms();
  const grant = role.forms[form];
  const path = ptr('forms', form, 'where');
  // The validator's problems of this policy the editor's own checks cannot see (e.g. `$user.record` without `self`).
  const extra = useProblemsAt(path);
  return (
    <div className="role-grant" data-testid={`grant-details-${form}`}>
      <div className="role-grant-policy">
        <div className="role-field-label">{t('roles.policy.title')}</div>
        <PolicyEditor
          value={grant?.where ?? ''} onChange={(text) => roleEdit.update((r) => setWhere(r, form, text), path)}
          form={form} forms={forms} selfForm={role.self?.form} extra={extra} path={path} testId={`policy-${form}`}
          placeholder={t('roles.policy.placeholder')} ariaLabel={t('roles.policy.aria', { form })}
          onUndo={roleEdit.undo} onRedo={roleEdit.redo}
        />
        <PolicyChips form={form} forms={forms} value={grant?.where ?? ''} onInsert={(text) => roleEdit.structural((r) => setWhere(r, form, text))} />
        <p className="hint">{t('roles.policy.hint')}</p>
      </div>
      <div className="role-grant-cols">
        <FieldPolicies form={form} />
        <SetValues form={form} />
      </div>
    </div>
  );
}
