import type { OperationDefinition, StepLog } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { CallErrorView, jsonText, RequestView } from '../calls/request-view';
import { useLivePreview } from '../hooks/useLivePreview';
import { SampleResponse } from './sample-response';

/**
 * The operation run in the browser on every change (debounced): per step the rendered request
 * (or "skipped") and the sample response it gets, then the result and write-back — or the
 * error and the step it stopped at. `op-preview` has `data-state` = `running`, `invalid`, `ok`, `error`.
 */
export function LivePreview({ opKey, op }: { opKey: string; op: OperationDefinition }) {
  const { t } = useTranslation();
  const { result, running } = useLivePreview(opKey);
  const state = !result ? 'running' : result.kind === 'invalid' ? 'invalid' : result.outcome.ok ? 'ok' : 'error';
  const logs: StepLog[] = result?.kind === 'ran' ? result.outcome.steps : [];
  return (
    <div className={running ? 'conn-preview is-running' : 'conn-preview'} data-testid="op-preview" data-state={state} data-running={running}>
      {result?.kind === 'invalid' && (
        <div className="error-text" data-testid="op-preview-invalid">
          {t('connectors.preview.invalid')}
          <ul className="conn-details">
            {(result.problems.length ? result.problems.map((p) => `${p.path}: ${p.message}`) : [result.message]).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.kind === 'ran' && (
        <div className="prop-hint" data-testid="op-preview-key">
          {t('connectors.preview.key')}: <code>{result.key}</code>
          {result.keyError ? <span className="hint-bad"> ({result.keyError})</span> : null}
        </div>
      )}
      <ol className="conn-steps">
        {op.steps.map((s, i) => {
          const log = logs.find((l) => l.step === s.id);
          return (
            <li key={i} className="conn-step" data-testid={`op-preview-step-${i}`} data-step={s.id} data-skipped={!!log?.skipped} data-ran={!!log}>
              <div className="conn-step-head">
                <strong>{s.id}</strong>
                {log?.skipped && <span className="badge">{t('connectors.calls.skipped')}</span>}
                {!log && result?.kind === 'ran' && <span className="badge">{t('connectors.preview.notReached')}</span>}
              </div>
              {log?.request && <RequestView req={log.request} testId={`op-preview-request-${i}`} />}
              {log?.error && <CallErrorView error={log.error} testId={`op-preview-step-error-${i}`} />}
              {!log?.skipped && <SampleResponse opKey={opKey} op={op} index={i} stepId={s.id} />}
            </li>
          );
        })}
      </ol>
      {result?.kind === 'ran' && result.outcome.ok && (
        <div className="conn-outcome">
          <div className="conn-box-sub">{t('connectors.preview.result')}</div>
          <pre className="conn-pre" data-testid="op-preview-result">{jsonText(result.outcome.result) || 'undefined'}</pre>
          <div className="conn-box-sub">{t('connectors.preview.writeBack')}</div>
          <pre className="conn-pre" data-testid="op-preview-writeback">{result.outcome.writeBack === null ? t('connectors.preview.noWriteBack') : jsonText(result.outcome.writeBack)}</pre>
        </div>
      )}
      {result?.kind === 'ran' && !result.outcome.ok && <CallErrorView error={result.outcome.error} testId="op-preview-error" />}
    </div>
  );
}
