import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { linkClick } from '../../../shared/router';
import { ErrorNotice } from '../error-notice';
import { flowText } from '../../lib/flow-text';
import type { InstanceView } from '../../lib/flow-types';
import { flowsOfForm, type FlowSummary } from '../../lib/flows-of-form';
import { listRecordInstances, startInstance } from '../../lib/instances-api';
import { canStartFlow } from '../../lib/access';
import { appMeta } from '../../lib/metadata';
import { useAsync } from '../../lib/use-async';
import { ActiveNodes } from './instance-summary';
import { RelTime } from './rel-time';
import { InstanceStatusBadge } from './status-badge';

interface Loaded {
  flows: FlowSummary[];
  /** The flows the caller may start by hand. */
  startable: Set<string>;
  instances: InstanceView[];
  error?: unknown;
}

async function load(app: string, form: string, record: string): Promise<Loaded> {
  const meta = await appMeta(app);
  const flows = flowsOfForm(meta, form);
  const startable = new Set(flows.filter((f) => canStartFlow(meta.access, f.key)).map((f) => f.key));
  let error: unknown;
  const lists = await Promise.all(
    flows.map((f) =>
      listRecordInstances(app, f.key, record).catch((e: unknown) => {
        error ??= e;
        return [] as InstanceView[];
      }),
    ),
  );
  const instances = lists.flat().sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
  return { flows, startable, instances, error };
}

/**
 * The flows section of a record page (`record-flows`), shown when flows run on the form: a
 * `flow-start-<flow>` button per enabled flow a person starts by hand (`manual` trigger) and the
 * caller may start (`access.flows[flow].start`), and
 * one `record-flow-instance-<id>` per instance on this record (`data-status`) with its status,
 * current nodes and a link to its timeline (`record-flow-open`).
 */
export function RecordFlows({ app, form, record }: { app: string; form: string; record: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const data = useAsync(() => load(app, form, record), [app, form, record]);
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const d = data.data;
  if (!d || d.flows.length === 0) return data.error !== undefined ? <ErrorNotice error={data.error} onRetry={data.reload} /> : null;

  const names = new Map(d.flows.map((f) => [f.key, flowText(f.name, locale, f.key)]));
  const manual = d.flows.filter((f) => f.trigger === 'manual' && f.enabled && d.startable.has(f.key));
  const start = async (f: FlowSummary) => {
    setBusy(f.key);
    setFailure(undefined);
    setNotice(undefined);
    try {
      await startInstance(app, f.key, Number(record));
      setNotice(t('recordFlows.started', { flow: names.get(f.key) }));
      data.reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="card record-flows" data-testid="record-flows">
      <div className="section-head">
        <h2 className="section-title">{t('recordFlows.title')}</h2>
        <div className="section-actions">
          {manual.map((f) => (
            <button key={f.key} type="button" className="btn btn-small btn-primary" data-testid={`flow-start-${f.key}`} disabled={busy !== undefined} onClick={() => void start(f)}>
              {t('recordFlows.start', { flow: names.get(f.key) })}
            </button>
          ))}
        </div>
      </div>
      {notice && (
        <div className="notice notice-ok" role="status" data-testid="record-flows-flash">
          {notice}
        </div>
      )}
      {failure !== undefined && <ErrorNotice error={failure} />}
      {d.error !== undefined && <ErrorNotice error={d.error} onRetry={data.reload} />}
      {d.instances.length === 0 ? (
        <p className="muted small" data-testid="record-flows-empty">{t('recordFlows.empty')}</p>
      ) : (
        <ul className="flow-list">
          {d.instances.map((i) => (
            <li key={i.id} data-testid={`record-flow-instance-${i.id}`} data-status={i.status} data-flow={i.flow}>
              <strong>{names.get(i.flow) ?? flowText(i.flowName, locale, i.flow)}</strong>
              <InstanceStatusBadge status={i.status} />
              {i.status === 'running' && (
                <span className="muted small">
                  {t('instance.activeNodes')}: <ActiveNodes nodes={i.activeNodes} />
                </span>
              )}
              <span className="muted small">
                <RelTime at={i.startedAt} />
                {i.initiator && ` · ${i.initiator.name}`}
              </span>
              <a className="small flow-list-open" href={`/app/instances/${i.id}`} onClick={linkClick} data-testid="record-flow-open">
                {t('recordFlows.timeline')} ›
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
