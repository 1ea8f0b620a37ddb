import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

/** A coloured range of a document: `[from, to)` gets CSS class `cls` (`tok-*` of the expression theme). */
export interface Token {
  from: number;
  to: number;
  cls: string;
}

const marks = new Map<string, Decoration>();
const mark = (cls: string) => {
  let m = marks.get(cls);
  if (!m) marks.set(cls, (m = Decoration.mark({ class: cls })));
  return m;
};

/**
 * A view plugin colouring the tokens `scan` finds (the studio has no @codemirror/language
 * highlighter: like the rule editor, tokens become `.tok-*` classes styled by the theme).
 */
export function tokenHighlighter(scan: (text: string) => Token[]) {
  const decorate = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    for (const t of scan(view.state.doc.toString())) if (t.to > t.from) builder.add(t.from, t.to, mark(t.cls));
    return builder.finish();
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged) this.decorations = decorate(u.view);
      }
    },
    { decorations: (v) => v.decorations },
  );
}
