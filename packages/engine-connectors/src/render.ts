import type { CompiledConnector } from './compile.js';
import { evaluateAt, MappingFailure } from './evaluate-at.js';
import { esc, splitPathTemplate } from './expressions.js';
import type { HttpRequestSpec, StepDefinition, StepScope } from './types.js';

/** A query or header value as text; null/undefined → left out. */
function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** `base` and `path` joined with exactly one slash (Kingdee's base ends in `/k3cloud/`). */
export function joinUrl(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  const p = path.replace(/^\/+/, '');
  return p ? `${b}/${p}` : b;
}

/**
 * The request of one step: path template → URL under `baseUrl`, query (URL-encoded, arrays
 * repeat the name), headers (lower-case names; `content-type: application/json` by default when
 * there is a body) and the JSON body. Throws MappingFailure. @internal
 */
export async function renderRequest(compiled: CompiledConnector, ptr: string, step: StepDefinition, scope: StepScope, baseUrl: string, now: Date): Promise<HttpRequestSpec> {
  const split = splitPathTemplate(step.path);
  if ('error' in split) throw new MappingFailure(`${ptr}/path`, split.error);
  let path = '';
  let n = 0;
  for (const part of split.parts) {
    if ('text' in part) path += part.text;
    else {
      const text = asText(await evaluateAt(compiled, `${ptr}/path#${n++}`, scope, now));
      // An empty segment would address another resource (`orders/` instead of `orders/42`).
      if (text === undefined || text === '') throw new MappingFailure(`${ptr}/path`, `{${part.expr}} has no value`);
      path += encodeURIComponent(text);
    }
  }
  const params: string[] = [];
  for (const name of Object.keys(step.query ?? {})) {
    const v = await evaluateAt(compiled, `${ptr}/query/${esc(name)}`, scope, now);
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = asText(item);
      if (text !== undefined) params.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    }
  }
  let url = joinUrl(baseUrl, path);
  if (params.length) url += (url.includes('?') ? '&' : '?') + params.join('&');
  const headers: Record<string, string> = {};
  for (const name of Object.keys(step.headers ?? {})) {
    const text = asText(await evaluateAt(compiled, `${ptr}/headers/${esc(name)}`, scope, now));
    if (text !== undefined) headers[name.toLowerCase()] = text;
  }
  const req: HttpRequestSpec = { method: step.method, url, headers };
  if (step.body !== undefined) {
    const json = await evaluateAt(compiled, `${ptr}/body`, scope, now);
    if (json !== undefined) {
      req.json = json;
      headers['content-type'] ??= 'application/json';
    }
  }
  return req;
}
