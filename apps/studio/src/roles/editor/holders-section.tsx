import { useTranslation } from 'react-i18next';
import { ProblemsAt } from '../common/problems-at';
import { useRole } from '../hooks/useRole';
import { setHolderGroups, setHolderRole } from '../model/holder-ops';
import { HOLDER_ROLES } from '../model/types';
import { roleEdit } from '../store/edit';
import { GroupsInput } from './groups-input';

/**
 * Who holds the role besides its explicit members: everyone with one of the chosen global roles
 * (`role-assign-<operator|builder|promoter>`), and the members of the chosen groups.
 */
export function HoldersSection() {
  const { t } = useTranslation();
  const role = useRole();
  const roles = role.assign?.roles ?? [];
  return (
    <section className="role-card" data-testid="role-holders" data-path="/assign">
      <div className="role-card-title">{t('roles.holders.title')}</div>
      <p className="hint role-card-hint">{t('roles.holders.hint')}</p>
      <div className="role-field">
        <span className="role-field-label">{t('roles.holders.globalRoles')}</span>
        <div className="role-checks">
          {HOLDER_ROLES.map((r) => (
            <label key={r} className="role-check">
              <input
                type="checkbox" checked={roles.includes(r)} data-testid={`role-assign-${r}`}
                onChange={(e) => roleEdit.structural((d) => setHolderRole(d, r, e.target.checked))}
              />
              {t(`roles.holders.roles.${r}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="role-field">
        <span className="role-field-label">{t('roles.holders.groups')}</span>
        <GroupsInput value={role.assign?.groups ?? []} onChange={(groups) => roleEdit.structural((d) => setHolderGroups(d, groups))} />
        <small className="hint">{t('roles.holders.groupsHint')}</small>
      </div>
      <ProblemsAt path="/assign" within />
    </section>
  );
}
