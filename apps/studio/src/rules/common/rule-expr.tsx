import type { FactContext } from '@kiln/engine-rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressionEditor, type ExpressionField } from '../expression-editor';
import { useProblems } from '../hooks/useProblems';
import { ruleEdit } from '../store/edit';

interface Props {
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  context: FactContext;
  testId: string;
  fields?: readonly ExpressionField[];
  itemFields?: readonly ExpressionField[];
  results?: readonly string[];
  /** Always a code box. */
  multiline?: boolean;
  /** One line with a button to open it as a code box (for function bodies with `return`). */
  expandable?: boolean;
  placeholder?: string;
  ariaLabel?: string;
}

/**
 * An expression editor bound into the rule editor: its problems by path, rule-wide undo/redo,
 * and optionally a toggle between one line and a code box (`<testId>-expand`).
 */
export function RuleExpr({ expandable, multiline, ...props }: Props) {
  const { t } = useTranslation();
  const problems = useProblems();
  const value = props.value ?? '';
  const [open, setOpen] = useState(() => !!multiline || value.includes('\n'));
  const isMulti = !!multiline || open || value.includes('\n');
  const editor = (
    <ExpressionEditor {...props} value={value} multiline={isMulti} problems={problems} onUndo={ruleEdit.undo} onRedo={ruleEdit.redo} />
  );
  if (!expandable || multiline) return editor;
  return (
    <div className="expr-expandable">
      {editor}
      <button
        type="button"
        className="btn btn-sm btn-ghost expr-toggle"
        disabled={isMulti && value.includes('\n')}
        title={isMulti ? t('rules.editor.collapse') : t('rules.editor.expand')}
        onClick={() => setOpen(!isMulti)}
        data-testid={`${props.testId}-expand`}
      >
        {isMulti ? '−' : '⤢'}
      </button>
    </div>
  );
}
