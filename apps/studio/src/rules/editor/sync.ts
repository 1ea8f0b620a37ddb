import { useEffect, type RefObject } from 'react';
import { setDiagnostics } from '@codemirror/lint';
import { Annotation, type ChangeSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { toDiagnostics, type InlineProblem } from './diagnostics';

/** Marks transactions that copy the bound value into the editor (not user edits). */
export const External = Annotation.define<boolean>();

/**
 * The smallest single replacement turning `from` into `to` (common prefix and suffix kept),
 * so an undo from outside keeps the cursor where the text did not change.
 */
export function minimalChange(from: string, to: string): ChangeSpec {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endA = from.length;
  let endB = to.length;
  while (endA > start && endB > start && from.charCodeAt(endA - 1) === to.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from: start, to: endA, insert: to.slice(start, endB) };
}

/**
 * Keeps a CodeMirror view bound to a value and a problem list: copies `value` in when it changes
 * from outside (undo, another panel) as one minimal change marked {@link External}, and re-places
 * the problems' underlines when `problemsKey` (a stand-in for `problems`) changes — so typing
 * keeps the existing underlines mapped through the edit until the next check answers.
 */
export function useEditorSync(viewRef: RefObject<EditorView | null>, value: string, problems: readonly InlineProblem[], problemsKey: string): void {
  useEffect(() => {
    const view = viewRef.current;
    const current = view?.state.doc.toString();
    if (view && current !== value) view.dispatch({ changes: minimalChange(current ?? '', value), annotations: External.of(true) });
  }, [value]);
  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, problems)));
  }, [problemsKey]);
}
