import i18n from '../i18n';
import { ApiError } from './api-error';
import { useSession } from './session';

/**
 * Calls the Kiln HTTP API with the session token and the UI language.
 * Non-2xx answers become an {@link ApiError} carrying the server's stable code;
 * a 401 also ends the session so the shell shows the login page.
 *
 * @example const apps = await api<{ items: AppSummary[] }>('GET', '/apps');
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = useSession.getState().token;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), { cause: String(e) });
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (res.status === 401 && path !== '/auth/login') useSession.getState().setToken(null);
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
