import { createDocStore } from '../../reports/store/doc-store';
import type { RoleDefinition } from '../model/types';
import { bumpRevision } from './role-ui';

const EMPTY: RoleDefinition = { formatVersion: 1, key: '', name: { 'zh-CN': '', en: '' }, forms: {} };

/** The role being edited, with its undo / redo history (the report designer's doc store). */
export const roleDoc = createDocStore<RoleDefinition>(EMPTY, bumpRevision);

/** The zustand hook of the edited role (`s.doc`). */
export const useRoleStore = roleDoc.useDoc;
