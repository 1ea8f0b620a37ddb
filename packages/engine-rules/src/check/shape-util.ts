import { ptr } from '../compile/pointer.js';
import { typeWord } from './messages.js';
import type { Reporter } from './reporter.js';

/** Action, column and row ids: stable, unique within the rule. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** Rule keys, webhook names and output keys (the form-key pattern of engine-forms). */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** A plain object (not null, not an array). @internal */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Small shape assertions over one definition object, reporting RULE_INVALID at `base + /prop`.
 * Each returns whether the value is usable.
 * @internal
 */
export class Shape {
  constructor(
    readonly rep: Reporter,
    readonly obj: Record<string, unknown>,
    readonly base: string,
  ) {}

  path(prop: string): string {
    return this.base + ptr(prop);
  }

  private wrong(prop: string, expected: string): false {
    return this.rep.add('RULE_INVALID', this.path(prop), 'wrongType', { prop, expected: typeWord(expected, this.rep.locale) });
  }

  /** A string (an expression when `expected` says so); required unless `optional`. */
  string(prop: string, optional = false, expected = 'string'): boolean {
    const v = this.obj[prop];
    if (v === undefined) return optional || this.rep.add('RULE_INVALID', this.path(prop), 'required', { prop });
    return typeof v === 'string' || this.wrong(prop, expected);
  }

  /** A non-empty string matching `pattern` (message `idSyntax` or `keySyntax`). */
  name(prop: string, pattern: RegExp, message: 'idSyntax' | 'keySyntax', optional = false): boolean {
    if (!this.string(prop, optional)) return false;
    const v = this.obj[prop];
    if (v === undefined) return true;
    return pattern.test(v as string) || this.rep.add('RULE_INVALID', this.path(prop), message, { value: v });
  }

  /** One of `allowed`. */
  oneOf(prop: string, allowed: readonly string[], optional = false): boolean {
    const v = this.obj[prop];
    if (v === undefined) return optional || this.rep.add('RULE_INVALID', this.path(prop), 'required', { prop });
    return (typeof v === 'string' && allowed.includes(v)) || this.rep.add('RULE_INVALID', this.path(prop), 'enumInvalid', { prop, value: String(v), allowed: allowed.join(', ') });
  }

  boolean(prop: string): boolean {
    const v = this.obj[prop];
    return v === undefined || typeof v === 'boolean' || this.wrong(prop, 'boolean');
  }

  number(prop: string): boolean {
    const v = this.obj[prop];
    return v === undefined || (typeof v === 'number' && Number.isFinite(v)) || this.wrong(prop, 'number');
  }

  /** A list of strings. */
  strings(prop: string, optional = true): boolean {
    const v = this.obj[prop];
    if (v === undefined) return optional || this.rep.add('RULE_INVALID', this.path(prop), 'required', { prop });
    return (Array.isArray(v) && v.every((x) => typeof x === 'string')) || this.wrong(prop, 'stringList');
  }

  /** An object whose values are all strings (a field mapping). */
  mapping(prop: string, optional = false): boolean {
    const v = this.obj[prop];
    if (v === undefined) return optional || this.rep.add('RULE_INVALID', this.path(prop), 'required', { prop });
    if (!isObject(v)) return this.wrong(prop, 'object');
    let ok = true;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'string') ok = this.rep.add('RULE_INVALID', this.path(prop) + ptr(k), 'wrongType', { prop: `${prop}.${k}`, expected: typeWord('expression', this.rep.locale) });
    }
    return ok;
  }

  /** A localized text `{ 'zh-CN', en }`; `requireZh` insists on a non-empty Chinese text. */
  text(prop: string, optional: boolean, requireZh: boolean): boolean {
    const v = this.obj[prop];
    if (v === undefined) return optional || this.rep.add('RULE_INVALID', this.path(prop), requireZh ? 'titleMissing' : 'required', { prop });
    if (!isObject(v) || (v['zh-CN'] !== undefined && typeof v['zh-CN'] !== 'string') || (v.en !== undefined && typeof v.en !== 'string')) return this.wrong(prop, 'text');
    if (requireZh && (typeof v['zh-CN'] !== 'string' || v['zh-CN'].trim() === '')) return this.rep.add('RULE_INVALID', this.path(prop), 'titleMissing');
    return true;
  }
}
