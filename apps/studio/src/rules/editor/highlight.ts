import { javascriptLanguage } from '@codemirror/lang-javascript';
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { HELPER_GLOBALS } from '@kiln/engine-rules';

/*
 * Syntax colouring without @codemirror/language's highlighter (not a dependency of the studio):
 * the JavaScript grammar shipped with lang-javascript parses the (short) expression and token
 * nodes become CSS classes. Helper namespaces and fact names get their own colour.
 */

const KEYWORDS = new Set([
  'if', 'else', 'return', 'for', 'while', 'do', 'switch', 'case', 'default', 'break', 'continue', 'try', 'catch', 'finally', 'throw',
  'const', 'let', 'var', 'function', 'new', 'typeof', 'instanceof', 'in', 'of', 'void', 'delete', 'class', 'await', 'async',
]);
const FACTS = new Set(['record', 'old', 'changed', 'event', 'results', 'input', 'item', 'index', '$']);
const HELPERS = new Set(HELPER_GLOBALS);
/** Nodes coloured as a whole (their children are not visited). */
const WHOLE: Record<string, string> = {
  String: 'tok-string',
  TemplateString: 'tok-string',
  RegExp: 'tok-string',
  LineComment: 'tok-comment',
  BlockComment: 'tok-comment',
};
const LEAF: Record<string, string> = {
  Number: 'tok-number',
  BooleanLiteral: 'tok-atom',
  null: 'tok-atom',
  this: 'tok-atom',
  PropertyName: 'tok-prop',
  ArithOp: 'tok-op',
  LogicOp: 'tok-op',
  CompareOp: 'tok-op',
  Arrow: 'tok-op',
};

const marks = new Map<string, Decoration>();
const mark = (cls: string) => {
  let m = marks.get(cls);
  if (!m) marks.set(cls, (m = Decoration.mark({ class: cls })));
  return m;
};

function classOf(name: string, text: string): string | null {
  if (WHOLE[name]) return WHOLE[name];
  if (LEAF[name]) return LEAF[name];
  if (KEYWORDS.has(name)) return 'tok-keyword';
  if (name === 'VariableName') return HELPERS.has(text) ? 'tok-helper' : FACTS.has(text) ? 'tok-fact' : 'tok-var';
  return null;
}

function decorate(view: EditorView): DecorationSet {
  const text = view.state.doc.toString();
  const builder = new RangeSetBuilder<Decoration>();
  javascriptLanguage.parser.parse(text).iterate({
    enter(node) {
      if (node.from === node.to) return;
      const cls = classOf(node.name, text.slice(node.from, node.to));
      if (!cls) return;
      builder.add(node.from, node.to, mark(cls));
      return false;
    },
  });
  return builder.finish();
}

/** Colours JavaScript tokens (`.tok-*` classes, styled by the expression theme). */
export const expressionHighlight = ViewPlugin.fromClass(
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
