import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InlineProblem } from '../../rules/editor/diagnostics';
import { useProblemsAt } from '../hooks/useProblemsAt';
import { connectorEdit } from '../store/edit';
import { CodeBox } from './code-box';
import { jsonataTokens } from './jsonata-tokens';
import { mappingCompletions } from './mapping-completions';
import { MAPPING_SCOPES, type MappingScope } from './mapping-scope';
import { useSyntaxPosition } from './useSyntaxPosition';

interface Props {
  /** JSON pointer of the expression in the connector (its problems show here; `data-path`). */
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  /** What the expression sees (completion of its root names). */
  scope: MappingScope;
  /** `data-testid` of the wrapper; type into `[data-testid=…] .cm-content`. */
  testId: string;
  /** Always a code box. */
  multiline?: boolean;
  /** One line with a toggle to a code box (`<testId>-expand`). */
  expandable?: boolean;
  placeholder?: string;
  ariaLabel?: string;
}

/**
 * A JSONata mapping of the connector in a CodeMirror editor: colouring, completion of `$`
 * helpers and scope names, the connector's undo / redo on Ctrl/⌘+Z, and the problems
 * `validateConnector` reports at `path` — a syntax error underlined where the parser stopped.
 */
export function MappingEditor({ path, value = '', onChange, scope, testId, multiline, expandable, placeholder, ariaLabel }: Props) {
  const { t } = useTranslation();
  const problems = useProblemsAt(path);
  const syntax = problems.some((p) => p.code === 'CONNECTOR_EXPRESSION_INVALID');
  const [open, setOpen] = useState(() => !!multiline || value.includes('\n'));
  const isMulti = !!multiline || open || value.includes('\n');
  const completions = useMemo(() => mappingCompletions(() => MAPPING_SCOPES[scope]), [scope]);
  const inline = useInline(problems, value, syntax);
  const cls = ['expr', isMulti ? 'expr-multi' : 'expr-single', problems.length ? 'has-error' : ''].filter(Boolean).join(' ');
  const box = (
    <div className={cls} data-testid={testId} data-path={path} data-problems={problems.length}>
      <CodeBox
        value={value} onChange={onChange} tokens={jsonataTokens} completions={completions} problems={inline}
        multiline={isMulti} placeholder={placeholder} ariaLabel={ariaLabel} onUndo={connectorEdit.undo} onRedo={connectorEdit.redo}
      />
      {problems.length > 0 && (
        <ul className="expr-messages" data-testid={`${testId}-problems`}>
          {problems.map((p, i) => (
            <li key={i} className="is-error">
              {p.message}
              <code>{p.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  if (!expandable || multiline) return box;
  return (
    <div className="expr-expandable">
      {box}
      <button
        type="button" className="btn btn-sm btn-ghost expr-toggle" disabled={isMulti && value.includes('\n')}
        title={isMulti ? t('rules.editor.collapse') : t('rules.editor.expand')} onClick={() => setOpen(!isMulti)} data-testid={`${testId}-expand`}
      >
        {isMulti ? '−' : '⤢'}
      </button>
    </div>
  );
}

/** The problems as underlines: a syntax error at the parser's position, the others over the text. */
function useInline(problems: readonly { code: string; message: string }[], value: string, syntax: boolean): InlineProblem[] {
  const pos = useSyntaxPosition(value, syntax);
  return useMemo(
    () => problems.map((p) => (p.code === 'CONNECTOR_EXPRESSION_INVALID' && pos ? { ...p, ...pos } : { ...p })),
    [problems, pos],
  );
}
