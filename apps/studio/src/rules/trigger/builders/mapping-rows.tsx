import type { FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../common/field-select';
import { RuleExpr } from '../../common/rule-expr';
import type { ActionScope } from '../../hooks/useActionScope';
import { moveKey, newKey, removeKey, renameKey, setKey } from '../../model/mapping-ops';
import { ptr } from '../../model/pointer';

interface Props {
  /** Action index. */
  n: number;
  /** Which mapping of the action: `values` or `match` (also the test-id prefix: `mapping` / `match`). */
  prop: 'values' | 'match';
  mapping: Record<string, string>;
  /** Fields of the target form (left side). */
  targetFields: readonly FieldDefinition[];
  scope: ActionScope;
  onChange: (next: Record<string, string>, group?: string) => void;
}

/**
 * Field mapping rows: target field ← expression. Test ids `<p>-add-<n>`, `<p>-field-<n>-<m>`,
 * `<p>-expr-<n>-<m>`, `<p>-remove-<n>-<m>` with `<p>` = `mapping` (values) or `match`.
 */
export function MappingRows({ n, prop, mapping, targetFields, scope, onChange }: Props) {
  const { t } = useTranslation();
  const p = prop === 'values' ? 'mapping' : 'match';
  const entries = Object.entries(mapping);
  const used = entries.map(([k]) => k);
  return (
    <div className="mapping" data-testid={`${p}-${n}`}>
      {entries.length === 0 && <div className="muted small">{prop === 'values' ? t('rules.noMappings') : t('rules.noMatch')}</div>}
      {entries.map(([key, expr], m) => (
        <div className="mapping-row" key={m} data-testid={`${p}-row-${n}-${m}`}>
          <FieldSelect
            value={key}
            fields={targetFields}
            exclude={used}
            onChange={(k) => k && onChange(renameKey(mapping, key, k))}
            testId={`${p}-field-${n}-${m}`}
          />
          <span className="mapping-arrow">←</span>
          <RuleExpr
            path={ptr('actions', n, prop, key)}
            value={expr}
            onChange={(v) => onChange(setKey(mapping, key, v), ptr('actions', n, prop, key))}
            context="action"
            fields={scope.fields}
            itemFields={scope.itemFields}
            results={scope.results}
            placeholder={t('rules.valuePlaceholder')}
            testId={`${p}-expr-${n}-${m}`}
            expandable
          />
          <span className="row-tools">
            <button type="button" title={t('rules.moveUp')} disabled={m === 0} onClick={() => onChange(moveKey(mapping, m, -1))} data-testid={`${p}-up-${n}-${m}`}>
              ↑
            </button>
            <button type="button" title={t('common.delete')} onClick={() => onChange(removeKey(mapping, key))} data-testid={`${p}-remove-${n}-${m}`}>
              ✕
            </button>
          </span>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => onChange(setKey(mapping, newKey(mapping, targetFields.map((f) => f.key)), ''))}
        data-testid={`${p}-add-${n}`}
      >
        + {prop === 'values' ? t('rules.addMapping') : t('rules.addMatch')}
      </button>
    </div>
  );
}
