import { useTranslation } from 'react-i18next';
import type { InputProps } from '../../designer/props/base-inputs';
import { CheckList } from '../../rules/common/check-list';
import { ROLE_LIST } from '../model/constants';
import { connectProp } from './connect-prop';
import { UserPicker } from './user-picker';

function UsersBase({ value, onChange, 'data-testid': testId }: InputProps<number[]>) {
  return <UserPicker value={value ?? []} onChange={(v) => onChange?.(v.length ? v : undefined)} testId={testId ?? 'users'} />;
}

function GroupsBase({ value, onChange, 'data-testid': testId }: InputProps<string[]>) {
  const { t } = useTranslation();
  return (
    <input
      className="input mono"
      defaultValue={(value ?? []).join(', ')}
      placeholder={t('flows.groupsPlaceholder')}
      onChange={(e) => {
        const list = e.target.value.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
        onChange?.(list.length ? list : undefined);
      }}
      data-testid={testId}
    />
  );
}

function RolesBase({ value, onChange, 'data-testid': testId }: InputProps<string[]>) {
  const { t } = useTranslation();
  return (
    <CheckList
      options={ROLE_LIST.map((r) => ({ value: r, label: t(`flows.roles.${r}`) }))}
      value={value ?? []}
      onChange={(v) => onChange?.(v.length ? v : undefined)}
      testIdPrefix={testId ?? 'roles'}
    />
  );
}

/** Users picked by search (value = user ids). */
export const UsersProp = connectProp(UsersBase);
/** Group keys as comma-separated text (value = keys). */
export const GroupsProp = connectProp(GroupsBase);
/** Platform roles as checkboxes (value = roles). */
export const RolesProp = connectProp(RolesBase);
