import { HIT_POLICIES, type HitPolicy } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { useTableRule } from '../hooks/useTableRule';
import { ruleEdit } from '../store/edit';

/** The hit policy with a sentence on what it does (`table-hit-policy`, `table-hit-policy-help`). */
export function HitPolicyPicker() {
  const { t } = useTranslation();
  const table = useTableRule();
  return (
    <Labeled label={t('rules.hitPolicy')} path="/hitPolicy" wide>
      <div className="hit-policy">
        <select
          className="input"
          value={table.hitPolicy}
          onChange={(e) => ruleEdit.table((r) => ({ ...r, hitPolicy: e.target.value as HitPolicy }))}
          data-testid="table-hit-policy"
          data-path="/hitPolicy"
        >
          {HIT_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`rules.hitPolicies.${p}`)}
            </option>
          ))}
        </select>
        <p className="hit-policy-help" data-testid="table-hit-policy-help">
          {t(`rules.hitPolicyHelp.${table.hitPolicy}`)}
        </p>
      </div>
    </Labeled>
  );
}
