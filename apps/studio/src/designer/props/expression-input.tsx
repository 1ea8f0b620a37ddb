import { connect, mapProps } from '@formily/react';
import { useMemo } from 'react';
import { ExpressionEditor } from '../../rules/expression-editor';
import { useDefinition } from '../hooks/useDefinition';
import { useSelectedField } from '../hooks/useSelectedField';
import type { InputProps } from './base-inputs';

// Undo/redo stay the designer's (its window shortcut handles Ctrl/⌘+Z); claiming the keys here
// keeps CodeMirror's own history from editing the text behind the designer's back.
const ignore = () => {};

/**
 * A formula's expression: the rules' CodeMirror editor in the `formula` context, completing
 * `record.<key>` with the form's other top-level fields.
 */
function ExpressionInputBase({ value, onChange, 'data-testid': testId, placeholder }: InputProps<string>) {
  const def = useDefinition();
  const selectedId = useSelectedField()?.field.id;
  const fields = useMemo(() => def.fields.filter((f) => f.id !== selectedId), [def.fields, selectedId]);
  return (
    <ExpressionEditor
      value={value ?? ''}
      onChange={(v) => onChange?.(v)}
      context="formula"
      fields={fields}
      multiline
      placeholder={placeholder}
      testId={testId ?? 'prop-expression'}
      onUndo={ignore}
      onRedo={ignore}
    />
  );
}

/** The formily-connected expression input (test id `prop-<field name>`; type into `.cm-content`). */
export const ExpressionInput = connect(
  ExpressionInputBase,
  mapProps((props: InputProps<string>, field) => ({ ...props, 'data-testid': `prop-${String(field.props.name)}` })),
);
