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
        <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid="connector-dirty" data-dirty={dirty}>
          {dirty ? t('designer.unsaved') : t('designer.allSaved')}
        </span>
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'} data-testid="connector-problem-count" data-count={problems.length}>
          {t('connectors.problemCount', { count: problems.length })}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="connector-result" />
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={connectorEdit.undo} title={t('designer.undoHint')} data-testid="connector-undo">
          ↶ {t('designer.undo')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={connectorEdit.redo} title={t('designer.redoHint')} data-testid="connector-redo">
          ↷ {t('designer.redo')}
        </button>
      </div>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void saveConnectorDraft()} data-testid="connector-save">
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void publishConnectorApp()} data-testid="connector-publish">
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
