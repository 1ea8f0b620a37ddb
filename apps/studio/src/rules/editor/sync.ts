import { Annotation, type ChangeSpec } from '@codemirror/state';

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
