import type { RuleError } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { useRule } from '../hooks/useRule';
import { describePath, normalizePath } from '../model/problem-paths';
import { focusPath } from '../store/focus';

/** The error of a dry run: code, message, where (path, line:column), and a button to show it in the editor. */
export function RunError({ error }: { error: RuleError }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = useRule();
  const path = normalizePath(rule, error.path);
  return (
    <div className="run-error" data-testid="console-error" data-code={error.code} data-error-path={error.path ?? ''}>
      <div>
        <strong>{error.message}</strong> <code className="error-code">{error.code}</code>
      </div>
      {path && (
        <div className="small">
          {t('rules.console.at')} {describePath(rule, path, t, locale)}
          {error.line !== undefined ? ` · ${t('rules.console.lineCol', { line: error.line, column: error.column ?? 1 })}` : ''}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => focusPath(path, error)} data-testid="console-error-show">
            {t('rules.console.showInEditor')}
          </button>
        </div>
      )}
    </div>
  );
}
