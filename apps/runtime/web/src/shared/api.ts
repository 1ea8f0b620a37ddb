import type { FieldError } from '@kiln/engine-forms';
import { currentLocale } from './i18n';

/** localStorage key of the session token, shared with the studio (same origin). */
export const TOKEN_KEY = 'kiln.token';

/** A non-2xx answer of the Kiln API, as data: `{error:{code,message,details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field errors of a validation failure (`details.errors`), if any. */
  get fieldErrors(): FieldError[] {
    const d = this.details as { errors?: unknown } | undefined;
    return Array.isArray(d?.errors) ? (d.errors as FieldError[]) : [];
  }
}

/** The stored token, or null. */
export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Stores (or, with null, forgets) the token. */
export function setToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: the session lasts as long as the page */
  }
}

let onUnauthorized: (() => void) | undefined;
/** What to do when an authenticated call answers 401 (the operator UI goes to its login page). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the stored token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

/** The status of the last answer, for callers that care about 200 vs 201. */
export interface ApiResponse<T> {
  status: number;
  data: T;
}

/**
 * Calls the Kiln API with JSON in and out, `Accept-Language` set to the UI language and the
 * token when there is one. Non-2xx answers throw ApiError; a network failure throws
 * ApiError with code `NETWORK` and status 0.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const res = await send(path, opts);
  const text = await res.text();
  return { status: res.status, data: (text ? parseJson(text) : undefined) as T };
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Sends one API call (language, token, JSON body) and answers the 2xx Response unread, for
 * bodies that are not JSON (a CSV download); failures throw ApiError as in `request`.
 */
export async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale(), ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = opts.auth === false ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) {
    const err = (parseJson(await res.text()) as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
    if (res.status === 401 && token && onUnauthorized) onUnauthorized();
    throw apiError;
  }
  return res;
}

/** `request` for callers that only need the body. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, opts)).data;
}

/** Encodes one path segment. */
export const seg = (s: string | number) => encodeURIComponent(String(s));
