import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { pick } from '../../ui/localized';
import { useDirty } from '../hooks/useDirty';
import { useRule } from '../hooks/useRule';
import { useRuleApp } from '../hooks/useRuleApp';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { ruleEdit } from '../store/edit';
import { publishRuleApp, saveRuleDraft } from '../store/persist';
import { SaveResultBadge } from './save-result';

/** Rule editor top bar: back, title, type, unsaved indicator, undo/redo, save draft, publish. */
export function RuleToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = useRule();
  const app = useRuleApp();
  const dirty = useDirty();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy } = useSaveState();
  return (
    <div className="designer-toolbar rule-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="rule-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <span className={`badge rule-kind rule-kind-${rule.type}`}>{rule.type === 'trigger' ? t('rules.typeTrigger') : t('rules.typeTable')}</span>
        <strong data-testid="rule-heading">{pick(rule.title, locale, rule.key)}</strong>
        <code className="muted-code">{rule.key}</code>
        <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid="rule-dirty" data-dirty={dirty}>
          {dirty ? t('designer.unsaved') : t('designer.allSaved')}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge />
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={ruleEdit.undo} title={t('designer.undoHint')} data-testid="rule-undo">
          ↶ {t('designer.undo')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={ruleEdit.redo} title={t('designer.redoHint')} data-testid="rule-redo">
          ↷ {t('designer.redo')}
        </button>
      </div>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void saveRuleDraft()} data-testid="rule-save">
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void publishRuleApp()} data-testid="rule-publish">
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
