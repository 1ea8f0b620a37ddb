import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroupEntry } from '../../users/hooks/useGroupEntry';
import { useGroupSuggestions } from '../../users/hooks/useGroupSuggestions';

const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();

/**
 * Groups whose members hold the role, as chips plus a text input with the groups in use as
 * suggestions (`GET /api/groups`); the typing works as in the users page's groups input.
 * Test ids: `role-groups`, `role-groups-input`, `role-group-<key>`, `role-group-remove-<key>`,
 * `role-group-suggestion-<key>`.
 */
export function GroupsInput({ value, onChange }: { value: string[]; onChange: (groups: string[]) => void }) {
  const { t } = useTranslation();
  const known = useGroupSuggestions(0);
  const entry = useGroupEntry(value, onChange, known);
  const listId = useId();
  const showList = entry.open && entry.matches.length > 0;
  return (
    <div className="user-chip-input">
      <div className="user-chip-box" data-testid="role-groups" data-groups={value.join(',')}>
        {value.map((g) => (
          <span key={g} className="user-chip" data-testid={`role-group-${g}`}>
            {g}
            <button type="button" aria-label={t('roles.holders.removeGroup', { key: g })} onClick={() => entry.remove(g)} data-testid={`role-group-remove-${g}`}>
              ×
            </button>
          </span>
        ))}
        <input
          className="user-chip-text"
          value={entry.text}
          placeholder={value.length ? '' : t('roles.holders.groupsPlaceholder')}
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-label={t('roles.holders.groups')}
          aria-invalid={entry.invalid !== undefined}
          onChange={(e) => entry.onText(e.target.value)}
          onKeyDown={entry.onKeyDown}
          onFocus={entry.onFocus}
          onBlur={entry.onBlur}
          data-testid="role-groups-input"
        />
      </div>
      {showList && (
        <ul className="user-chip-suggestions" id={listId} role="listbox">
          {entry.matches.map((g, i) => (
            <li
              key={g.key} role="option" aria-selected={i === entry.active} className={i === entry.active ? 'is-active' : undefined}
              onMouseDown={keepFocus} onClick={() => entry.add(g.key)} data-testid={`role-group-suggestion-${g.key}`}
            >
              <span>{g.key}</span>
              <span className="muted small">{t('roles.holders.groupUsers', { count: g.users })}</span>
            </li>
          ))}
        </ul>
      )}
      {entry.invalid !== undefined && <small className="hint hint-bad">{t('roles.holders.groupInvalid', { key: entry.invalid })}</small>}
    </div>
  );
}
