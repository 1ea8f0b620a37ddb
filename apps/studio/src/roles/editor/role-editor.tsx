import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../../designer/hooks/useUnsavedGuard';
import { useUndoShortcuts } from '../../hooks/useUndoShortcuts';
import { ErrorText } from '../../ui/error-text';
import { useDirty } from '../hooks/useDirty';
import { useLiveValidation } from '../hooks/useLiveValidation';
import { useLoadRole } from '../hooks/useLoadRole';
import { useRole } from '../hooks/useRole';
import { PermissionMatrix } from '../matrix/permission-matrix';
import { RoleProblems } from '../problems/problems-panel';
import { roleEdit } from '../store/edit';
import { useRoleUi, type RoleUiState } from '../store/role-ui';
import { FlowsReportsSection } from './flows-reports-section';
import { HoldersSection } from './holders-section';
import { RoleSettings } from './role-settings';
import { RoleToolbar } from './role-toolbar';
import { SelfSection } from './self-section';

const selectRevision = (s: RoleUiState) => s.revision;

/** The editor of role draft `role` (`role-editor`): loads it, then toolbar · sections · problems. */
export function RoleEditor({ app, role }: { app: string; role: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadRole(app, role);
  if (error) {
    return (
      <div className="role-editor pad">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <LoadedRoleEditor />;
}

function LoadedRoleEditor() {
  const dirty = useDirty();
  const role = useRole();
  const revision = useRoleUi(selectRevision);
  // The policy editors route Ctrl/⌘+Z themselves; dialogs and the other tabs keep the browser's undo.
  useUndoShortcuts(roleEdit, { keepNative: '.cm-editor, .role-native-undo, .dialog' });
  useUnsavedGuard(dirty);
  useLiveValidation();
  return (
    <div className="role-editor" data-testid="role-editor" data-role={role.key}>
      <RoleToolbar />
      <div className="role-scroll">
        <RoleSettings key={revision} />
        <div className="role-grid-2">
          <HoldersSection />
          <SelfSection />
        </div>
        <PermissionMatrix />
        <FlowsReportsSection />
      </div>
      <RoleProblems />
    </div>
  );
}
