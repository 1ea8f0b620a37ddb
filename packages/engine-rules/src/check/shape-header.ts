import { TRACE_MODES } from '../types.js';
import type { Reporter } from './reporter.js';
import { isObject, KEY_PATTERN, Shape } from './shape-util.js';

/**
 * Checks what every rule has (format version, key, type, title, trace) and returns the
 * definition as an object, or null when it is not one.
 * @internal
 */
export function checkHeader(rep: Reporter, key: string, def: unknown): Record<string, unknown> | null {
  if (!isObject(def)) {
    rep.add('RULE_INVALID', '', 'notObject', { what: rep.locale === 'en' ? 'The rule' : '规则定义' });
    return null;
  }
  const s = new Shape(rep, def, '');
  if (def.formatVersion !== 1) rep.add('RULE_INVALID', '/formatVersion', 'formatVersion', { value: String(def.formatVersion) });
  if (s.name('key', KEY_PATTERN, 'keySyntax') && def.key !== key) rep.add('RULE_INVALID', '/key', 'keyMismatch', { value: def.key, expected: key });
  s.oneOf('type', ['trigger', 'table']);
  s.text('title', false, true);
  s.text('description', true, false);
  s.oneOf('trace', TRACE_MODES, true);
  return def;
}
