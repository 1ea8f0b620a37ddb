import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userLabel, useUserNames } from '../hooks/useUserNames';
import { useUserSearch } from '../hooks/useUserSearch';

interface Props {
  value: readonly number[];
  onChange: (next: number[]) => void;
  /** Test ids: `<testId>` (wrapper), `-search`, `-option-<user id>`, `-remove-<user id>`. */
  testId: string;
}

/**
 * Picks users by searching their name or email (`GET /api/users/search`): chosen users show as
 * chips (× removes), matches as a list under the search box (click adds).
 */
export function UserPicker({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const names = useUserNames();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const { items, error } = useUserSearch(q, open);
  const options = items.filter((u) => !value.includes(u.id));
  return (
    <div className="user-picker" data-testid={testId} data-users={value.join(',')}>
      <div className="chips">
        {value.map((id) => (
          <span key={id} className="chip" data-user-id={id}>
            {userLabel(names[id], id)}
            <button type="button" title={t('common.delete')} onClick={() => onChange(value.filter((x) => x !== id))} data-testid={`${testId}-remove-${id}`}>
              ×
            </button>
          </span>
        ))}
      </div>
      <input
        className="input"
        value={q}
        placeholder={t('flows.searchUsers')}
        onChange={(e) => setQ(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        data-testid={`${testId}-search`}
      />
      {open && (
        <ul className="user-options" role="listbox">
          {error ? <li className="muted small">{t('flows.usersUnavailable')}</li> : null}
          {!error && options.length === 0 && <li className="muted small">{t('flows.noUsers')}</li>}
          {options.map((u) => (
            <li
              key={u.id}
              role="option"
              aria-selected={false}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                onChange([...value, u.id]);
                setQ('');
              }}
              data-testid={`${testId}-option-${u.id}`}
            >
              <strong>{u.displayName || u.email}</strong> <span className="muted small">{u.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
