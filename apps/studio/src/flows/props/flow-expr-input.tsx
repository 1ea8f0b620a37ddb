import type { InputProps } from '../../designer/props/base-inputs';
import { ExpressionEditor } from '../../rules/expression-editor';
import { useFlowFields } from '../hooks/useFlowFields';
import { useNodeProblems } from '../hooks/useNodeProblems';
import { useSelectedNode } from '../hooks/useSelectedNode';
import { flowEdit } from '../store/edit';
import { connectProp } from './connect-prop';

interface Props extends InputProps<string> {
  /** Pointer of the expression in the node's data (its problems are underlined). */
  path: string;
  multiline?: boolean;
}

/**
 * A node's expression: the rules' CodeMirror editor (autocomplete of `record.<field>` of the
 * flow's form, helpers, facts) with the node's problems at `path` underlined, and the flow's
 * undo / redo on Ctrl/⌘+Z.
 */
function FlowExprInputBase({ value, onChange, 'data-testid': testId, placeholder, path, multiline }: Props) {
  const node = useSelectedNode();
  const fields = useFlowFields();
  const problems = useNodeProblems(node?.id);
  return (
    <ExpressionEditor
      value={value ?? ''}
      onChange={(v) => onChange?.(v)}
      context="trigger"
      fields={fields}
      problems={problems}
      path={path}
      multiline={multiline}
      placeholder={placeholder}
      testId={testId ?? 'prop-expression'}
      onUndo={flowEdit.undo}
      onRedo={flowEdit.redo}
    />
  );
}

/** The formily-connected expression input (test id `prop-<field name>`; type into `.cm-content`). */
export const FlowExprInput = connectProp(FlowExprInputBase);
