import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sampleRecord } from '../../rules/model/sample-facts';
import { ErrorText } from '../../ui/error-text';
import { useFlow } from '../hooks/useFlow';
import { useFlowApp } from '../hooks/useFlowApp';
import { useFlowFields } from '../hooks/useFlowFields';
import { useSampleRecords } from '../hooks/useSampleRecords';
import { useDryRunStore } from '../store/dry-run-store';
import { DryRunSteps } from './dry-run-steps';
import { runDryRun } from './run-dry-run';

const recordLabel = (r: Record<string, unknown>) =>
  `#${String(r.id)} ${Object.entries(r)
    .filter(([k, v]) => !['id', 'createdAt', 'updatedAt', 'formVersion'].includes(k) && (typeof v === 'string' || typeof v === 'number'))
    .slice(0, 3)
    .map(([, v]) => String(v))
    .join(' · ')}`;

/** Record fields a sample keeps (system columns are not field values). */
function sampleOf(r: Record<string, unknown>): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, formVersion: _v, ...rest } = r;
  return rest;
}

/**
 * The dry run: pick a sample record (an existing record of the flow's form, the generated
 * sample, or JSON typed in), run the unsaved flow on it (`POST …/flows/{key}/dry-run`), and
 * read the path it takes; the path is highlighted on the canvas and each step selects its node.
 */
export function DryRunPanel() {
  const { t } = useTranslation();
  const flow = useFlow();
  const app = useFlowApp();
  const fields = useFlowFields();
  const st = useDryRunStore();
  const records = useSampleRecords(app, flow.form);
  const sample = useMemo(() => JSON.stringify(sampleRecord(fields), null, 2), [fields]);
  const json = st.auto ? sample : st.json;
  const flowJson = useMemo(() => JSON.stringify(flow), [flow]);
  const stale = !!st.response && st.ranJson !== flowJson;
  const r = st.response;
  const state = st.running ? 'running' : st.requestError ? 'failed' : r ? (r.error ? 'error' : 'ok') : 'idle';
  const pickRecord = (id: string) => {
    const rec = records.items.find((x) => String(x.id) === id);
    if (!rec) useDryRunStore.setState({ recordId: '', auto: true });
    else useDryRunStore.setState({ recordId: id, auto: false, json: JSON.stringify(sampleOf(rec), null, 2) });
  };
  return (
    <div className="dryrun-panel" data-testid="dryrun-panel">
      <p className="prop-hint">{t('flows.dryRun.hint')}</p>
      <label className="prop-item">
        <span className="prop-label">{t('flows.dryRun.record')}</span>
        <select className="input" value={st.recordId} onChange={(e) => pickRecord(e.target.value)} data-testid="dryrun-record" data-count={records.items.length}>
          <option value="">{t('flows.dryRun.generated')}</option>
          {records.items.map((rec) => (
            <option key={String(rec.id)} value={String(rec.id)}>
              {recordLabel(rec)}
            </option>
          ))}
        </select>
        {records.error ? <span className="prop-hint">{t('flows.dryRun.noRecords')}</span> : null}
      </label>
      <label className="prop-item">
        <span className="prop-label">
          {t('flows.dryRun.json')}
          {!st.auto && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => useDryRunStore.setState({ auto: true, recordId: '' })} data-testid="dryrun-sample">
              {t('flows.dryRun.resetSample')}
            </button>
          )}
        </span>
        <textarea
          className="input mono dryrun-json"
          rows={8}
          value={json}
          spellCheck={false}
          onChange={(e) => useDryRunStore.setState({ json: e.target.value, auto: false, recordId: '' })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void runDryRun(json);
            }
          }}
          data-testid="dryrun-json"
          data-auto={st.auto ? 'true' : 'false'}
        />
      </label>
      <div className="dryrun-actions">
        <button type="button" className="btn btn-sm btn-primary" disabled={st.running} onClick={() => void runDryRun(json)} data-testid="dryrun-run">
          {st.running ? t('flows.dryRun.running') : t('flows.dryRun.run')}
        </button>
        {r && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => useDryRunStore.setState({ response: null })} data-testid="dryrun-clear">
            {t('flows.dryRun.clear')}
          </button>
        )}
      </div>
      <div className="dryrun-result" data-testid="dryrun-result" data-state={state} data-result={r?.result ?? ''}>
        <ErrorText error={st.requestError} />
        {stale && (
          <div className="dryrun-stale" data-testid="dryrun-stale">
            {t('flows.dryRun.stale')}
          </div>
        )}
        {r && (
          <>
            <div className="dryrun-outcome">
              {t('flows.dryRun.result')}: <strong className={`result-${r.result}`}>{t(`flows.results.${r.result}`, { defaultValue: r.result })}</strong>
            </div>
            {r.result === 'invalid' && <div className="prop-hint">{t('flows.dryRun.invalid', { count: r.problems?.length ?? 1 })}</div>}
            {r.error && (
              <div className="error-text" data-testid="dryrun-error" data-code={r.error.code} data-node={r.error.nodeId ?? ''}>
                {r.error.message}
                <code className="error-code">{r.error.code}</code>
              </div>
            )}
            <DryRunSteps response={r} />
          </>
        )}
      </div>
    </div>
  );
}
