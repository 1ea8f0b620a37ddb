import { useEffect, useState } from 'react';
import { rolesApi } from '../api/roles-api';
import { normalizeRole } from '../model/normalize';
import { useRoleContext } from '../store/role-context';
import { roleDoc } from '../store/role-store';
import { resetRoleUi } from '../store/role-ui';

/** Loads the role draft `key` into the editor's store (forgetting the previous role's history). */
export function useLoadRole(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    rolesApi.get(app, key).then(
      (draft) => {
        if (!live) return;
        const role = normalizeRole(draft.definition, key);
        useRoleContext.setState({ roleKey: key });
        roleDoc.load(role);
        resetRoleUi(JSON.stringify(role));
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
