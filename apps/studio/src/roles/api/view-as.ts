import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import i18n from '../../i18n';

/**
 * `GET /api{path}` answered as user `userId` would see it (`X-Kiln-View-As`; admins and
 * builders only, reads only). The shared client sends no extra headers, so this is its GET with
 * one more header: same token, language and error shape.
 */
export async function getAsUser<T>(path: string, userId: number | string): Promise<T> {
  const token = useSession.getState().token;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN', 'X-Kiln-View-As': String(userId) };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), { cause: String(e) });
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (res.status === 401) useSession.getState().setToken(null);
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
  }
  return data as T;
}
