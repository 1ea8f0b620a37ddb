import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupCount } from '../user-types';

interface Props {
  id: string;
  matches: GroupCount[];
  active: number;
  onPick: (key: string) => void;
}

// Pressing an option must not blur the input: the blur would turn the half-typed text into a chip.
const keepFocus = (e: MouseEvent) => e.preventDefault();

/** The known groups matching what is typed (`user-group-suggestion-<key>`), with how many use each. */
export function GroupSuggestions({ id, matches, active, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="user-chip-suggestions" id={id} role="listbox" data-testid="user-groups-suggestions">
      {matches.map((g, i) => (
        <li
          key={g.key}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'is-active' : undefined}
          onMouseDown={keepFocus}
          onClick={() => onPick(g.key)}
          data-testid={`user-group-suggestion-${g.key}`}
        >
          <span>{g.key}</span>
          <span className="muted small">{t('users.groupUsers', { count: g.users })}</span>
        </li>
      ))}
    </ul>
  );
}
