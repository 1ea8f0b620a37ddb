import type { FlowDefinition, InstanceResult } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../rules/common/field-select';
import { writableFields } from '../../rules/model/form-fields';
import { useFlow } from '../hooks/useFlow';
import { useFlowFields } from '../hooks/useFlowFields';
import { RESULT_LIST } from '../model/constants';
import { flowEdit } from '../store/edit';
import { ResultValueInput } from './result-value-input';

type Values = Readonly<Record<string, unknown>>;

function withResult(f: FlowDefinition, result: InstanceResult, values: Values | undefined): FlowDefinition {
  const results = { ...f.results };
  if (values && Object.keys(values).length) results[result] = values;
  else delete results[result];
  const { results: _drop, ...rest } = f;
  return Object.keys(results).length ? { ...rest, results } : rest;
}

/**
 * What the flow writes to its record when an instance finishes, per result: field = literal
 * value (e.g. approved → status = "approved"). Test ids `flow-result-add-<result>`,
 * `flow-result-field-<result>-<i>`, `flow-result-value-<result>-<i>`, `flow-result-remove-<result>-<i>`.
 */
export function ResultsSection() {
  const { t } = useTranslation();
  const flow = useFlow();
  const fields = writableFields(useFlowFields());
  const set = (result: InstanceResult, values: Values | undefined, group?: string) => flowEdit.flow((f) => withResult(f, result, values), group && `results:${result}:${group}`);
  return (
    <section className="prop-section" data-testid="flow-results">
      <div className="prop-section-title">{t('flows.settings.results')}</div>
      <div className="prop-hint">{t('flows.settings.resultsHint')}</div>
      {RESULT_LIST.map((result) => {
        const values = flow.results?.[result] ?? {};
        const entries = Object.entries(values);
        const used = entries.map(([k]) => k);
        const free = fields.find((f) => !used.includes(f.key));
        return (
          <div className="result-block" key={result} data-testid={`flow-results-${result}`}>
            <div className="result-head">
              <span className={`badge result-badge result-${result}`}>{t(`flows.results.${result}`)}</span>
              <button type="button" className="btn btn-sm btn-ghost" disabled={!free} onClick={() => free && set(result, { ...values, [free.key]: '' })} data-testid={`flow-result-add-${result}`}>
                + {t('flows.settings.addResultField')}
              </button>
            </div>
            {entries.map(([key, value], i) => (
              <div className="mapping-row" key={i}>
                <FieldSelect
                  value={key}
                  fields={fields}
                  exclude={used}
                  onChange={(k) => k && set(result, Object.fromEntries(entries.map(([kk, vv]) => (kk === key ? [k, vv] : [kk, vv]))))}
                  testId={`flow-result-field-${result}-${i}`}
                />
                <span className="mapping-arrow">=</span>
                <ResultValueInput field={fields.find((f) => f.key === key)} value={value} onChange={(v) => set(result, { ...values, [key]: v }, key)} testId={`flow-result-value-${result}-${i}`} />
                <span className="row-tools">
                  <button type="button" title={t('common.delete')} onClick={() => set(result, Object.fromEntries(entries.filter(([kk]) => kk !== key)))} data-testid={`flow-result-remove-${result}-${i}`}>
                    ✕
                  </button>
                </span>
              </div>
            ))}
          </div>
        );
      })}
    </section>
  );
}
