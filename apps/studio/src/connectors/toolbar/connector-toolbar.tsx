import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { SaveResultBadge } from '../../ui/save-result-badge';
import { useConnector } from '../hooks/useConnector';
import { useConnectorApp } from '../hooks/useConnectorApp';
import { useDirty } from '../hooks/useDirty';
import { useProblems } from '../hooks/useProblems';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { textOf } from '../model/text';
import { connectorEdit } from '../store/edit';
import { publishConnectorApp, saveConnectorDraft } from '../store/persist';
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';

/** Connector page top bar: back, name, unsaved indicator, problem count, undo / redo, save, publish. */
export function ConnectorToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useConnector();
  const { app } = useConnectorApp();
  const dirty = useDirty();
  const problems = useProblems();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy, result } = useSaveState();
  return (
    <div className="designer-toolbar conn-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="connector-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <span className="badge conn-kind">{t('connectors.kind')}</span>
        <strong data-testid="connector-heading">{textOf(def.name, locale, def.key)}</strong>
        <code className="muted-code">{def.key}</code>
        {def.preset && <span className="badge">{t(`connectors.presets.${def.preset}.name`)}</span>}
        <DirtyDot dirty={dirty} testId="connector-dirty" />
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'} data-testid="connector-problem-count" data-count={problems.length}>
          {t('connectors.problemCount', { count: problems.length })}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="connector-result" />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={connectorEdit.undo} onRedo={connectorEdit.redo} testPrefix="connector" />
      <SavePublishButtons busy={busy} onSave={saveConnectorDraft} onPublish={publishConnectorApp} testPrefix="connector" />
    </div>
  );
}
