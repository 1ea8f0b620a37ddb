import { validateConnector, type ConnectorDefinition } from '@kiln/engine-connectors';
import type { FormDefinition } from '@kiln/engine-forms';
import type { EditorConnectorProblem } from './editor-problem';

/** Field keys of each draft form (what `validateConnector` checks handler targets against). */
export function formFieldKeys(forms: Readonly<Record<string, FormDefinition>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, f] of Object.entries(forms)) out[key] = (f.fields ?? []).map((x) => x.key);
  return out;
}

/**
 * The problems `validateConnector` finds against the app's draft forms and webhook hooks. A
 * validator crash on a half-edited definition is one problem rather than a broken page.
 */
export function liveProblems(
  def: ConnectorDefinition,
  ctx: { forms: Readonly<Record<string, FormDefinition>>; hooks: readonly string[] },
  locale: 'zh-CN' | 'en',
): EditorConnectorProblem[] {
  try {
    return validateConnector(def, { locale, forms: formFieldKeys(ctx.forms), hooks: [...ctx.hooks] }).map((p) => ({ source: 'live', code: p.code, message: p.message, path: p.path }));
  } catch (e) {
    return [{ source: 'live', code: 'CONNECTOR_DEFINITION_INVALID', message: e instanceof Error ? e.message : String(e), path: '' }];
  }
}
