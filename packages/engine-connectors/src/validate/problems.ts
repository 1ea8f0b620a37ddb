import type { ConnectorProblem, ConnectorProblemCode } from '../types.js';

/** Collects problems in one locale, deduplicated by code + path. @internal */
export class Problems {
  private readonly list: ConnectorProblem[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly locale: 'zh-CN' | 'en') {}

  add(code: ConnectorProblemCode, path: string, zh: string, en: string): void {
    const id = `${code} ${path}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push({ path, code, message: this.locale === 'en' ? en : zh });
  }

  /** A CONNECTOR_DEFINITION_INVALID problem. */
  shape(path: string, zh: string, en: string): void {
    this.add('CONNECTOR_DEFINITION_INVALID', path, zh, en);
  }

  /** Reports members of `obj` not in `allowed` (a typo like `sucess` would otherwise be ignored silently). */
  unknownKeys(obj: Record<string, unknown>, path: string, allowed: readonly string[], code: ConnectorProblemCode = 'CONNECTOR_DEFINITION_INVALID'): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.add(code, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, `未知属性 "${k}"（可用：${allowed.join(', ')}）`, `Unknown property "${k}" (allowed: ${allowed.join(', ')})`);
    }
  }

  get all(): ConnectorProblem[] {
    return [...this.list];
  }
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
export const isIntIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** An absolute http(s) URL with a host. */
export const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s/?#@]+(?:\/[^\s]*)?$/i.test(v);
/** An HTTP header name (RFC 9110 token). */
export const isHeaderName = (v: unknown): v is string => typeof v === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v);

/** A Localized text: a non-empty string, or `{zh-CN?, en?}` with at least one non-empty string. */
export function checkLocalized(p: Problems, v: unknown, path: string, required: boolean): void {
  if (v === undefined && !required) return;
  if (isNonEmptyString(v)) return;
  if (isObj(v) && Object.keys(v).every((k) => k === 'zh-CN' || k === 'en') && Object.values(v).every((x) => typeof x === 'string') && Object.values(v).some(isNonEmptyString)) return;
  p.shape(path, '应为非空文本或 {"zh-CN", "en"}', 'Expected a non-empty text or {"zh-CN", "en"}');
}
