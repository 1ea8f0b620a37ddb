import { errorResult, publishApp } from '../../reports/store/publish-app';
import { rolesApi } from '../api/roles-api';
import type { RoleDefinition } from '../model/types';
import { reloadRoleList } from './page-ui';
import { useRoleContext } from './role-context';
import { useRoleStore } from './role-store';
import { useRoleUi } from './role-ui';

/** The role as stored: always under the route's key (the draft is renamed from the list only). */
export function storedRole(): RoleDefinition {
  const { roleKey } = useRoleContext.getState();
  const doc = useRoleStore.getState().doc;
  return { ...doc, key: roleKey || doc.key };
}

/** Saves the draft (`PUT /api/apps/{app}/roles/{key}`). */
export async function saveRoleDraft(): Promise<boolean> {
  const { app, roleKey } = useRoleContext.getState();
  const snapshot = useRoleStore.getState().doc;
  useRoleUi.setState({ busy: 'saving', result: null });
  try {
    await rolesApi.save(app, roleKey, storedRole());
    useRoleUi.setState({ savedJson: JSON.stringify(snapshot), busy: null, result: { kind: 'saved' } });
    reloadRoleList();
    return true;
  } catch (e) {
    useRoleUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/**
 * Saves, then publishes the app. A refusal lists the problems of every draft: this role's are
 * shown in its problem list (until it is edited), the others link to their drafts.
 */
export async function publishRoleApp(): Promise<void> {
  if (!(await saveRoleDraft())) return;
  const { app } = useRoleContext.getState();
  const json = JSON.stringify(useRoleStore.getState().doc);
  useRoleUi.setState({ busy: 'publishing', result: null });
  const { result, problems } = await publishApp(app);
  useRoleUi.setState({ busy: null, result, serverProblems: problems, serverJson: json });
  // The published roles changed: members and tokens offer them.
  if (result.kind === 'published') reloadRoleList();
}
