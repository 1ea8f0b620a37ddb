import { autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion, type CompletionSource } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { toDiagnostics, type InlineProblem } from '../../rules/editor/diagnostics';
import { historyKeys } from '../../rules/editor/history-keys';
import { singleLine } from '../../rules/editor/single-line';
import { External, useEditorSync } from '../../rules/editor/sync';
import { expressionTheme } from '../../rules/editor/theme';
import { connectorTheme } from './connector-theme';
import { tokenHighlighter, type Token } from './token-decorations';

/** Props of {@link CodeBox}. */
export interface CodeBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Colours the text. */
  tokens: (text: string) => Token[];
  completions?: CompletionSource;
  /** Underlined (from / to offsets, else line / column, else the whole text). */
  problems: readonly InlineProblem[];
  multiline?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  /** Ctrl/Cmd+Z (Shift+Z, Y) inside the box: the page's history. Without them the keys do nothing here. */
  onUndo?: () => void;
  onRedo?: () => void;
}

/**
 * A controlled CodeMirror 6 box (the rule editor's look): token colouring, optional completion,
 * inline diagnostics, one line or a code box. Outside changes (undo) are applied without
 * echoing back through `onChange`.
 */
export function CodeBox(props: CodeBoxProps) {
  const { value, problems, multiline = false, placeholder, ariaLabel } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const propsRef = useRef(props);
  const problemsKey = JSON.stringify(problems);

  useEffect(() => {
    propsRef.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const p = propsRef.current;
    const extensions: Extension[] = [
      historyKeys(() => propsRef.current),
      highlightSpecialChars(),
      drawSelection(),
      tokenHighlighter(p.tokens),
      closeBrackets(),
      keymap.of(closeBracketsKeymap),
      expressionTheme,
      connectorTheme,
      EditorView.editorAttributes.of({ class: multiline ? 'cm-kiln-multi' : 'cm-kiln-single' }),
      EditorView.contentAttributes.of({ 'aria-label': ariaLabel ?? '', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
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
    if (p.completions) extensions.push(autocompletion({ override: [p.completions], icons: false }));
    if (placeholder) extensions.push(placeholderExt(placeholder));
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: p.value, extensions }) });
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, p.problems)));
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [multiline, placeholder, ariaLabel]);

  useEditorSync(viewRef, value, problems, problemsKey);

  return <div ref={hostRef} />;
}
