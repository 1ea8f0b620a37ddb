import { autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers, placeholder as placeholderExt } from '@codemirror/view';
import type { FactContext } from '@kiln/engine-rules';
import { useEffect, useMemo, useRef } from 'react';
import { expressionCompletions } from './editor/completions';
import { toDiagnostics, type InlineProblem } from './editor/diagnostics';
import { expressionHighlight } from './editor/highlight';
import { historyKeys } from './editor/history-keys';
import { expressionHover } from './editor/hover';
import type { CompletionScope, ExpressionField } from './editor/scope';
import { singleLine } from './editor/single-line';
import { External, useEditorSync } from './editor/sync';
import { expressionTheme } from './editor/theme';

export type { ExpressionField } from './editor/scope';
export type { InlineProblem } from './editor/diagnostics';

/** Props of {@link ExpressionEditor}. */
export interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Which facts the expression sees (`FACT_NAMES[context]`): `trigger`, `action`, `table`, `cell`, `formula`, … */
  context: FactContext;
  /** Fields of the form in scope: completed after `record.` and `old.`. */
  fields?: readonly ExpressionField[];
  /** Fields of `item` inside a `forEach` (e.g. a sub-table's columns). */
  itemFields?: readonly ExpressionField[];
  /** Ids of earlier actions, completed after `results.`. */
  results?: readonly string[];
  /**
   * Problems to underline. With `path`, only those whose `path` equals it; each is placed by its
   * `from`/`to` offsets, else its line/column, else it covers the whole text.
   */
  problems?: readonly InlineProblem[];
  /** JSON pointer of this expression in its definition (also set as `data-path`). */
  path?: string;
  /** A code box (function bodies, lists) instead of a one-line input. */
  multiline?: boolean;
  placeholder?: string;
  /** `data-testid` of the wrapper; type into `[data-testid=…] .cm-content`. */
  testId: string;
  ariaLabel?: string;
  /**
   * Undo / redo of the surrounding document: Ctrl/Cmd+Z (Shift+Z, Y) in the editor calls them. The
   * editor keeps no history of its own (the studio has no @codemirror/commands); a controlled value
   * with a store-level history (zundo) is the intended setup.
   */
  onUndo?: () => void;
  onRedo?: () => void;
  /** Show the problem messages under the editor too (default true). */
  showMessages?: boolean;
}

/**
 * A JavaScript expression editor (CodeMirror 6) for rules and formulas: syntax highlighting,
 * autocomplete of facts, helpers (with signature and doc in the UI language) and field keys,
 * hover docs, and inline errors from the server's problems. One line by default, a code box with
 * `multiline`. Controlled: `value` in, `onChange` out (outside changes such as undo are applied
 * without echoing back).
 *
 * @example
 * <ExpressionEditor value={rule.condition ?? ''} onChange={setCondition} context="trigger"
 *   fields={form.fields} problems={problems} path="/condition" testId="condition-editor" />
 */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const { value, context, fields, itemFields, results, problems, path, multiline = false, placeholder, testId, ariaLabel, showMessages = true } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const scopeRef = useRef<CompletionScope>({ context });
  const propsRef = useRef(props);
  const mine = useMemo(() => (problems ?? []).filter((p) => path === undefined || p.path === path), [problems, path]);
  const mineKey = JSON.stringify(mine);
  const mineRef = useRef(mine);

  useEffect(() => {
    scopeRef.current = { context, fields, itemFields, results };
    propsRef.current = props;
    mineRef.current = mine;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const extensions: Extension[] = [
      historyKeys(() => propsRef.current),
      highlightSpecialChars(),
      drawSelection(),
      javascript(),
      expressionHighlight,
      closeBrackets(),
      keymap.of(closeBracketsKeymap),
      autocompletion({ override: [expressionCompletions(() => scopeRef.current)], icons: false }),
      expressionHover(() => scopeRef.current),
      expressionTheme,
      EditorView.editorAttributes.of({ class: multiline ? 'cm-kiln-multi' : 'cm-kiln-single' }),
      EditorView.contentAttributes.of({ 'aria-label': ariaLabel ?? '', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
      // Close a completion list left open when focus moves to another control.
      EditorView.domEventHandlers({
        blur: (_e, v) => {
          window.setTimeout(() => !v.hasFocus && closeCompletion(v), 0);
        },
      }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged || u.transactions.some((tr) => tr.annotation(External))) return;
        propsRef.current.onChange(u.state.doc.toString());
      }),
      multiline ? [lineNumbers(), EditorView.lineWrapping] : singleLine(),
    ];
    if (placeholder) extensions.push(placeholderExt(placeholder));
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: propsRef.current.value, extensions }) });
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, mineRef.current)));
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [multiline, placeholder, ariaLabel]);

  useEditorSync(viewRef, value, mine, mineKey);

  const errors = mine.filter((p) => p.severity !== 'warning');
  const cls = ['expr', multiline ? 'expr-multi' : 'expr-single', mine.length ? (errors.length ? 'has-error' : 'has-warning') : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} data-testid={testId} data-path={path} data-problems={mine.length}>
      <div ref={hostRef} />
      {showMessages && mine.length > 0 && (
        <ul className="expr-messages" data-testid={`${testId}-problems`}>
          {mine.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'is-warning' : 'is-error'}>
              {p.message}
              {p.code ? <code>{p.code}</code> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
