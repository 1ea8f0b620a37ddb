import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

/** A user as `/api/users/search` answers. */
export interface FoundUser {
  id: number;
  email: string;
  displayName?: string | null;
}

/** How a picked user is named in the UI: display name, else email. */
export const userLabel = (u: FoundUser) => u.displayName || u.email;

const DEBOUNCE_MS = 250;

/**
 * Searches users by name or email as the person types (`user-picker-search`) and lists up to 20
 * (`user-picker-option-<id>`); the picked one shows as `user-picker-selected`. `exclude` hides
 * users who make no sense here (the task's own assignee).
 */
export function UserPicker({ value, onChange, exclude = [] }: { value?: FoundUser; onChange(u: FoundUser | undefined): void; exclude?: readonly number[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<FoundUser[] | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      api<{ items: FoundUser[] }>(`/api/users/search?q=${encodeURIComponent(q.trim())}`, { signal: ctrl.signal }).then(
        (r) => {
          setItems(r.items);
          setFailed(false);
        },
        (e: unknown) => {
          if ((e as Error).name !== 'AbortError') setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const shown = items?.filter((u) => !exclude.includes(u.id));
  return (
    <div className="user-picker" data-testid="user-picker">
      {value && (
        <div className="user-picker-selected" data-testid="user-picker-selected" data-user-id={value.id}>
          <span>
            {userLabel(value)} <span className="muted small">{value.email}</span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => onChange(undefined)} aria-label={t('userPicker.clear')}>
            ×
          </button>
        </div>
      )}
      <input
        className="input"
        type="search"
        data-testid="user-picker-search"
        placeholder={t('userPicker.placeholder')}
        aria-label={t('userPicker.placeholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {failed && <p className="muted small">{t('userPicker.failed')}</p>}
      {shown && shown.length === 0 && <p className="muted small" data-testid="user-picker-empty">{t('userPicker.none')}</p>}
      {shown && shown.length > 0 && (
        <ul className="user-picker-list" role="listbox" aria-label={t('userPicker.placeholder')}>
          {shown.map((u) => (
            <li key={u.id}>
              <button
                type="button"
                role="option"
                aria-selected={value?.id === u.id}
                className={value?.id === u.id ? 'active' : undefined}
                data-testid={`user-picker-option-${u.id}`}
                onClick={() => onChange(u)}
              >
                {userLabel(u)} <span className="muted small">{u.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
