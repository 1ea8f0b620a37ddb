import { HTTP_METHODS, type HttpMethod, type OperationDefinition, type StepDefinition } from '@kiln/engine-connectors';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { KeyInput } from '../common/key-input';
import { Labeled } from '../common/labeled';
import { PathProblems } from '../common/path-problems';
import { MappingEditor } from '../editor/mapping-editor';
import { useProblemsAt } from '../hooks/useProblemsAt';
import { moveStep, removeStep, renameStep, setStepProp, updateStep } from '../model/operation-ops';
import { connectorEdit } from '../store/edit';
import { RecordRows } from './record-rows';

interface Props {
  opKey: string;
  op: OperationDefinition;
  index: number;
  step: StepDefinition;
}

const RESPONSE_PROPS = ['success', 'error', 'expired', 'permanent'] as const;

/**
 * One HTTP call of an operation: id, `when`, method and path, query and header rows, body, and
 * the response expressions (success / error / expired / permanent) folded below.
 */
export function StepCard({ opKey, op, index: i, step }: Props) {
  const { t } = useTranslation();
  const base = ptr('operations', opKey, 'steps', i);
  const problems = useProblemsAt(base, true);
  const [open, setOpen] = useState(() => RESPONSE_PROPS.some((p) => step[p]));
  const edit = (fn: (s: StepDefinition) => StepDefinition, prop: string) => connectorEdit.operation(opKey, (o) => updateStep(o, i, fn), `${base}/${prop}`);
  const structural = (fn: (o: OperationDefinition) => OperationDefinition) =>
    connectorEdit.structural((d) => ({ ...d, operations: { ...d.operations, [opKey]: fn(d.operations?.[opKey] ?? op) } }));
  const responseCount = RESPONSE_PROPS.filter((p) => step[p]).length;
  return (
    <div className={problems.length ? 'action-card has-problem' : 'action-card'} data-testid={`step-${i}`} data-step-id={step.id} data-path={base}>
      <div className="action-head">
        <span className="action-index">{i + 1}</span>
        <span className="action-id">
          {t('connectors.steps.id')}
          <KeyInput value={step.id} taken={op.steps.filter((_, k) => k !== i).map((s) => s.id)} onCommit={(to) => structural((o) => renameStep(o, i, to))} testId={`step-id-${i}`} invalidHint={t('connectors.steps.idInvalid')} path={`${base}/id`} />
        </span>
        <select className="input conn-method" value={step.method} onChange={(e) => edit((s) => ({ ...s, method: e.target.value as HttpMethod }), 'method')} data-testid={`step-method-${i}`} data-path={`${base}/method`}>
          {HTTP_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <input className="input mono conn-path" value={step.path} placeholder="/orders/{input.id}" onChange={(e) => edit((s) => ({ ...s, path: e.target.value }), 'path')} data-testid={`step-path-${i}`} data-path={`${base}/path`} />
        <span className="action-tools">
          <button type="button" disabled={i === 0} onClick={() => structural((o) => moveStep(o, i, -1))} title={t('connectors.up')} data-testid={`step-up-${i}`}>↑</button>
          <button type="button" disabled={i === op.steps.length - 1} onClick={() => structural((o) => moveStep(o, i, 1))} title={t('connectors.down')} data-testid={`step-down-${i}`}>↓</button>
          <button type="button" onClick={() => structural((o) => removeStep(o, i))} title={t('common.delete')} data-testid={`step-remove-${i}`}>✕</button>
        </span>
      </div>
      <div className="action-body">
        <div className="action-hint rf-hint conn-path-hint">
          {t('connectors.steps.pathHint')}
          <PathProblems path={`${base}/path`} />
          <PathProblems path={`${base}/id`} />
          <PathProblems path={`${base}/method`} />
        </div>
        <div className="rule-grid">
          <Labeled label={t('connectors.steps.when')} hint={t('connectors.steps.whenHint')} wide>
            <MappingEditor path={`${base}/when`} value={step.when} onChange={(v) => edit((s) => setStepProp(s, 'when', v), 'when')} scope="step" testId={`step-when-${i}`} placeholder={t('connectors.steps.always')} />
          </Labeled>
          <Labeled label={t('connectors.steps.query')} wide>
            <RecordRows rows={step.query} onChange={(rows) => edit((s) => setStepProp(s, 'query', rows), 'query')} base={`${base}/query`} prefix={`step-query-${i}`} newName="param" />
          </Labeled>
          <Labeled label={t('connectors.steps.headers')} wide>
            <RecordRows rows={step.headers} onChange={(rows) => edit((s) => setStepProp(s, 'headers', rows), 'headers')} base={`${base}/headers`} prefix={`step-header-${i}`} newName="X-Header" />
          </Labeled>
          <Labeled label={t('connectors.steps.body')} hint={t('connectors.steps.bodyHint')} wide>
            <MappingEditor path={`${base}/body`} value={step.body} onChange={(v) => edit((s) => setStepProp(s, 'body', v), 'body')} scope="step" testId={`step-body-${i}`} multiline placeholder="{ 'orderNo': key, 'amount': $yuan(input.total) }" />
          </Labeled>
        </div>
        <div className="conn-fold">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setOpen(!open)} aria-expanded={open} data-testid={`step-response-toggle-${i}`}>
            {open ? '▾' : '▸'} {t('connectors.steps.response')} {responseCount > 0 && <span className="badge">{responseCount}</span>}
          </button>
        </div>
        {open && (
          <div className="rule-grid">
            {RESPONSE_PROPS.map((p) => (
              <Labeled key={p} label={t(`connectors.steps.${p}`)} hint={t(`connectors.steps.${p}Hint`)} wide>
                <MappingEditor path={`${base}/${p}`} value={step[p]} onChange={(v) => edit((s) => setStepProp(s, p, v), p)} scope="response" testId={`step-${p}-${i}`} expandable />
              </Labeled>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
