import { ApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import type { PublishProblem } from '../../api/types';
import i18n from '../../i18n';
import type { SaveResult } from '../../ui/save-result-badge';

/** A failed request as the toolbar's result badge shows it (the server's message and code). */
export function errorResult(e: unknown): SaveResult {
  return e instanceof ApiError
    ? { kind: 'error', message: e.message, code: e.code }
    : { kind: 'error', message: e instanceof Error ? e.message : i18n.t('errors.generic') };
}

/** The problems of a refused publish (422 `PUBLISH_INVALID`), or null for another failure. */
export function publishProblems(e: unknown): PublishProblem[] | null {
  if (!(e instanceof ApiError) || e.status < 400 || e.status >= 500 || e.code !== 'PUBLISH_INVALID') return null;
  return (e.details as { problems?: PublishProblem[] } | undefined)?.problems ?? [];
}

/** Outcome of {@link publishApp}: the badge to show and the problems of every draft (empty when published). */
export interface PublishOutcome {
  result: SaveResult;
  problems: PublishProblem[];
}

/** Publishes the app (`POST /api/apps/{app}/publish`); a refusal lists the problems of every draft. */
export async function publishApp(app: string): Promise<PublishOutcome> {
  try {
    const { version } = await endpoints.publish(app);
    return { result: { kind: 'published', version }, problems: [] };
  } catch (e) {
    const problems = publishProblems(e);
    if (problems) return { result: { kind: 'refused', count: problems.length }, problems };
    return { result: errorResult(e), problems: [] };
  }
}
