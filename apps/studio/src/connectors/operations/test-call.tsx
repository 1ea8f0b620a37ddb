import type { OperationDefinition } from '@kiln/engine-connectors';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/error-text';
import { connectorApi } from '../api/connector-api';
import type { TestCallResult } from '../api/types';
import { CallErrorView, jsonText } from '../calls/request-view';
import { StepsView } from '../calls/steps-view';
import { useConnectorApp } from '../hooks/useConnectorApp';
import { storedConnector } from '../store/persist';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: TestCallResult } | { kind: 'failed'; error: unknown };

/**
 * "Test call": runs the operation for real through the server (`POST …/test`) with the current,
 * unsaved definition and the sample input, and shows the requests sent and the responses
 * received. `op-test-result` has `data-state` = `idle`, `running`, `ok`, `error` (the call
 * failed), `failed` (the request itself failed).
 */
export function TestCall({ opKey, op }: { opKey: string; op: OperationDefinition }) {
  const { t } = useTranslation();
  const { app, key } = useConnectorApp();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    try {
      const result = await connectorApi.test(app, key, { operation: opKey, input: op.sample?.input ?? {}, definition: storedConnector() });
      setState({ kind: 'done', result });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  const dataState = state.kind === 'done' ? (state.result.ok ? 'ok' : 'error') : state.kind;
  return (
    <section className="conn-box" data-testid="op-test">
      <div className="conn-box-title">
        {t('connectors.test.title')}
        <button type="button" className="btn btn-sm btn-primary" disabled={state.kind === 'running'} onClick={() => void run()} data-testid="op-test-run">
          {state.kind === 'running' ? t('connectors.test.running') : t('connectors.test.run')}
        </button>
      </div>
      <p className="prop-hint">{t('connectors.test.hint')}</p>
      <div className="conn-test-result" data-testid="op-test-result" data-state={dataState}>
        {state.kind === 'failed' && <ErrorText error={state.error} />}
        {state.kind === 'done' && (
          <>
            <div className="conn-http-line">
              <span className={state.result.ok ? 'badge badge-ok' : 'badge badge-bad'} data-testid="op-test-ok">
                {state.result.ok ? t('connectors.test.ok') : t('connectors.test.failed')}
              </span>
              <span className="muted small" data-testid="op-test-duration">{state.result.durationMs} ms</span>
              <span className="muted small">
                {t('connectors.preview.key')}: <code data-testid="op-test-key">{state.result.key}</code>
              </span>
            </div>
            <StepsView steps={state.result.steps} prefix="op-test-step" />
            {state.result.ok ? (
              <>
                <div className="conn-box-sub">{t('connectors.preview.result')}</div>
                <pre className="conn-pre" data-testid="op-test-output">{jsonText(state.result.result)}</pre>
              </>
            ) : (
              state.result.error && <CallErrorView error={state.result.error} testId="op-test-error" />
            )}
          </>
        )}
      </div>
    </section>
  );
}
