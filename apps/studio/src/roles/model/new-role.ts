import type { Localized, RoleDefinition } from './types';

/**
 * A new role granting nothing yet (every grant is added in the matrix).
 *
 * @example newRole('auditor', { 'zh-CN': '审计', en: 'Auditor' })
 */
export function newRole(key: string, name: Localized): RoleDefinition {
  return { formatVersion: 1, key, name: { ...name }, forms: {} };
}
