import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDraft } from '../hooks/useUserDraft';
import type { UserSaveState } from '../hooks/useUserSave';
import { USER_ROLES, type AdminUser, type GroupCount, type UserRole } from '../user-types';
import { GroupChipsInput } from './group-chips-input';
import { LabeledField } from './labeled-field';
import { ManagerSelect } from './manager-select';

interface Props {
  draft: UserDraft;
  set: (patch: Partial<UserDraft>) => void;
  save: UserSaveState;
  users: AdminUser[];
  knownGroups: GroupCount[];
  onGroupsInvalid: (invalid: boolean) => void;
  /** The user being edited (not offered as their own manager). */
  selfId?: number;
  /** The signed-in admin edits themselves: the role stays as it is. */
  lockRole?: boolean;
}

/** The fields both user dialogs share: display name, role, groups and manager. */
export function UserFields({ draft, set, save, users, knownGroups, onGroupsInvalid, selfId, lockRole }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const err = save.fields;
  return (
    <>
      <LabeledField label={t('users.name')} htmlFor={`${ids}-name`} field="displayName" error={err.displayName} code={save.code}>
        <input
          id={`${ids}-name`}
          value={draft.displayName}
          maxLength={100}
          placeholder={t('users.namePlaceholder')}
          onChange={(e) => set({ displayName: e.target.value })}
          data-testid="user-name"
        />
      </LabeledField>
      <LabeledField label={t('users.role')} htmlFor={`${ids}-role`} field="role" error={err.role} code={save.code} hint={lockRole ? t('users.selfHint') : undefined}>
        <select id={`${ids}-role`} value={draft.role} disabled={lockRole} onChange={(e) => set({ role: e.target.value as UserRole })} data-testid="user-role">
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`users.roles.${r}`)}
            </option>
          ))}
        </select>
      </LabeledField>
      <LabeledField label={t('users.groups')} htmlFor={`${ids}-groups`} field="groups" error={err.groups} code={save.code} hint={t('users.groupsHint')}>
        <GroupChipsInput inputId={`${ids}-groups`} value={draft.groups} onChange={(groups) => set({ groups })} known={knownGroups} onInvalidChange={onGroupsInvalid} />
      </LabeledField>
      <LabeledField label={t('users.manager')} htmlFor={`${ids}-manager`} field="managerId" error={err.managerId} code={save.code} hint={t('users.managerHint')}>
        <ManagerSelect inputId={`${ids}-manager`} users={users} selfId={selfId} value={draft.managerId} onChange={(managerId) => set({ managerId })} />
      </LabeledField>
    </>
  );
}
