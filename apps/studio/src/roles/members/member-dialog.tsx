import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserHit } from '../../api/types';
import { Dialog } from '../../ui/dialog';
import { ErrorText } from '../../ui/error-text';
import { rolesApi } from '../api/roles-api';
import type { AppMember } from '../api/types';
import { UserSearch } from '../common/user-search';

interface Props {
  app: string;
  /** The member being edited; undefined adds one. */
  member?: AppMember;
  /** Role keys to choose from. */
  roleKeys: string[];
  /** The current members: picking one of them starts from their roles. */
  existing: AppMember[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Adds a member (user search, then roles) or edits one's roles (`member-dialog`): `member-user`
 * picker, `member-role-<key>` checkboxes, `member-save`. Saving is `PUT /api/apps/{app}/members`.
 */
export function MemberDialog({ app, member, roleKeys, existing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [user, setUser] = useState<UserHit | null>(member ? { id: member.userId, email: member.email, displayName: member.displayName } : null);
  const [roles, setRoles] = useState<string[]>(member?.roles ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const keys = [...roleKeys, ...roles.filter((r) => !roleKeys.includes(r))];
  const ok = !!user && roles.length > 0;
  const pickUser = (u: UserHit | null) => {
    setUser(u);
    const known = u && existing.find((m) => m.userId === u.id);
    if (known) setRoles(known.roles);
  };
  const toggle = (key: string, on: boolean) => setRoles((cur) => (on ? [...cur, key] : cur.filter((r) => r !== key)));
  const submit = async () => {
    if (!ok || busy || !user) return;
    setBusy(true);
    setError(undefined);
    try {
      await rolesApi.putMember(app, { userId: user.id, roles });
      onSaved();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={member ? t('roles.members.editTitle', { name: member.displayName || member.email }) : t('roles.members.add')}
      onClose={onClose} onSubmit={() => void submit()} testId="member-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="member-save">
            {t('roles.members.save')}
          </button>
        </>
      }
    >
      <div className="field">
        <span>{t('roles.members.user')}</span>
        <UserSearch value={user} onChange={pickUser} testId="member-user" disabled={!!member} />
      </div>
      <div className="field">
        <span>{t('roles.members.roles')}</span>
        {keys.length === 0 && <small className="hint hint-bad">{t('roles.members.noRoles')}</small>}
        <div className="role-check-list">
          {keys.map((k) => (
            <label key={k} className="role-check">
              <input type="checkbox" checked={roles.includes(k)} onChange={(e) => toggle(k, e.target.checked)} data-testid={`member-role-${k}`} />
              <code>{k}</code>
            </label>
          ))}
        </div>
        <small className="hint">{t('roles.members.rolesHint')}</small>
      </div>
      <ErrorText error={error} />
    </Dialog>
  );
}
