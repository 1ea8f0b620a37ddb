import type { LocalizedText } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { EditorProblem } from '../model/editor-problem';
import { normalizePath } from '../model/problem-paths';
import { useConsoleStore, type ConsoleState } from '../store/console-store';
import { useRuleContext, type RuleContextState } from '../store/rule-context';
import { useRuleUi, type RuleUiState } from '../store/rule-ui';
import { useRule } from './useRule';

const selectCheck = (s: RuleUiState) => s.checkProblems;
const selectServer = (s: RuleUiState) => s.serverProblems;
const selectInline = (s: ConsoleState) => s.inlineError;
const selectKey = (s: RuleContextState) => s.ruleKey;

/**
 * Every problem of this rule: the live check, the last refused publish (this rule's part), and
 * the error of the last test run. Paths are normalized so each matches a control's `data-path`.
 */
export function useProblems(): EditorProblem[] {
  const rule = useRule();
  const locale = useLocale();
  const check = useRuleUi(selectCheck);
  const server = useRuleUi(selectServer);
  const inline = useConsoleStore(selectInline);
  const key = useRuleContext(selectKey);
  return useMemo(() => {
    const out: EditorProblem[] = [];
    const seen = new Set<string>();
    const add = (p: EditorProblem) => {
      const id = `${p.path}|${p.code}|${p.message}|${p.from ?? ''}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push(p);
    };
    for (const p of check) add({ ...p, source: 'check', path: normalizePath(rule, p.path), severity: p.severity ?? 'error' });
    for (const p of server) {
      if (p.kind !== 'rules' || (p.key !== key && p.key !== rule.key)) continue;
      const message = pick(p.message as LocalizedText | string, locale);
      add({ ...p, source: 'publish', path: normalizePath(rule, p.path), message, severity: p.severity ?? 'error' });
    }
    if (inline) add({ ...inline, source: 'test', path: normalizePath(rule, inline.path), severity: 'error' });
    return out;
  }, [rule, locale, check, server, inline, key]);
}
