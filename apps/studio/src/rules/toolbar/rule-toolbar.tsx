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
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';

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
        <DirtyDot dirty={dirty} testId="rule-dirty" />
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={ruleEdit.undo} onRedo={ruleEdit.redo} testPrefix="rule" />
      <SavePublishButtons busy={busy} onSave={saveRuleDraft} onPublish={publishRuleApp} testPrefix="rule" />
    </div>
  );
}
