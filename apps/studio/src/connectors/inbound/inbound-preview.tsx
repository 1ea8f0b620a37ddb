import type { InboundDefinition, InboundEffect } from '@kiln/engine-connectors';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonText } from '../calls/request-view';
import { JsonEditor } from '../editor/json-editor';
import { useConnector } from '../hooks/useConnector';
import { runInbound, type InboundOutcome } from '../model/run-inbound';
import { connectorEdit } from '../store/edit';

const DEBOUNCE_MS = 250;
const asStrings = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), String(x)])) : {};

/** One effect as a line: what it would do, where. */
function EffectLine({ effect, testId }: { effect: InboundEffect; testId: string }) {
  const { t } = useTranslation();
  const head =
    effect.action === 'rule'
      ? t('connectors.inbound.effects.rule', { hook: effect.hook })
      : effect.action === 'call'
        ? t('connectors.inbound.effects.call', { operation: effect.operation })
        : t(`connectors.inbound.effects.${effect.action}`, { form: effect.form, match: jsonText(effect.match).replace(/\s+/g, ' ') });
  const body = effect.action === 'rule' ? effect.payload : effect.action === 'call' ? effect.input : effect.values;
  return (
    <li className="conn-effect" data-testid={testId} data-action={effect.action}>
      <div>{head}</div>
      <pre className="conn-pre">{jsonText(body)}</pre>
    </li>
  );
}

/**
 * The sample request (body stored in `inbound.sample`; headers and query only here) and what it
 * would do: each message with its id and the effects of its handlers, recomputed on every
 * change. `inbound-preview` has `data-state` = `running`, `invalid`, `failed`, `ok` and `data-count`.
 */
export function InboundPreview({ inbound }: { inbound: InboundDefinition }) {
  const { t } = useTranslation();
  const def = useConnector();
  const [headers, setHeaders] = useState<unknown>({});
  const [query, setQuery] = useState<unknown>({});
  const [out, setOut] = useState<InboundOutcome | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      void runInbound(def, { body: inbound.sample ?? {}, headers: asStrings(headers), query: asStrings(query) }, new Date()).then((o) => mine === seq.current && setOut(o));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [def, inbound.sample, headers, query]);
  const state = !out ? 'running' : out.kind;
  return (
    <section className="conn-box" data-testid="inbound-sample-box">
      <div className="conn-box-title">{t('connectors.inbound.sample')}</div>
      <p className="prop-hint">{t('connectors.inbound.sampleHint')}</p>
      <JsonEditor
        value={inbound.sample}
        onChange={(sample) =>
          connectorEdit.inbound((ib) => {
            const next = { ...ib, sample };
            if (sample === undefined) delete next.sample;
            return next;
          }, '/inbound/sample')
        }
        testId="inbound-sample"
        onUndo={connectorEdit.undo}
        onRedo={connectorEdit.redo}
      />
      <details className="conn-fold">
        <summary>{t('connectors.inbound.sampleHeaders')}</summary>
        <div className="conn-native-undo">
          <JsonEditor value={headers} onChange={(v) => setHeaders(v ?? {})} testId="inbound-sample-headers" />
          <JsonEditor value={query} onChange={(v) => setQuery(v ?? {})} testId="inbound-sample-query" />
        </div>
      </details>
      <div className="conn-box-sub">{t('connectors.inbound.preview')}</div>
      <div className="conn-preview" data-testid="inbound-preview" data-state={state} data-count={out?.kind === 'ok' ? out.messages.length : 0}>
        {out?.kind === 'invalid' && (
          <div className="error-text">
            {t('connectors.preview.invalid')}
            <ul className="conn-details">
              {(out.problems.length ? out.problems.map((p) => `${p.path}: ${p.message}`) : [out.message]).map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {out?.kind === 'failed' && (
          <div className="error-text" data-testid="inbound-preview-error" data-code={out.error.code}>
            <code className="error-code">{out.error.code}</code> {out.error.message}
          </div>
        )}
        {out?.kind === 'ok' && out.messages.length === 0 && <p className="muted small">{t('connectors.inbound.noMessages')}</p>}
        {out?.kind === 'ok' && (
          <ol className="conn-steps">
            {out.messages.map((m, i) => (
              <li key={i} className="conn-step" data-testid={`inbound-preview-message-${i}`} data-id={m.id} data-effects={m.effects.length}>
                <div className="conn-step-head">
                  <strong>{t('connectors.inbound.messageN', { n: i + 1 })}</strong>
                  <span className="muted small">
                    id <code>{m.id}</code>
                  </span>
                </div>
                <details>
                  <summary className="muted small">{t('connectors.inbound.showMessage')}</summary>
                  <pre className="conn-pre">{jsonText(m.message)}</pre>
                </details>
                {m.error ? (
                  <div className="error-text" data-code={m.error.code}>
                    <code className="error-code">{m.error.code}</code> {m.error.message}
                  </div>
                ) : m.effects.length === 0 ? (
                  <p className="muted small">{t('connectors.inbound.noEffects')}</p>
                ) : (
                  <ul className="conn-effects">
                    {m.effects.map((e, j) => (
                      <EffectLine key={j} effect={e} testId={`inbound-preview-effect-${i}-${j}`} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
