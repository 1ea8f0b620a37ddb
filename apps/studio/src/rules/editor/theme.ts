import { EditorView } from '@codemirror/view';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/**
 * The look of an expression editor: a compact input (like the studio's `.input`) that grows to
 * a small code box in multi-line mode. Self-contained, so other pages can reuse the editor
 * without the rule editor's stylesheet.
 */
export const expressionTheme = EditorView.theme({
  '&': { fontSize: '12px', background: '#fff', border: '1px solid #cfd3d8', borderRadius: '5px', minWidth: '0' },
  '&.cm-focused': { outline: 'none', borderColor: '#2f6fed', boxShadow: '0 0 0 2px #e8effd' },
  '.cm-content': { fontFamily: MONO, padding: '6px 0', caretColor: '#1f2329' },
  '.cm-line': { padding: '0 8px' },
  '.cm-placeholder': { color: '#a0a7b1', fontFamily: MONO },
  '&.cm-kiln-single .cm-scroller': { overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'none' },
  '&.cm-kiln-multi .cm-content': { minHeight: '72px' },
  '&.cm-kiln-multi .cm-scroller': { maxHeight: '260px', overflow: 'auto' },
  '.cm-gutters': { background: '#fafbfc', borderRight: '1px solid #eceef1', color: '#a0a7b1', borderRadius: '5px 0 0 5px' },
  '.cm-tooltip': { border: '1px solid #cfd3d8', borderRadius: '6px', boxShadow: '0 6px 18px rgba(0,0,0,0.12)', background: '#fff' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: MONO, fontSize: '12px', maxHeight: '16em', minWidth: '220px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-completionDetail': { marginLeft: '10px', color: '#6b7280', fontStyle: 'normal', fontSize: '11px' },
  '.cm-kiln-info': { padding: '6px 10px', maxWidth: '380px', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: '12px', lineHeight: '1.45' },
  '.cm-kiln-info-sig': { fontFamily: MONO, fontSize: '11.5px', color: '#1d4ed8' },
  '.cm-kiln-info-example': { fontFamily: MONO, fontSize: '11px', color: '#047857', background: '#f0fdf4', padding: '2px 5px', borderRadius: '4px' },
  '.cm-diagnostic': { fontSize: '12px' },
  '.tok-string': { color: '#0a7f43' },
  '.tok-number': { color: '#b45309' },
  '.tok-atom': { color: '#b45309' },
  '.tok-comment': { color: '#8b939e', fontStyle: 'italic' },
  '.tok-keyword': { color: '#7c3aed' },
  '.tok-op': { color: '#6b7280' },
  '.tok-prop': { color: '#1f2329' },
  '.tok-var': { color: '#1f2329' },
  '.tok-fact': { color: '#1d4ed8', fontWeight: '600' },
  '.tok-helper': { color: '#c2410c', fontWeight: '600' },
});
