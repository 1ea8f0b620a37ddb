import type { RuleDefinition } from '@kiln/engine-rules';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { formMap } from '../../reports/model/form-map';
import { connectorApi } from '../api/connector-api';
import { normalizeConnector } from '../model/normalize';
import { operationKeys } from '../model/operation-ops';
import { useConnectorContext } from '../store/connector-context';
import { connectorDoc } from '../store/connector-store';
import { resetConnectorUi } from '../store/connector-ui';
import { resetSettings } from '../store/settings-store';

/** Hook names of the webhook rules among the app's rule drafts. */
function webhookHooks(rules: readonly { definition: RuleDefinition }[]): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    const d = r.definition;
    if (d?.type === 'trigger' && d.trigger?.event === 'webhook' && d.trigger.hook) out.add(d.trigger.hook);
  }
  return [...out].sort();
}

/** Loads the connector draft, the app's draft forms and webhook hooks into the page's stores. */
export function useLoadConnector(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    const noItems = () => ({ items: [] });
    Promise.all([connectorApi.get(app, key), endpoints.listForms(app).catch(noItems), endpoints.listRules(app).catch(noItems)]).then(
      ([draft, forms, rules]) => {
        if (!live) return;
        const def = normalizeConnector(draft.definition, key);
        useConnectorContext.setState({ app, connectorKey: key, forms: formMap(forms.items), hooks: webhookHooks(rules.items) });
        connectorDoc.load(def);
        resetConnectorUi(JSON.stringify(def), operationKeys(def)[0] ?? null);
        resetSettings();
        setState({ loaded: true, error: undefined });
      },
      (error: unknown) => live && setState({ loaded: false, error }),
    );
    return () => {
      live = false;
    };
  }, [app, key]);
  return state;
}
