import { EditorView } from '@codemirror/view';

/** What the connector editors add to the rule editor's theme: JSON keys, taller sample boxes. */
export const connectorTheme = EditorView.theme({
  '.tok-prop-key': { color: '#1d4ed8' },
  '&.cm-kiln-multi .cm-scroller': { maxHeight: '320px', overflow: 'auto' },
  '&.cm-kiln-multi .cm-content': { minHeight: '56px' },
});
