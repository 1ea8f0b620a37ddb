import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { EditorRoleProblem } from '../model/editor-problem';
import { useRoleUi, type RoleUiState } from '../store/role-ui';
import { useRole } from './useRole';
import { useRoleApp } from './useRoleApp';

const selectLive = (s: RoleUiState) => s.liveProblems;
const selectServer = (s: RoleUiState) => s.serverProblems;
const selectServerJson = (s: RoleUiState) => s.serverJson;

/** A server path as a JSON pointer (`forms.orders.where` → `/forms/orders/where`). */
function toPointer(path: string): string {
  if (!path || path.startsWith('/')) return path;
  return `/${path.split('.').join('/')}`;
}

/**
 * Every problem of this role: the live validation, and this role's part of the last refused
 * publish — the latter only until the role is edited.
 */
export function useProblems(): EditorRoleProblem[] {
  const live = useRoleUi(selectLive);
  const server = useRoleUi(selectServer);
  const serverJson = useRoleUi(selectServerJson);
  const { key } = useRoleApp();
  const role = useRole();
  const locale = useLocale();
  const current = useMemo(() => (server.length ? JSON.stringify(role) === serverJson : false), [server, role, serverJson]);
  return useMemo(() => {
    const published = current
      ? server
          .filter((p) => p.kind === 'roles' && p.key === key)
          .map((p): EditorRoleProblem => ({ source: 'publish', code: p.code, message: pick(p.message, locale), path: toPointer(p.path) }))
      : [];
    const seen = new Set<string>();
    return [...live, ...published].filter((p) => {
      const id = `${p.path}|${p.code}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
  }, [live, server, current, key, locale]);
}
