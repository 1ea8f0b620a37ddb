/**
 * Redaction of call logs (delivery attempts, test calls): what is stored or shown never holds a
 * secret. Three passes: headers that carry credentials, query parameters that carry keys, tokens
 * or signatures, and every occurrence of a known secret or session value anywhere in the log.
 */

/** What replaces a secret. */
export const MASK = '•••';

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey)$|token|secret|signature|password|sign$/i;
const SECRET_PARAM = /^(key|sign|sig|appsecret|secret)$|token|secret|signature|password|api_?key/i;
const SECRET_BODY_KEY = /^(password|secret|appsecret|app_secret|client_secret|access_token|accesstoken|refresh_token)$/i;

function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const name of [...u.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      u.searchParams.set(name, MASK);
      changed = true;
    }
  }
  return changed ? u.toString().replace(/%E2%80%A2%E2%80%A2%E2%80%A2/g, MASK) : url;
}

function redactHeaders(h: unknown): unknown {
  if (!h || typeof h !== 'object' || Array.isArray(h)) return h;
  return Object.fromEntries(Object.entries(h as Record<string, unknown>).map(([k, v]) => [k, SECRET_HEADER.test(k) ? MASK : v]));
}

/** The values to hide, longest first, with their URL-encoded spellings. */
function needles(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v.length < 4) continue;
    out.add(v);
    out.add(encodeURIComponent(v));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function walk(v: unknown, hide: string[], key?: string): unknown {
  if (typeof v === 'string') {
    if (key && SECRET_BODY_KEY.test(key)) return MASK;
    let s = v;
    for (const n of hide) if (s.includes(n)) s = s.split(n).join(MASK);
    return s;
  }
  if (Array.isArray(v)) return v.map((x) => walk(x, hide));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if ((k === 'headers') && x && typeof x === 'object') out[k] = walk(redactHeaders(x), hide);
      else if (k === 'url' && typeof x === 'string') out[k] = walk(redactUrl(x), hide);
      else out[k] = walk(x, hide, k);
    }
    return out;
  }
  return v;
}

/**
 * A deep copy of `log` (step logs, a result, an error) with credentials masked: credential
 * headers, secret-looking query parameters of every `url`, password/secret/token body fields,
 * and every occurrence of the given secret values (raw or URL-encoded).
 */
export function redact<T>(log: T, secrets: Iterable<string>): T {
  return walk(log, needles(secrets)) as T;
}
