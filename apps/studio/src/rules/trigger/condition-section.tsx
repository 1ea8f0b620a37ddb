import { useTranslation } from 'react-i18next';
import { RuleExpr } from '../common/rule-expr';
import { useFormFields } from '../hooks/useFormFields';
import { useTriggerRule } from '../hooks/useTriggerRule';
import { withOptional } from '../model/optional';
import { triggerForm } from '../model/trigger-ops';
import { ruleEdit } from '../store/edit';

/** "If": the condition expression (empty = always). */
export function ConditionSection() {
  const { t } = useTranslation();
  const rule = useTriggerRule();
  const fields = useFormFields(triggerForm(rule.trigger));
  return (
    <section className="rule-card">
      <header className="rule-card-head">
        <span className="rule-step">{t('rules.if')}</span>
        {t('rules.condition')}
      </header>
      <div className="rule-card-body">
        <RuleExpr
          path="/condition"
          value={rule.condition}
          onChange={(v) => ruleEdit.trigger((r) => withOptional(r, 'condition', v), '/condition')}
          context="trigger"
          fields={fields}
          expandable
          placeholder={t('rules.conditionPlaceholder')}
          testId="condition-editor"
          ariaLabel={t('rules.condition')}
        />
        <div className="rf-hint">{t('rules.conditionHint')}</div>
      </div>
    </section>
  );
}
