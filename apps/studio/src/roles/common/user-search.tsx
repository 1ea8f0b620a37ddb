import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserHit } from '../../api/types';
import { useUserHits } from '../../hooks/useUserHits';
import './user-search.css';

interface Props {
  value: UserHit | null;
  onChange: (user: UserHit | null) => void;
  /** Test ids: `<testId>` (wrapper, `data-user-id`), `-search`, `-option-<id>`, `-clear`. */
  testId: string;
  placeholder?: string;
  disabled?: boolean;
}

/** How a user reads in pickers: display name, else email. */
export function userText(u: Pick<UserHit, 'displayName' | 'email'>): string {
  return u.displayName || u.email;
}

/**
 * Picks one user by searching name or email (`GET /api/users/search`): the choice shows as a
 * chip (× clears it), matches as a list under the search box (a click picks).
 */
export function UserSearch({ value, onChange, testId, placeholder, disabled }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const { items, error } = useUserHits(q, open);
  if (value) {
    return (
      <div className="role-user-pick" data-testid={testId} data-user-id={value.id}>
        <span className="user-chip">
          {userText(value)} <span className="muted small">{value.email}</span>
          {!disabled && (
            <button type="button" aria-label={t('roles.users.clear')} onClick={() => onChange(null)} data-testid={`${testId}-clear`}>
              ×
            </button>
          )}
        </span>
      </div>
    );
  }
  return (
    <div className="role-user-pick" data-testid={testId} data-user-id="">
      <input
        className="input" type="search" value={q} disabled={disabled} placeholder={placeholder ?? t('roles.users.search')} autoComplete="off"
        onChange={(e) => setQ(e.target.value)} onFocus={() => setOpen(true)} onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        data-testid={`${testId}-search`}
      />
      {open && (
        <ul className="user-options" role="listbox">
          {error ? <li className="muted small">{t('roles.users.unavailable')}</li> : null}
          {!error && items.length === 0 && <li className="muted small">{t('roles.users.none')}</li>}
          {items.map((u) => (
            <li
              key={u.id} role="option" aria-selected={false}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                onChange(u);
                setQ('');
                setOpen(false);
              }}
              data-testid={`${testId}-option-${u.id}`}
            >
              <strong>{userText(u)}</strong> <span className="muted small">{u.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
