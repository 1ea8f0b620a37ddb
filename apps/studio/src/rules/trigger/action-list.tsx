import { useTranslation } from 'react-i18next';
import { useTriggerRule } from '../hooks/useTriggerRule';
import { blankAction } from '../model/action-types';
import { freeId } from '../model/ids';
import { ruleEdit } from '../store/edit';
import { ActionCard } from './action-card';

/** "Then": the ordered action cards and "add action". */
export function ActionList() {
  const { t } = useTranslation();
  const rule = useTriggerRule();
  const add = () =>
    ruleEdit.structural((r) => {
      if (r.type !== 'trigger') return r;
      const id = freeId('create', r.actions.map((a) => a.id), true);
      const form = 'form' in r.trigger ? r.trigger.form : '';
      const action = blankAction('create', id);
      return { ...r, actions: [...r.actions, { ...action, form } as typeof action] };
    });
  return (
    <section className="rule-card rule-actions" data-path="/actions">
      <header className="rule-card-head">
        <span className="rule-step">{t('rules.then')}</span>
        {t('rules.actions')}
        <span className="badge">{rule.actions.length}</span>
      </header>
      <div className="rule-card-body">
        {rule.actions.length === 0 && <div className="muted pad">{t('rules.noActions')}</div>}
        {rule.actions.map((a, i) => (
          <ActionCard key={i} index={i} action={a} count={rule.actions.length} />
        ))}
        <button type="button" className="btn btn-sm" onClick={add} data-testid="action-add">
          + {t('rules.addAction')}
        </button>
      </div>
    </section>
  );
}
