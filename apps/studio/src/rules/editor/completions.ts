import { pickedCompletion, type Completion, type CompletionSource } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { FACT_NAMES, HELPER_GLOBALS, HELPERS, type HelperSignature } from '@kiln/engine-rules';
import i18n from '../../i18n';
import { pick } from '../../ui/localized';
import { factDoc, HELPER_MAP, helperInfoDom, signatureText } from './helper-docs';
import type { CompletionScope, ExpressionField } from './scope';

const NO_COMPLETION_IN = ['String', 'TemplateString', 'LineComment', 'BlockComment'];
const WORD = /^[\w$]*$/;

/** Inserts `name()` with the cursor between the parentheses (just `name` before an existing `(`). */
function applyCall(name: string, h: HelperSignature) {
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    const hasParen = view.state.sliceDoc(to, to + 1) === '(';
    const insert = hasParen ? name : `${name}()`;
    const cursor = from + name.length + (hasParen ? 0 : h.params.length ? 1 : 2);
    view.dispatch({ changes: { from, to, insert }, selection: { anchor: cursor }, annotations: pickedCompletion.of(completion) });
  };
}

function helperOption(label: string, h: HelperSignature): Completion {
  return { label, type: 'function', detail: signatureText(h).slice(h.name.length), info: () => helperInfoDom(h), apply: applyCall(label, h) };
}

function fieldOptions(fields: readonly ExpressionField[] | undefined): Completion[] {
  const locale = i18n.language;
  return (fields ?? []).map((f) => ({
    label: f.key,
    type: 'property',
    detail: [pick(f.label, locale), f.type].filter(Boolean).join(' · '),
  }));
}

function memberOptions(obj: string, scope: CompletionScope): Completion[] | null {
  const facts: readonly string[] = FACT_NAMES[scope.context];
  if (facts.includes(obj)) {
    if (obj === 'record' || obj === 'old') return fieldOptions(scope.fields);
    if (obj === 'item') return fieldOptions(scope.itemFields);
    if (obj === 'results') return (scope.results ?? []).map((id) => ({ label: id, type: 'property', detail: i18n.t('rules.editor.resultOf') }));
    return null;
  }
  const prefix = `${obj}.`;
  const members = HELPERS.filter((h) => h.name.startsWith(prefix));
  return members.length ? members.map((h) => helperOption(h.name.slice(prefix.length), h)) : null;
}

function globalOptions(scope: CompletionScope): Completion[] {
  const facts: Completion[] = FACT_NAMES[scope.context].map((name) => ({ label: name, type: 'variable', detail: factDoc(name), boost: 2 }));
  const helpers: Completion[] = HELPER_GLOBALS.map((name) => {
    const bare = HELPER_MAP.get(name);
    if (bare) return helperOption(name, bare);
    return { label: name, type: 'namespace', detail: i18n.t('rules.editor.helpers'), boost: 1 };
  });
  return [...facts, ...helpers];
}

/**
 * Autocomplete for rule expressions: fact names of the context (`record`, `old`, …), helper
 * namespaces and their members with signature and doc (`money.pct`), field keys after
 * `record.` / `old.` / `item.`, action ids after `results.`. Nothing inside strings or comments.
 * `getScope` is read on every request, so the scope can change without reconfiguring.
 */
export function expressionCompletions(getScope: () => CompletionScope): CompletionSource {
  return (ctx) => {
    if (ctx.tokenBefore(NO_COMPLETION_IN)) return null;
    const m = ctx.matchBefore(/(?:[A-Za-z_$][\w$]*\.)?[\w$]*$/);
    if (!m || /^\d/.test(m.text)) return null;
    // Deeper chains (`record.lines.`) have no catalog.
    if (m.from > 0 && ctx.state.sliceDoc(m.from - 1, m.from) === '.') return null;
    const scope = getScope();
    const dot = m.text.indexOf('.');
    if (dot >= 0) {
      const options = memberOptions(m.text.slice(0, dot), scope);
      return options ? { from: m.from + dot + 1, options, validFor: WORD } : null;
    }
    if (m.from === m.to && !ctx.explicit) return null;
    return { from: m.from, options: globalOptions(scope), validFor: WORD };
  };
}
