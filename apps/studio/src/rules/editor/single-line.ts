import { EditorState, Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';

/**
 * Keeps the document on one line: Enter does nothing (an open completion still takes it, its
 * keymap runs first) and pasted or typed line breaks become spaces.
 */
export function singleLine(): Extension {
  return [
    Prec.high(keymap.of([{ key: 'Enter', run: () => true }, { key: 'Shift-Enter', run: () => true }])),
    EditorState.transactionFilter.of((tr) => {
      if (!tr.docChanged || tr.newDoc.lines <= 1) return tr;
      const flat = tr.newDoc.toString().replace(/\r?\n/g, ' ');
      return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: flat }, sequential: true }];
    }),
  ];
}
