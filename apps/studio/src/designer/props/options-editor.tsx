import { connect } from '@formily/react';
import type { SelectOption } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { freeKey } from '../model/field-ops';

interface Props {
  value?: SelectOption[];
  onChange?: (value: SelectOption[]) => void;
}

/** Options of a select / multi-select: stored value plus zh-CN / en labels; add, remove, reorder. */
function OptionsEditorBase({ value, onChange }: Props) {
  const { t } = useTranslation();
  const options = value ?? [];
  const set = (next: SelectOption[]) => onChange?.(next);
  const patch = (i: number, p: Partial<SelectOption> & { zh?: string; en?: string }) =>
    set(
      options.map((o, j) => {
        if (j !== i) return o;
        const label = { ...o.label };
        if (p.zh !== undefined) label['zh-CN'] = p.zh;
        if (p.en !== undefined) label.en = p.en;
        return { value: p.value ?? o.value, label };
      }),
    );
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= options.length) return;
    const next = [...options];
    [next[i], next[j]] = [next[j], next[i]];
    set(next);
  };
  const add = () => {
    const v = freeKey(`option_${options.length + 1}`, options.map((o) => o.value));
    const n = options.length + 1;
    set([...options, { value: v, label: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` } }]);
  };

  return (
    <div className="options-editor">
      <div className="options-head">
        <span>{t('props.optionValue')}</span>
        <span>{t('props.optionLabelZh')}</span>
        <span>{t('props.optionLabelEn')}</span>
        <span />
      </div>
      {options.map((o, i) => (
        <div className="options-row" key={i}>
          <input className="input" value={o.value} onChange={(e) => patch(i, { value: e.target.value })} data-testid={`prop-option-value-${i}`} />
          <input className="input" value={o.label?.['zh-CN'] ?? ''} onChange={(e) => patch(i, { zh: e.target.value })} data-testid={`prop-option-label-zh-${i}`} />
          <input className="input" value={o.label?.en ?? ''} onChange={(e) => patch(i, { en: e.target.value })} data-testid={`prop-option-label-en-${i}`} />
          <span className="options-actions">
            <button type="button" title={t('props.moveUp')} disabled={i === 0} onClick={() => move(i, -1)} data-testid={`prop-option-up-${i}`}>
              ↑
            </button>
            <button type="button" title={t('props.moveDown')} disabled={i === options.length - 1} onClick={() => move(i, 1)} data-testid={`prop-option-down-${i}`}>
              ↓
            </button>
            <button type="button" title={t('common.delete')} onClick={() => set(options.filter((_, j) => j !== i))} data-testid={`prop-option-remove-${i}`}>
              ✕
            </button>
          </span>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={add} data-testid="prop-options-add">
        + {t('props.addOption')}
      </button>
    </div>
  );
}

/** The formily-connected options editor (value = `SelectOption[]`). */
export const OptionsEditor = connect(OptionsEditorBase);
