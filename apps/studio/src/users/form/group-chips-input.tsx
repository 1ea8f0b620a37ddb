import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroupEntry } from '../hooks/useGroupEntry';
import type { GroupCount } from '../user-types';
import { GroupSuggestions } from './group-suggestions';

interface Props {
  value: string[];
  onChange: (groups: string[]) => void;
  /** Groups in use, suggested as the user types. */
  known: GroupCount[];
  /** Told whether the input holds text that cannot become a group (the dialog then may not save). */
  onInvalidChange: (invalid: boolean) => void;
  /** Labels the input (the field's `<label htmlFor>`). */
  inputId: string;
}

/**
 * Groups / positions (岗位) as removable chips plus an input for more: free text, or one of the
 * known groups picked from the suggestions (`user-groups-input`, `user-group-<key>`).
 */
export function GroupChipsInput({ value, onChange, known, onInvalidChange, inputId }: Props) {
  const { t } = useTranslation();
  const entry = useGroupEntry(value, onChange, known);
  const listId = useId();
  const invalid = entry.invalid;
  useEffect(() => onInvalidChange(invalid !== undefined), [invalid, onInvalidChange]);
  const showList = entry.open && entry.matches.length > 0;

  return (
    <div className="user-chip-input">
      <div className="user-chip-box" data-testid="user-groups">
        {value.map((g) => (
          <span key={g} className="user-chip" data-testid={`user-group-${g}`}>
            {g}
            <button type="button" aria-label={t('users.removeGroup', { key: g })} onClick={() => entry.remove(g)} data-testid={`user-group-remove-${g}`}>
              ×
            </button>
          </span>
        ))}
        <input
          id={inputId}
          className="user-chip-text"
          value={entry.text}
          placeholder={value.length ? '' : t('users.groupsPlaceholder')}
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-invalid={invalid !== undefined}
          onChange={(e) => entry.onText(e.target.value)}
          onKeyDown={entry.onKeyDown}
          onFocus={entry.onFocus}
          onBlur={entry.onBlur}
          data-testid="user-groups-input"
        />
      </div>
      {showList && <GroupSuggestions id={listId} matches={entry.matches} active={entry.active} onPick={entry.add} />}
      {invalid !== undefined && (
        <small className="hint hint-bad" data-testid="user-groups-invalid">
          {t('users.groupInvalid', { key: invalid })}
        </small>
      )}
    </div>
  );
}
