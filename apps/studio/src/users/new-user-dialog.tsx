import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/dialog';
import { ErrorText } from '../ui/error-text';
import { DialogFooter } from './form/dialog-footer';
import { LabeledField } from './form/labeled-field';
import { UserFields } from './form/user-fields';
import { EMPTY_DRAFT, useUserDraft } from './hooks/useUserDraft';
import { useUserSave } from './hooks/useUserSave';
import type { AdminUser, GroupCount } from './user-types';
import { usersApi } from './users-api';

interface Props {
  users: AdminUser[];
  knownGroups: GroupCount[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * "New user" (`user-new-dialog`): email, password, name, role, groups and manager;
 * `POST /api/users`. The server checks the input; what it refuses shows next to the field.
 */
export function NewUserDialog({ users, knownGroups, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const { draft, set } = useUserDraft(EMPTY_DRAFT);
  const save = useUserSave('create');
  const [groupsInvalid, setGroupsInvalid] = useState(false);

  const submit = async () => {
    if (groupsInvalid) return;
    const name = draft.displayName.trim();
    const ok = await save.run(() =>
      usersApi.create({
        email: draft.email.trim(),
        password: draft.password,
        role: draft.role,
        ...(name ? { displayName: name } : {}),
        groups: draft.groups,
        managerId: draft.managerId,
      }),
    );
    if (ok) onSaved();
  };

  return (
    <Dialog
      title={t('users.create')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="user-new-dialog"
      footer={<DialogFooter onCancel={onClose} canSave={!save.busy && !groupsInvalid} saveLabel={t('common.create')} />}
    >
      <LabeledField label={t('users.email')} htmlFor={`${ids}-email`} field="email" error={save.fields.email} code={save.code}>
        <input id={`${ids}-email`} type="text" inputMode="email" autoComplete="off" value={draft.email} onChange={(e) => set({ email: e.target.value })} data-testid="user-email" autoFocus />
      </LabeledField>
      <LabeledField label={t('users.password')} htmlFor={`${ids}-password`} field="password" error={save.fields.password} code={save.code} hint={t('users.passwordHint')}>
        <input id={`${ids}-password`} type="password" autoComplete="new-password" value={draft.password} onChange={(e) => set({ password: e.target.value })} data-testid="user-password" />
      </LabeledField>
      <UserFields draft={draft} set={set} save={save} users={users} knownGroups={knownGroups} onGroupsInvalid={setGroupsInvalid} />
      <ErrorText error={save.error} />
    </Dialog>
  );
}
