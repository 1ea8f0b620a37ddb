import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { pick } from '../../ui/localized';
import { useAppKey } from '../hooks/useAppKey';
import { useDefinition } from '../hooks/useDefinition';
import { useDirty } from '../hooks/useDirty';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { designer } from '../store/actions';
import { publishApp, saveDraft } from '../store/persist';
import { PublishResultBadge } from './publish-result';

/** Designer top bar: back, title, unsaved indicator, undo/redo, save draft, publish. */
export function DesignerToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useDefinition();
  const app = useAppKey();
  const dirty = useDirty();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy } = useSaveState();

  return (
    <div className="designer-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="designer-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <strong>{pick(def.title, locale, def.key)}</strong>
        <code className="muted-code">{def.key}</code>
        <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid="dirty-indicator" data-dirty={dirty}>
          {dirty ? t('designer.unsaved') : t('designer.allSaved')}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <PublishResultBadge />
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={designer.undo} title={t('designer.undoHint')} data-testid="undo">
          ↶ {t('designer.undo')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={designer.redo} title={t('designer.redoHint')} data-testid="redo">
          ↷ {t('designer.redo')}
        </button>
      </div>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void saveDraft()} data-testid="save-draft">
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void publishApp()} data-testid="publish">
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
