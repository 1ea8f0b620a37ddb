import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useFlow } from '../hooks/useFlow';
import { useFlowApp } from '../hooks/useFlowApp';
import { useFocusProblem } from '../hooks/useFocusProblem';
import { useProblems } from '../hooks/useProblems';
import { DEFAULT_NAMES } from '../model/node-defaults';
import { useFlowContext, type FlowContextState } from '../store/flow-context';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';

const selectServer = (s: FlowUiState) => s.serverProblems;
const selectKey = (s: FlowContextState) => s.flowKey;

/**
 * Problems of this flow (live validation and the last refused publish); a click selects the
 * node it is about and focuses the property. Publish problems of other drafts are listed below
 * and open that draft.
 */
export function FlowProblemsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const app = useFlowApp();
  const problems = useProblems();
  const server = useFlowUi(selectServer);
  const key = useFlowContext(selectKey);
  const focus = useFocusProblem();
  const elsewhere = server.filter((p) => !(p.kind === 'flows' && p.key === key));
  const nodeName = (id: string | undefined) => {
    const n = id ? flow.nodes.find((x) => x.id === id) : undefined;
    return n ? pick(n.data.name, locale, DEFAULT_NAMES[n.type]?.[locale] ?? n.type) : id ? id : t('flows.flowLevel');
  };
  return (
    <section className="problems flow-problems" data-testid="flow-problems" data-count={problems.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li
            key={i}
            className={p.severity === 'warning' ? 'problem problem-warning' : 'problem'}
            data-testid={`flow-problem-${i}`}
            data-code={p.code}
            data-node={p.nodeId ?? ''}
            data-edge={p.edgeId ?? ''}
            data-problem-path={p.path ?? ''}
            data-source={p.source}
            onClick={() => focus(p)}
          >
            <span className="problem-where">{p.edgeId && !p.nodeId ? t('flows.edge') : nodeName(p.nodeId)}</span>
            <span>{p.message}</span>
            <span className="problem-source">{t(`flows.problemSource.${p.source}`)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="flow-problem" />
    </section>
  );
}
