import { useEffect, useState } from 'react';
import { isValidId } from '../model/keys';

interface Props {
  value: string;
  /** Other names in use (refused). */
  taken: readonly string[];
  onCommit: (next: string) => void;
  testId: string;
  /** Shown when the typed name is not valid or taken. */
  invalidHint: string;
  path?: string;
}

/**
 * An id / key input that renames on Enter or when it loses focus — never halfway through
 * typing — and only to a valid name not in use; otherwise it says why and goes back.
 */
export function KeyInput({ value, taken, onCommit, testId, invalidHint, path }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const ok = text === value || (isValidId(text) && !taken.includes(text));
  const commit = () => {
    if (text !== value && ok) onCommit(text);
    else setText(value);
  };
  return (
    <span className="conn-key-input">
      <input
        className={ok ? 'input mono' : 'input mono is-bad'} value={text} onChange={(e) => setText(e.target.value.trim())} onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())} data-testid={testId} data-path={path} data-valid={ok}
      />
      {!ok && <small className="hint hint-bad">{invalidHint}</small>}
    </span>
  );
}
