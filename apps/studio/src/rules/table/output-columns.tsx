import type { LocalizedText, TableOutput } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { ProblemHint } from '../common/problem-hint';
import { useTableRule } from '../hooks/useTableRule';
import { ptr } from '../model/pointer';
import { addOutput, moveOutput, removeOutput, updateOutput } from '../model/table-ops';
import { ruleEdit } from '../store/edit';

const OUTPUT_TYPES = ['text', 'number', 'money', 'boolean'] as const;

const edit = (i: number, fn: (c: TableOutput) => TableOutput, group: string) => ruleEdit.table((t) => updateOutput(t, i, fn), group);
const setLabel = (i: number, lang: keyof LocalizedText, v: string) => edit(i, (c) => ({ ...c, label: { ...c.label, [lang]: v } }), ptr('outputs', i, 'label', lang));

/** Output columns: key (the name in the result), label (zh / en), value type. */
export function OutputColumns() {
  const { t } = useTranslation();
  const table = useTableRule();
  const n = table.outputs.length;
  return (
    <div className="columns" data-testid="table-outputs">
      <div className="columns-title">
        {t('rules.outputs')} <span className="muted small">{t('rules.outputsHint')}</span>
      </div>
      {table.outputs.map((c, i) => (
        <div key={i}>
          <div className="column-row column-row-out" data-testid={`table-output-${i}`} data-path={ptr('outputs', i)}>
            <input
              className="input mono"
              value={c.key}
              placeholder={t('rules.outputKey')}
              onChange={(e) => edit(i, (x) => ({ ...x, key: e.target.value.trim() }), ptr('outputs', i, 'key'))}
              data-testid={`table-output-key-${i}`}
            />
            <input className="input" value={c.label['zh-CN']} placeholder={t('rules.labelZh')} onChange={(e) => setLabel(i, 'zh-CN', e.target.value)} data-testid={`table-output-label-zh-${i}`} />
            <input className="input" value={c.label.en} placeholder={t('rules.labelEn')} onChange={(e) => setLabel(i, 'en', e.target.value)} data-testid={`table-output-label-en-${i}`} />
            <select
              className="input"
              value={c.type ?? 'text'}
              onChange={(e) => edit(i, (x) => ({ ...x, type: e.target.value as TableOutput['type'] }), ptr('outputs', i, 'type'))}
              data-testid={`table-output-type-${i}`}
            >
              {OUTPUT_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`rules.outputTypes.${ty}`)}
                </option>
              ))}
            </select>
            <span className="row-tools">
              <button type="button" title={t('rules.moveLeft')} disabled={i === 0} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? moveOutput(r, i, -1) : r))} data-testid={`table-output-left-${i}`}>
                ←
              </button>
              <button type="button" title={t('rules.moveRight')} disabled={i === n - 1} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? moveOutput(r, i, 1) : r))} data-testid={`table-output-right-${i}`}>
                →
              </button>
              <button type="button" title={t('common.delete')} onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? removeOutput(r, i) : r))} data-testid={`table-output-remove-${i}`}>
                ✕
              </button>
            </span>
          </div>
          <ProblemHint path={ptr('outputs', i)} within />
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => ruleEdit.structural((r) => (r.type === 'table' ? addOutput(r) : r))} data-testid="table-output-add">
        + {t('rules.addOutput')}
      </button>
    </div>
  );
}
