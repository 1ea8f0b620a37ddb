import { useEffect, useRef, useState } from 'react';
import type { Locale } from '@kiln/engine-forms';
import type { PickerOption } from '../context';
import { testIdOf } from '../test-id';
import { msg } from '../messages';

/** Props of the search-as-you-type picker shared by the relation and user widgets. @internal */
export interface PickerProps {
  id: string;
  locale: Locale;
  /** Selected ids, in order. */
  value: number[];
  many: boolean;
  disabled?: boolean;
  invalid?: boolean;
  placeholder?: string;
  search(query: string): Promise<PickerOption[]>;
  labelOf?(id: number): Promise<string>;
  onChange(ids: number[]): void;
  onBlur?(): void;
}

const DEBOUNCE_MS = 250;

/**
 * A text box that searches as you type and lists matches; choosing one sets (or, when `many`,
 * adds) its id. Chosen records show as chips with a remove button. Test ids: the wrapper is
 * `field-<key>`, the box `field-<key>-search`, matches `field-<key>-option-<id>`, chips
 * `field-<key>-chip-<id>` and their buttons `field-<key>-remove-<id>`.
 * @internal
 */
export function Picker(props: PickerProps) {
  const { id, locale, value, many, disabled, invalid, placeholder, search, labelOf, onChange, onBlur } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [results, setResults] = useState<PickerOption[]>([]);
  const [labels, setLabels] = useState<Record<number, string>>({});
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const rootRef = useRef<HTMLDivElement>(null);

  // Fetch labels of ids we have not seen in a search (a loaded record's stored value).
  useEffect(() => {
    const missing = value.filter((v) => labels[v] === undefined);
    if (!missing.length || !labelOf) return;
    let alive = true;
    void Promise.all(missing.map((v) => labelOf(v).then((l) => [v, l] as const, () => [v, `#${v}`] as const))).then((pairs) => {
      if (alive) setLabels((old) => ({ ...old, ...Object.fromEntries(pairs) }));
    });
    return () => {
      alive = false;
    };
  }, [value, labels, labelOf]);

  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      search(query).then(
        (items) => {
          if (mine !== seq.current) return;
          setResults(items);
          setActive(0);
          setLabels((old) => ({ ...old, ...Object.fromEntries(items.map((o) => [o.id, o.label])) }));
          setLoading(false);
        },
        () => {
          if (mine === seq.current) {
            setResults([]);
            setLoading(false);
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, open, search]);

  const pick = (opt: PickerOption) => {
    setLabels((old) => ({ ...old, [opt.id]: opt.label }));
    if (many) {
      onChange(value.includes(opt.id) ? value : [...value, opt.id]);
    } else {
      onChange([opt.id]);
      setOpen(false);
    }
    setQuery('');
  };
  const remove = (rid: number) => onChange(value.filter((v) => v !== rid));
  const listId = `${id}-listbox`;
  const shown = open && !disabled;

  return (
    <div
      className={`kf-picker${shown ? ' kf-picker-open' : ''}`}
      id={id}
      ref={rootRef}
      data-testid={testIdOf(id)}
      data-value={value.join(',')}
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node | null)) {
          setOpen(false);
          onBlur?.();
        }
      }}
    >
      {value.length > 0 && (
        <div className="kf-chips">
          {value.map((v) => (
            <span className="kf-chip" key={v} data-testid={testIdOf(id, `chip-${v}`)}>
              <span>{labels[v] ?? `#${v}`}</span>
              {!disabled && (
                <button
                  type="button"
                  className="kf-chip-remove"
                  aria-label={msg(locale, 'remove')}
                  data-testid={testIdOf(id, `remove-${v}`)}
                  onClick={() => remove(v)}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      {(many || value.length === 0 || shown) && (
        <input
          className="kf-input"
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          data-testid={testIdOf(id, 'search')}
          placeholder={placeholder || msg(locale, 'search')}
          value={query}
          disabled={disabled}
          autoFocus={!many && value.length > 0}
          onFocus={() => setOpen(true)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && shown && results[active]) {
              e.preventDefault();
              pick(results[active]);
            } else if (e.key === 'Escape') setOpen(false);
            else return;
            e.preventDefault();
          }}
        />
      )}
      {!many && value.length > 0 && !shown && !disabled && (
        <button type="button" className="kf-link" data-testid={testIdOf(id, 'change')} onClick={() => setOpen(true)}>
          {msg(locale, 'search')}
        </button>
      )}
      {shown && (
        <ul className="kf-options" role="listbox" id={listId} data-testid={testIdOf(id, 'options')}>
          {loading && results.length === 0 && <li className="kf-option-note">{msg(locale, 'loading')}</li>}
          {!loading && results.length === 0 && <li className="kf-option-note">{msg(locale, 'noResults')}</li>}
          {results.map((opt, i) => (
            <li
              key={opt.id}
              role="option"
              tabIndex={-1}
              aria-selected={value.includes(opt.id)}
              className={`kf-option${i === active ? ' kf-option-active' : ''}`}
              data-testid={testIdOf(id, `option-${opt.id}`)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(opt)}
            >
              {opt.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
