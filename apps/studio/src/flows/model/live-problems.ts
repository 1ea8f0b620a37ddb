import { validateFlow, type FlowDefinition } from '@kiln/engine-flow';
import type { FormDefinition } from '@kiln/engine-forms';
import type { EditorFlowProblem } from './editor-problem';
import { expressionProblems } from './expression-problems';
import { nodeDataPath } from './node-path';

/** Problems that say the same thing at the same place are shown once. */
export function dedupeProblems(list: readonly EditorFlowProblem[]): EditorFlowProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const id = `${p.nodeId ?? ''}|${p.edgeId ?? ''}|${p.path ?? ''}|${p.code}|${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** What the app around the flow holds, for the checks that need it. */
export interface FlowAppContext {
  forms: Readonly<Record<string, FormDefinition>>;
  /** Every flow key of the app (this one included). */
  flows: readonly string[];
  connectors: readonly string[];
}

/**
 * Every problem of a flow the studio can find without the server: the engine's `validateFlow`
 * (graph, node settings, field references, calendar) and the static checks of its expressions
 * against the app's draft forms (these carry character ranges to underline). Node paths point
 * into the node's `data`, as the property panel addresses its controls.
 */
export function liveProblems(def: FlowDefinition, app: FlowAppContext, locale: 'zh-CN' | 'en'): EditorFlowProblem[] {
  const engine = validateFlow(def, { forms: app.forms, flows: app.flows, connectors: app.connectors, locale }).map(
    (p): EditorFlowProblem => ({
      source: 'live',
      code: p.code,
      message: p.message,
      severity: 'error',
      nodeId: p.nodeId,
      edgeId: p.edgeId,
      path: p.nodeId ? nodeDataPath(p.path) : p.path || undefined,
    }),
  );
  return dedupeProblems([...engine, ...expressionProblems(def, app.forms, locale)]);
}
