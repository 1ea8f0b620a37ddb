import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/dialog';
import { ErrorText } from '../ui/error-text';
import { DialogFooter } from './form/dialog-footer';
import { UserFields } from './form/user-fields';
import { draftOf, useUserDraft } from './hooks/useUserDraft';
import { useUserSave } from './hooks/useUserSave';
import { userLabel, type AdminUser, type GroupCount } from './user-types';
import { userPatch } from './user-patch';
import { usersApi } from './users-api';

interface Props {
  user: AdminUser;
  users: AdminUser[];
  knownGroups: GroupCount[];
  /** The signed-in admin is editing themselves: they may not disable themselves or change their role. */
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Edits one user (`user-edit-dialog`): name, role, groups, manager and the disabled flag;
 * `PATCH /api/users/{id}` with what changed. A manager that would make the chain loop is
 * refused by the server and shown under the manager field.
 */
export function EditUserDialog({ user, users, knownGroups, isSelf, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const { draft, set } = useUserDraft(draftOf(user));
  const save = useUserSave('edit');
  const [groupsInvalid, setGroupsInvalid] = useState(false);

  const submit = async () => {
    if (groupsInvalid) return;
    const patch = userPatch(user, draft);
    if (!Object.keys(patch).length) return onClose();
    if (await save.run(() => usersApi.update(user.id, patch))) onSaved();
  };

  return (
    <Dialog
      title={t('users.editTitle', { name: userLabel(user) })}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="user-edit-dialog"
      footer={<DialogFooter onCancel={onClose} canSave={!save.busy && !groupsInvalid} saveLabel={t('users.save')} />}
    >
      <div className="field">
        <span>{t('users.email')}</span>
        <code data-testid="user-edit-email">{user.email}</code>
      </div>
      <UserFields draft={draft} set={set} save={save} users={users} knownGroups={knownGroups} onGroupsInvalid={setGroupsInvalid} selfId={user.id} lockRole={isSelf} />
      <div className="field">
        <label className="user-check" htmlFor={`${ids}-disabled`}>
          <input
            id={`${ids}-disabled`}
            type="checkbox"
            checked={draft.disabled}
            disabled={isSelf}
            onChange={(e) => set({ disabled: e.target.checked })}
            data-testid="user-disabled"
          />
          <span>{t('users.disabled')}</span>
        </label>
        <small className="hint">{isSelf ? t('users.selfHint') : t('users.disabledHint')}</small>
      </div>
      <ErrorText error={save.error} />
    </Dialog>
  );
}
