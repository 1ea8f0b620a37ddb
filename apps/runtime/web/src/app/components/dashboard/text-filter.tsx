import { useEffect, useState } from 'react';

interface Props {
  id: string;
  type: 'text' | 'number';
  value: string;
  onChange(value: string): void;
}

/** A free text / number filter, applied on Enter or when the field loses focus (not per keystroke). */
export function TextFilter({ id, type, value, onChange }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onChange(draft.trim());
  };
  return (
    <input
      className="input"
      id={id}
      data-testid={id}
      type={type === 'number' ? 'number' : 'search'}
      inputMode={type === 'number' ? 'decimal' : undefined}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
