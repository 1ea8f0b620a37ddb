import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';
import { pick } from '../../ui/localized';
import { SaveResultBadge } from '../../ui/save-result-badge';
import { useDirty } from '../hooks/useDirty';
import { useProblems } from '../hooks/useProblems';
import { useRole } from '../hooks/useRole';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { roleEdit } from '../store/edit';
import { publishRoleApp, saveRoleDraft } from '../store/persist';

/** The role editor's top bar: name, unsaved indicator, problem count, undo / redo, save, publish. */
export function RoleToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useRole();
  const dirty = useDirty();
  const problems = useProblems();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy, result } = useSaveState();
  return (
    <div className="designer-toolbar role-toolbar">
      <div className="designer-title">
        <span className="badge role-kind">{t('roles.kind')}</span>
        <strong data-testid="role-heading">{pick(role.name, locale, role.key)}</strong>
        <code className="muted-code">{role.key}</code>
        <DirtyDot dirty={dirty} testId="role-dirty" />
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'} data-testid="role-problem-count" data-count={problems.length}>
          {t('roles.problemCount', { count: problems.length })}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="role-result" />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={roleEdit.undo} onRedo={roleEdit.redo} testPrefix="role" />
      <SavePublishButtons busy={busy} onSave={saveRoleDraft} onPublish={publishRoleApp} testPrefix="role" />
    </div>
  );
}
