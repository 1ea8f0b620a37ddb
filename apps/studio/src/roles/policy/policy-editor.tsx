import { autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightSpecialChars, keymap, placeholder as placeholderExt } from '@codemirror/view';
import type { FormDefinition } from '@kiln/engine-forms';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenHighlighter } from '../../connectors/editor/token-decorations';
import { toDiagnostics } from '../../rules/editor/diagnostics';
import { historyKeys } from '../../rules/editor/history-keys';
import { singleLine } from '../../rules/editor/single-line';
import { External, useEditorSync } from '../../rules/editor/sync';
import { expressionTheme } from '../../rules/editor/theme';
import { policyCompletions, type PolicyScope } from './policy-completions';
import { policyProblems } from './policy-problems';
import { policyTokens } from './policy-tokens';

/** Props of {@link PolicyEditor}. */
export interface PolicyEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The form the policy filters, and the app's draft forms (fields, relations, trees). */
  form: string;
  forms: Record<string, FormDefinition>;
  /** The role's `self.form` (the form of `$user.record`). */
  selfForm?: string;
  /** Further problems of this policy with offsets (the role validator's, e.g. `$user.record` without `self`). */
  extra?: readonly { code: string; message: string; from?: number; to?: number }[];
  /** `data-testid` of the wrapper; type into `[data-testid=…] .cm-content`. */
  testId: string;
  /** JSON pointer of the policy in the role (`data-path`, so the problems list can focus it). */
  path: string;
  placeholder?: string;
  ariaLabel?: string;
  /** The role's undo / redo (the editor keeps no history of its own). */
  onUndo?: () => void;
  onRedo?: () => void;
}

const highlight = tokenHighlighter(policyTokens);

/**
 * A one-line row-policy editor (CodeMirror 6, set up like the rule editor's expression input):
 * colouring, autocomplete of field keys, `$user.` attributes and tree snippets, and inline
 * problems from `parsePolicy` + `checkPolicy` as you type (underlined, listed below).
 * Controlled: `value` in, `onChange` out.
 *
 * @example <PolicyEditor value={grant.where ?? ''} onChange={setWhere} form="orders" forms={forms} path="/forms/orders/where" testId="policy-orders" />
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const { value, form, forms, selfForm, extra, testId, path, placeholder, ariaLabel } = props;
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const propsRef = useRef(props);
  const scopeRef = useRef<PolicyScope>({ form, forms });
  const extraKey = JSON.stringify(extra ?? []);
  const problems = useMemo(() => {
    const own = policyProblems(value, form, forms, selfForm);
    const seen = new Set(own.map((p) => `${p.code}@${p.from}`));
    const more = (extra ?? []).filter((p) => typeof p.from === 'number' && !seen.has(`${p.code}@${p.from}`) && (p.to ?? p.from) <= value.length);
    return [...own, ...more.map((p) => ({ code: p.code, message: p.message, from: p.from ?? 0, to: p.to ?? p.from ?? 0 }))];
    // `extraKey` stands for `extra` (a new array on every render of the row).
  }, [value, form, forms, selfForm, extraKey]);
  const problemsKey = JSON.stringify(problems);
  const problemsRef = useRef(problems);

  useEffect(() => {
    propsRef.current = props;
    scopeRef.current = { form, forms };
    problemsRef.current = problems;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const extensions = [
      historyKeys(() => propsRef.current),
      highlightSpecialChars(),
      drawSelection(),
      highlight,
      closeBrackets(),
      keymap.of(closeBracketsKeymap),
      autocompletion({ override: [policyCompletions(() => scopeRef.current)], icons: false }),
      expressionTheme,
      EditorView.editorAttributes.of({ class: 'cm-kiln-single' }),
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
      singleLine(),
      ...(placeholder ? [placeholderExt(placeholder)] : []),
    ];
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: propsRef.current.value, extensions }) });
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, problemsRef.current)));
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [placeholder, ariaLabel]);

  useEditorSync(viewRef, value, problems, problemsKey);

  return (
    <div className={problems.length ? 'expr expr-single has-error' : 'expr expr-single'} data-testid={testId} data-path={path} data-problems={problems.length}>
      <div ref={hostRef} />
      {problems.length > 0 && (
        <ul className="expr-messages" data-testid={`${testId}-problems`}>
          {problems.map((p, i) => (
            <li key={i} className="is-error" data-code={p.code}>
              <strong>{t(`roles.policy.codes.${p.code}`, { defaultValue: p.code })}</strong> {p.message}
              <code>{p.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
