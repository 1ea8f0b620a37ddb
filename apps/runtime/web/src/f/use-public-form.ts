import { useEffect, useState } from 'react';
import type { FormDefinition, JsonSchema, Locale, UiSchema } from '@kiln/engine-forms';
import { api, ApiError, seg } from '../shared/api';

/** What `GET /api/public/forms/{slug}` answers. */
export interface PublicForm {
  app: string;
  form: string;
  title: string;
  schema: JsonSchema;
  uiSchema: UiSchema;
  definition: FormDefinition;
}

export type PublicFormState =
  | { kind: 'loading' }
  | { kind: 'ready'; form: PublicForm }
  | { kind: 'missing' }
  | { kind: 'error'; error: ApiError };

/** Loads the public form `slug` in `locale`; reloads when the language changes or `attempt` does. */
export function usePublicForm(slug: string, locale: Locale, attempt: number): PublicFormState {
  const [state, setState] = useState<PublicFormState>({ kind: 'loading' });
  useEffect(() => {
    if (!slug) {
      setState({ kind: 'missing' });
      return;
    }
    const ctl = new AbortController();
    api<PublicForm>(`/api/public/forms/${seg(slug)}?locale=${encodeURIComponent(locale)}`, { auth: false, signal: ctl.signal }).then(
      (form) => setState({ kind: 'ready', form }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        if (e instanceof ApiError && (e.status === 404 || e.status === 410)) setState({ kind: 'missing' });
        else setState({ kind: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)) });
      },
    );
    return () => ctl.abort();
  }, [slug, locale, attempt]);
  return state;
}
