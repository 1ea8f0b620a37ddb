import type { LocalizedText } from '@kiln/engine-forms';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { formMap } from '../../reports/model/form-map';
import { useRoleContext } from '../store/role-context';

/** A draft's name in both languages (report names may leave one out). */
function localizedName(n: string | { readonly 'zh-CN'?: string; readonly en?: string } | undefined): LocalizedText | undefined {
  if (typeof n === 'string') return { 'zh-CN': n, en: n };
  return n ? { 'zh-CN': n['zh-CN'] ?? '', en: n.en ?? '' } : undefined;
}

/**
 * Loads what the role editor checks against — the app's draft forms (in the app's order), flows
 * and reports — into the page's context. A missing kind only means an empty list.
 */
export function useLoadRoleContext(app: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    const none = () => ({ items: [] });
    Promise.all([endpoints.listForms(app), endpoints.listFlows(app).catch(none), endpoints.listReports(app).catch(none)]).then(
      ([forms, flows, reports]) => {
        if (!live) return;
        useRoleContext.setState({
          app,
          forms: formMap(forms.items),
          formKeys: forms.items.map((f) => f.key),
          flows: flows.items.map((f) => ({ key: f.key, name: localizedName(f.definition?.name) })),
          reports: reports.items.map((r) => ({ key: r.key, name: localizedName(r.definition?.name) })),
        });
        setState({ loaded: true, error: undefined });
      },
      (error: unknown) => live && setState({ loaded: false, error }),
    );
    return () => {
      live = false;
    };
  }, [app]);
  return state;
}
