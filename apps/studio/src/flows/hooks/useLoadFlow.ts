import type { FormDefinition } from '@kiln/engine-forms';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { normalizeFlow } from '../model/normalize';
import { resetDryRun } from '../store/dry-run-store';
import { rememberUsers, useFlowContext } from '../store/flow-context';
import { loadFlow } from '../store/flow-store';
import { useFlowUi } from '../store/flow-ui';

const noItems = () => ({ items: [] as { key: string }[] });

/**
 * Loads the flow draft and what its pickers need (draft forms, other flow and connector keys,
 * groups, a first page of users) into the editor's stores; returns the load state. Pickers
 * whose source fails to load fall back to free text.
 */
export function useLoadFlow(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    Promise.all([
      endpoints.getFlow(app, key),
      endpoints.listForms(app).catch(() => ({ items: [] })),
      endpoints.listDraftKeys(app, 'flows').catch(noItems),
      endpoints.listDraftKeys(app, 'connectors').catch(noItems),
      endpoints.listGroups().catch(noItems),
      endpoints.searchUsers('').catch(() => ({ items: [] })),
    ]).then(
      ([draft, forms, flows, connectors, groups, users]) => {
        if (!live) return;
        const formMap: Record<string, FormDefinition> = {};
        for (const d of forms.items) if (d.definition) formMap[d.key] = { ...d.definition, fields: d.definition.fields ?? [] };
        const flow = normalizeFlow(draft.definition, key);
        useFlowContext.setState({
          app,
          flowKey: key,
          forms: formMap,
          flows: flows.items.map((d) => d.key).filter((k) => k !== key),
          connectors: connectors.items.map((d) => d.key),
          groups: groups.items.map((g) => g.key),
          users: {},
        });
        rememberUsers(users.items);
        loadFlow(flow);
        useFlowUi.setState((s) => ({
          selectedNodes: [],
          selectedEdges: [],
          tab: 'flow',
          savedJson: JSON.stringify(flow),
          revision: s.revision + 1,
          busy: null,
          result: null,
          serverProblems: [],
          serverJson: '',
          liveProblems: [],
        }));
        resetDryRun();
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
