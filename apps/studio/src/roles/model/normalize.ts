import type { RoleDefinition } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored draft as the editor works on it: always `formatVersion`, the route's `key`, a name in
 * both languages and a `forms` object, whatever a hand-edited or older draft holds. Everything
 * else is kept as it is (validation reports what is wrong with it).
 */
export function normalizeRole(raw: unknown, key: string): RoleDefinition {
  const d = isObject(raw) ? raw : {};
  const name = isObject(d.name) ? d.name : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    ...(d as Partial<RoleDefinition>),
    formatVersion: 1,
    key,
    name: { 'zh-CN': text(name['zh-CN']), en: text(name.en) },
    forms: isObject(d.forms) ? (d.forms as RoleDefinition['forms']) : {},
  };
}
