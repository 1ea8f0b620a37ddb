import { parseJsonLossless } from '@kiln/engine-connectors';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CodeBox } from './code-box';
import { jsonTokens } from './json-tokens';

interface Props {
  /** The JSON value shown (`undefined` shows an empty box). */
  value: unknown;
  /** Called with each text that parses (big integers kept exact as strings); an empty box gives `undefined`. */
  onChange: (value: unknown) => void;
  testId: string;
  placeholder?: string;
  ariaLabel?: string;
  /** Lines of the box (default multi-line). */
  singleLine?: boolean;
  /** Ctrl/⌘+Z (Shift+Z, Y) inside the box: the page's history (samples stored in the definition). */
  onUndo?: () => void;
  onRedo?: () => void;
}

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string; at?: number } {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseJsonLossless(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/i.exec(message);
    return { ok: false, message, at: m ? Number(m[1]) : undefined };
  }
}

/**
 * A JSON sample editor (CodeMirror): the text is kept while it does not parse (the error is
 * shown and underlined), each valid text is committed as a value. A value changed from outside
 * (undo) replaces the text unless the text already means it. `data-valid` says whether it parses.
 */
export function JsonEditor({ value, onChange, testId, placeholder, ariaLabel, singleLine, onUndo, onRedo }: Props) {
  const [text, setText] = useState(() => show(value));
  const latest = useRef(onChange);
  latest.current = onChange;
  const parsed = useMemo(() => parse(text), [text]);
  const valueJson = JSON.stringify(value ?? null);

  useEffect(() => {
    const p = parse(text);
    if (!p.ok || JSON.stringify(p.value ?? null) !== valueJson) setText(show(value));
    // Only an outside change of the value re-seeds the text.
  }, [valueJson]);

  const change = (next: string) => {
    setText(next);
    const p = parse(next);
    if (p.ok && JSON.stringify(p.value ?? null) !== valueJson) latest.current(p.value);
  };
  const problems = parsed.ok ? [] : [{ message: parsed.message, ...(parsed.at !== undefined ? { from: parsed.at, to: parsed.at + 1 } : {}) }];
  return (
    <div className={parsed.ok ? 'expr expr-multi conn-json' : 'expr expr-multi conn-json has-error'} data-testid={testId} data-valid={parsed.ok}>
      <CodeBox value={text} onChange={change} tokens={jsonTokens} problems={problems} multiline={!singleLine} placeholder={placeholder} ariaLabel={ariaLabel} onUndo={onUndo} onRedo={onRedo} />
      {!parsed.ok && (
        <ul className="expr-messages" data-testid={`${testId}-error`}>
          <li className="is-error">{parsed.message}</li>
        </ul>
      )}
    </div>
  );
}
