import { rolesApi } from '../api/roles-api';
import type { RoleDefinition } from '../model/types';
import { useRoleContext } from '../store/role-context';
import { useRoleStore } from '../store/role-store';
import { useRoleUi } from '../store/role-ui';

/**
 * Renames role draft `from` to `to`: stores it under the new key (the open role with its unsaved
 * edits, else the stored draft), then deletes the old draft. Members and API tokens keep naming
 * the old key; the dialog says so.
 */
export async function renameRole(app: string, from: string, to: string): Promise<void> {
  const open = useRoleContext.getState().roleKey === from;
  const def: RoleDefinition = open ? useRoleStore.getState().doc : (await rolesApi.get(app, from)).definition;
  const renamed = { ...def, key: to };
  await rolesApi.save(app, to, renamed);
  await rolesApi.remove(app, from);
  // The open role now lives under the new key: nothing is unsaved any more.
  if (open) useRoleUi.setState({ savedJson: JSON.stringify(useRoleStore.getState().doc) });
}
