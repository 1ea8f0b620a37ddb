import { ACTION_TYPES, type ActionSpec, type ActionType } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { ProblemHint } from '../common/problem-hint';
import { RuleExpr } from '../common/rule-expr';
import { useActionScope } from '../hooks/useActionScope';
import { useProblemsAt } from '../hooks/useProblemsAt';
import { retypeAction } from '../model/action-types';
import { isValidId } from '../model/ids';
import { moveAt, removeAt } from '../model/list-ops';
import { withOptional } from '../model/optional';
import { ptr } from '../model/pointer';
import { ruleEdit } from '../store/edit';
import { ActionBody } from './action-body';

interface Props {
  index: number;
  action: ActionSpec;
  count: number;
}

const structural = (fn: (actions: ActionSpec[]) => ActionSpec[]) =>
  ruleEdit.structural((r) => (r.type === 'trigger' ? { ...r, actions: fn(r.actions) } : r));

/** One action: type, id, reorder / remove, the type's builder, and optional `when` / `forEach`. */
export function ActionCard({ index: n, action, count }: Props) {
  const { t } = useTranslation();
  const scope = useActionScope(n);
  const base = ptr('actions', n);
  const problems = useProblemsAt(base, true);
  const idBad = !isValidId(action.id);
  return (
    <article className={problems.length ? 'action-card has-problem' : 'action-card'} data-testid={`action-${n}`} data-path={base} data-type={action.type}>
      <header className="action-head">
        <span className="action-index">{n + 1}</span>
        <select
          className="input action-type"
          value={action.type}
          onChange={(e) => ruleEdit.trigger((r) => ({ ...r, actions: retypeAction(r.actions, n, e.target.value as ActionType) }))}
          data-testid={`action-type-${n}`}
          data-path={ptr('actions', n, 'type')}
        >
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`rules.actionTypes.${type}`)}
            </option>
          ))}
        </select>
        <label className="action-id" title={t('rules.actionIdHint')}>
          <span>{t('rules.actionId')}</span>
          <input
            className={idBad ? 'input mono is-bad' : 'input mono'}
            value={action.id}
            onChange={(e) => ruleEdit.action(n, (a) => ({ ...a, id: e.target.value.trim() }), `${base}/id`)}
            data-testid={`action-id-${n}`}
            data-path={ptr('actions', n, 'id')}
          />
        </label>
        <span className="action-type-hint">{t(`rules.actionHints.${action.type}`)}</span>
        <span className="action-tools">
          <button type="button" title={t('rules.moveUp')} disabled={n === 0} onClick={() => structural((l) => moveAt(l, n, -1))} data-testid={`action-up-${n}`}>
            ↑
          </button>
          <button type="button" title={t('rules.moveDown')} disabled={n === count - 1} onClick={() => structural((l) => moveAt(l, n, 1))} data-testid={`action-down-${n}`}>
            ↓
          </button>
          <button type="button" title={t('common.delete')} onClick={() => structural((l) => removeAt(l, n))} data-testid={`action-remove-${n}`}>
            ✕
          </button>
        </span>
      </header>
      <div className="action-body">
        <ActionBody index={n} action={action} scope={scope} />
        <div className="action-hint">
          <ProblemHint path={base} />
          <ProblemHint path={ptr('actions', n, 'type')} />
          <ProblemHint path={ptr('actions', n, 'id')} />
        </div>
      </div>
      <footer className="action-foot">
        <div className="action-opt">
          <span className="rf-label">{t('rules.actionWhen')}</span>
          <RuleExpr
            path={ptr('actions', n, 'when')}
            value={action.when}
            onChange={(v) => ruleEdit.action(n, (a) => withOptional(a, 'when', v), `${base}/when`)}
            context="action"
            fields={scope.fields}
            itemFields={scope.itemFields}
            results={scope.results}
            placeholder={t('rules.actionWhenPlaceholder')}
            testId={`action-when-${n}`}
            expandable
          />
        </div>
        <div className="action-opt">
          <span className="rf-label">{t('rules.actionForEach')}</span>
          <RuleExpr
            path={ptr('actions', n, 'forEach')}
            value={action.forEach}
            onChange={(v) => ruleEdit.action(n, (a) => withOptional(a, 'forEach', v), `${base}/forEach`)}
            context="action"
            fields={scope.fields}
            results={scope.results}
            placeholder={t('rules.actionForEachPlaceholder')}
            testId={`action-foreach-${n}`}
          />
        </div>
      </footer>
    </article>
  );
}
