import type { FlowDefinition } from '@kiln/engine-flow';
import type { FormDefinition } from '@kiln/engine-forms';
import { checkExpression, schemaFromForms } from '@kiln/engine-rules';
import type { EditorFlowProblem } from './editor-problem';
import { flowExpressions } from './expressions';

/**
 * Static checks of every expression of a flow (syntax, unknown names and fields of the flow's
 * form), with the rule engine's `checkExpression` in the trigger context: flow expressions see
 * `record`, `old`, `changed` and `event`, like a trigger rule's.
 */
export function expressionProblems(def: FlowDefinition, forms: Readonly<Record<string, FormDefinition>>, locale: 'zh-CN' | 'en'): EditorFlowProblem[] {
  const exprs = flowExpressions(def);
  if (!exprs.length) return [];
  const schema = schemaFromForms(forms);
  const form = def.form && forms[def.form] ? def.form : undefined;
  const out: EditorFlowProblem[] = [];
  for (const e of exprs) {
    for (const p of checkExpression(e.source, 'trigger', schema, { form, locale, path: e.path })) {
      out.push({ source: 'expr', code: p.code, message: p.message, nodeId: e.nodeId, path: e.path, severity: p.severity, from: p.from, to: p.to });
    }
  }
  return out;
}
