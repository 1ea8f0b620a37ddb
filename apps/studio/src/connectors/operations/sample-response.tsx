import type { OperationDefinition } from '@kiln/engine-connectors';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { JsonEditor } from '../editor/json-editor';
import { connectorEdit } from '../store/edit';

type Sample = NonNullable<OperationDefinition['sample']>;
type Responses = NonNullable<Sample['responses']>;

/** Sets the sample response of `stepId` (a status and body), stored in `operation.sample.responses`. */
function withResponse(op: OperationDefinition, stepId: string, patch: Partial<Responses[string]>): OperationDefinition {
  const responses: Responses = { ...op.sample?.responses };
  const cur = responses[stepId] ?? { status: 200, body: {} };
  responses[stepId] = { ...cur, ...patch };
  return { ...op, sample: { ...op.sample, responses } };
}

/** The canned response a step gets in the live preview: HTTP status and JSON body (`op-sample-status-<i>`, `op-sample-body-<i>`). */
export function SampleResponse({ opKey, op, index, stepId }: { opKey: string; op: OperationDefinition; index: number; stepId: string }) {
  const { t } = useTranslation();
  const sample = op.sample?.responses?.[stepId];
  const group = `${ptr('operations', opKey)}/sample/responses/${stepId}`;
  return (
    <div className="conn-sample-response" data-testid={`op-sample-response-${index}`}>
      <div className="inline-inputs">
        <span className="muted">{t('connectors.preview.sampleResponse')}</span>
        <StatusInput
          value={sample?.status ?? 200}
          onChange={(status) => connectorEdit.operation(opKey, (o) => withResponse(o, stepId, { status }), `${group}/status`)}
          testId={`op-sample-status-${index}`}
        />
      </div>
      <JsonEditor
        value={sample?.body ?? {}}
        onChange={(body) => connectorEdit.operation(opKey, (o) => withResponse(o, stepId, { body: body ?? null }), `${group}/body`)}
        testId={`op-sample-body-${index}`}
        onUndo={connectorEdit.undo}
        onRedo={connectorEdit.redo}
      />
    </div>
  );
}

/** An HTTP status: typed freely, committed whenever it is a whole number 100–599 (`data-valid`). */
function StatusInput({ value, onChange, testId }: { value: number; onChange: (status: number) => void; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText((cur) => (Number(cur) === value ? cur : String(value))), [value]);
  const n = Number(text);
  const ok = /^\d{3}$/.test(text) && n >= 100 && n <= 599;
  return (
    <input
      type="number" className={ok ? 'input' : 'input is-bad'} value={text} min={100} max={599} data-valid={ok} data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const next = Number(e.target.value);
        if (/^\d{3}$/.test(e.target.value) && next >= 100 && next <= 599 && next !== value) onChange(next);
      }}
      onBlur={() => !ok && setText(String(value))}
    />
  );
}
