import type { LocalizedText } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { RuleExpr } from '../common/rule-expr';
import { useTableRule } from '../hooks/useTableRule';
import { useTableScopeFields } from '../hooks/useTableScopeFields';
import { ptr } from '../model/pointer';
import { addInput, moveInput, removeInput, updateInput } from '../model/table-ops';
import { ruleEdit } from '../store/edit';

const setLabel = (i: number, lang: keyof LocalizedText, v: string) =>
  ruleEdit.table((t) => updateInput(t, i, (c) => ({ ...c, label: { ...c.label, [lang]: v } })), ptr('inputs', i, 'label', lang));

/** Input columns: label (zh / en) and the expression whose value the rows test. */
export function InputColumns() {
  const { t } = useTranslation();
  const table = useTableRule();
  const fields = useTableScopeFields();
  const n = table.inputs.length;
  return (
    <div className="columns" data-testid="table-inputs">
      <div className="columns-title">
        {t('rules.inputs')} <span className="muted small">{t('rules.inputsHint')}</span>
      </div>
      {table.inputs.map((c, i) => (
        <div className="column-row" key={i} data-testid={`table-input-${i}`} data-path={ptr('inputs', i)}>
          <input className="input" value={c.label['zh-CN']} placeholder={t('rules.labelZh')} onChange={(e) => setLabel(i, 'zh-CN', e.target.value)} data-testid={`table-input-label-zh-${i}`} />
          <input className="input" value={c.label.en} placeholder={t('rules.labelEn')} onChange={(e) => setLabel(i, 'en', e.target.value)} data-testid={`table-input-label-en-${i}`} />
          <RuleExpr
            path={ptr('inputs', i, 'expression')}
            value={c.expression}
            onChange={(v) => ruleEdit.table((tb) => updateInput(tb, i, (x) => ({ ...x, expression: v })), ptr('inputs', i, 'expression'))}
            context="table"
            fields={fields}
            placeholder="record.amount"
            testId={`table-input-expr-${i}`}
          />
          <span className="row-tools">
            <button type="button" title={t('rules.moveLeft')} disabled={i === 0} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? moveInput(r, i, -1) : r))} data-testid={`table-input-left-${i}`}>
              ←
            </button>
            <button type="button" title={t('rules.moveRight')} disabled={i === n - 1} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? moveInput(r, i, 1) : r))} data-testid={`table-input-right-${i}`}>
              →
            </button>
            <button type="button" title={t('common.delete')} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? removeInput(r, i) : r))} data-testid={`table-input-remove-${i}`}>
              ✕
            </button>
          </span>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? addInput(r) : r))} data-testid="table-input-add">
        + {t('rules.addInput')}
      </button>
    </div>
  );
}
