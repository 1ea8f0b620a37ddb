import type { FormDefinition } from '@kiln/engine-forms';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { useAppContext } from '../store/app-context';
import { loadDefinition } from '../store/definition-store';
import { useDesignerUi } from '../store/ui-store';

/** Loads the draft and the app's other drafts into the designer stores; returns load state. */
export function useLoadForm(app: string, form: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    Promise.all([endpoints.getForm(app, form), endpoints.listForms(app).catch(() => ({ items: [] }))]).then(
      ([draft, list]) => {
        if (!live) return;
        const others: Record<string, FormDefinition> = {};
        for (const d of list.items) if (d.key !== form && d.definition) others[d.key] = d.definition;
        const def: FormDefinition = { ...draft.definition, fields: draft.definition.fields ?? [] };
        useAppContext.setState({ app, formKey: form, others });
        loadDefinition(def);
        useDesignerUi.setState({
          selectedId: null,
          savedJson: JSON.stringify(def),
          busy: null,
          result: null,
          serverProblems: [],
          revision: useDesignerUi.getState().revision + 1,
        });
        setState({ loaded: true, error: undefined });
      },
      (error: unknown) => live && setState({ loaded: false, error }),
    );
    return () => {
      live = false;
    };
  }, [app, form]);
  return state;
}
