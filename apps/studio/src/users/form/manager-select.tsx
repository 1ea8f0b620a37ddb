import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useManagerOptions } from '../hooks/useManagerOptions';
import { userLabel, type AdminUser } from '../user-types';

interface Props {
  users: AdminUser[];
  /** The user being edited (left out of the choices); none for a new user. */
  selfId?: number;
  value: number | null;
  onChange: (managerId: number | null) => void;
  /** Labels the `<select>` (the field's `<label htmlFor>`). */
  inputId: string;
}

function optionText(u: AdminUser, disabledMark: string): string {
  const name = userLabel(u);
  const withEmail = name === u.email ? name : `${name} <${u.email}>`;
  return u.disabled ? `${withEmail} (${disabledMark})` : withEmail;
}

/**
 * Picks a user's manager: a filter box (`user-manager-search`) over a `<select>`
 * (`user-manager-select`, option values are user ids, `""` for none).
 */
export function ManagerSelect({ users, selfId, value, onChange, inputId }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const options = useManagerOptions(users, selfId, query, value);
  return (
    <div className="user-manager-pick">
      <input
        className="input"
        type="search"
        value={query}
        placeholder={t('users.managerSearch')}
        aria-label={t('users.managerSearch')}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="user-manager-search"
      />
      <select
        id={inputId}
        className="input"
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        data-testid="user-manager-select"
      >
        <option value="">{t('users.managerNone')}</option>
        {options.map((u) => (
          <option key={u.id} value={String(u.id)}>
            {optionText(u, t('users.inactive'))}
          </option>
        ))}
      </select>
    </div>
  );
}
