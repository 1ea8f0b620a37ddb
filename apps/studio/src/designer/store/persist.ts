import { ApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import type { PublishProblem } from '../../api/types';
import i18n from '../../i18n';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { useAppContext } from './app-context';
import { useDefinitionStore } from './definition-store';
import { useDesignerUi } from './ui-store';

function errorResult(e: unknown) {
  return e instanceof ApiError
    ? { kind: 'error' as const, message: e.message, code: e.code }
    : { kind: 'error' as const, message: e instanceof Error ? e.message : i18n.t('errors.generic') };
}

/**
 * Saves the draft (`PUT /api/apps/{app}/forms/{key}`). A form key changed in the settings
 * renames the draft: the new key is written, the old one deleted, and the route follows.
 */
export async function saveDraft(): Promise<boolean> {
  const { app, formKey } = useAppContext.getState();
  const def = useDefinitionStore.getState().definition;
  useDesignerUi.setState({ busy: 'saving', result: null });
  try {
    await endpoints.saveForm(app, def.key, def);
    if (def.key !== formKey) {
      await endpoints.deleteForm(app, formKey);
      useAppContext.setState({ formKey: def.key });
    }
    useDesignerUi.setState({ savedJson: JSON.stringify(def), busy: null, result: { kind: 'saved' } });
    if (def.key !== formKey) navigate(paths.form(app, def.key), { replace: true });
    return true;
  } catch (e) {
    useDesignerUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/** Saves, then publishes the app; a 422 lists the problems (and highlights their fields). */
export async function publishApp(): Promise<void> {
  if (!(await saveDraft())) return;
  const { app } = useAppContext.getState();
  useDesignerUi.setState({ busy: 'publishing', result: null });
  try {
    const { version } = await endpoints.publish(app);
    useDesignerUi.setState({ busy: null, serverProblems: [], result: { kind: 'published', version } });
  } catch (e) {
    const problems = (e instanceof ApiError && e.status === 422
      ? ((e.details as { problems?: PublishProblem[] } | undefined)?.problems ?? [])
      : null);
    if (problems) {
      useDesignerUi.setState({ busy: null, serverProblems: problems, result: { kind: 'refused', count: problems.length } });
    } else {
      useDesignerUi.setState({ busy: null, result: errorResult(e) });
    }
  }
}
