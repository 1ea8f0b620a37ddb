import { performance } from 'node:perf_hooks';
import { parseJsonLossless, TransportError } from '@kiln/engine-connectors';

/** A response as read off the wire. */
export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Every Set-Cookie header, unjoined. */
  setCookies: string[];
  text: string;
  /** Parsed JSON (lossless: integers beyond 2^53 become strings) when the body is JSON, else the text. */
  body: unknown;
  durationMs: number;
}

/** `base` + `/` + `path` with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A response body as a value: JSON when declared (or when it plainly is JSON — several Chinese
 * platforms answer JSON as text/html or text/plain), else the text.
 */
export function parseBody(text: string, contentType: string): unknown {
  const trimmed = text.trim();
  const looksJson = /json/i.test(contentType) || /^[[{]/.test(trimmed);
  if (!looksJson || !trimmed) return text;
  try {
    return parseJsonLossless(trimmed);
  } catch {
    return text;
  }
}

/**
 * Sends one HTTP request with a time limit. Timeouts and connection failures throw
 * TransportError (`CONNECTOR_TIMEOUT` / `CONNECTOR_UNREACHABLE`); any HTTP status is a response.
 */
export async function httpRequest(method: string, url: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RawResponse> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { method, headers, body, signal, redirect: 'manual' });
    const text = await res.text();
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      out[k] = v;
    });
    const setCookies = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    return { status: res.status, headers: out, setCookies, text, body: parseBody(text, res.headers.get('content-type') ?? ''), durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (signal.aborted || e.name === 'TimeoutError') throw new TransportError('CONNECTOR_TIMEOUT', `No answer from ${new URL(url).host} within ${timeoutMs} ms.`);
    const why = e.cause?.code ?? e.cause?.message ?? e.message ?? 'connection failed';
    throw new TransportError('CONNECTOR_UNREACHABLE', `Cannot reach ${new URL(url).host}: ${why}.`);
  }
}
