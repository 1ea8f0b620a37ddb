import { useState, type KeyboardEvent } from 'react';
import { isValidGroupKey } from '../group-key';
import type { GroupCount } from '../user-types';

const MAX_SUGGESTIONS = 8;
const SEPARATORS = /[,，]/;

/** What the groups chip input renders and wires to its `<input>`. */
export interface GroupEntry {
  text: string;
  /** The first typed group that is not a valid key (it stays in the input, no chip is made). */
  invalid: string | undefined;
  /** Known groups not chosen yet that contain the typed text. */
  matches: GroupCount[];
  /** The suggestion the arrow keys point at, or -1. */
  active: number;
  open: boolean;
  add: (key: string) => void;
  remove: (key: string) => void;
  onText: (text: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: () => void;
  onBlur: () => void;
}

function splitGroups(text: string): string[] {
  return text.split(SEPARATORS).map((s) => s.trim()).filter(Boolean);
}

/**
 * The typing behind the groups chip input: Enter, a comma or leaving the input turns the text
 * into chips (several at once when separated by commas) unless one is invalid; the arrow keys
 * and Enter pick a suggestion; Backspace in an empty input removes the last chip; Escape
 * closes the suggestions without closing the dialog.
 */
export function useGroupEntry(value: string[], onChange: (groups: string[]) => void, known: GroupCount[]): GroupEntry {
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const parts = splitGroups(text);
  const invalid = parts.find((p) => !isValidGroupKey(p));
  const needle = text.trim().toLowerCase();
  const matches = known.filter((g) => !value.includes(g.key) && g.key.toLowerCase().includes(needle)).slice(0, MAX_SUGGESTIONS);

  const append = (keys: string[]) => onChange([...new Set([...value, ...keys])]);
  const commit = (raw: string) => {
    const next = splitGroups(raw);
    if (!next.length || next.some((p) => !isValidGroupKey(p))) return;
    append(next);
    setText('');
    setActive(-1);
  };
  const add = (key: string) => {
    append([key]);
    setText('');
    setActive(-1);
  };
  const remove = (key: string) => onChange(value.filter((g) => g !== key));
  const onText = (next: string) => {
    setOpen(true);
    setActive(-1);
    if (SEPARATORS.test(next)) commit(next);
    if (!SEPARATORS.test(next) || splitGroups(next).some((p) => !isValidGroupKey(p))) setText(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      const picked = open ? matches[active] : undefined;
      if (picked) add(picked.key);
      else if (!text.trim()) return; // an empty input lets Enter submit the dialog
      else commit(text);
      e.preventDefault();
    } else if (e.key === 'Backspace' && !text && value.length) {
      remove(value[value.length - 1]);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : -1));
    } else if (e.key === 'Escape' && open && matches.length) {
      e.stopPropagation(); // keep the dialog open: only the list closes
      setOpen(false);
    }
  };
  const onBlur = () => {
    setOpen(false);
    commit(text);
  };
  return { text, invalid, matches, active, open, add, remove, onText, onKeyDown, onFocus: () => setOpen(true), onBlur };
}
