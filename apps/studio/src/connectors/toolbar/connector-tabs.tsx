import { useTranslation } from 'react-i18next';
import { useConnector } from '../hooks/useConnector';
import { useProblems } from '../hooks/useProblems';
import { parsePtr } from '../../rules/model/pointer';
import { CONNECTOR_TABS, showTab, useConnectorUi, type ConnectorTab, type ConnectorUiState } from '../store/connector-ui';

const selectTab = (s: ConnectorUiState) => s.tab;

/** The section a problem's pointer belongs to. */
function tabOf(path: string): ConnectorTab {
  const head = parsePtr(path)[0];
  return head === 'operations' ? 'operations' : head === 'inbound' ? 'inbound' : 'setup';
}

/** The page's section tabs, each with the number of problems in it (`data-problems`). */
export function ConnectorTabs() {
  const { t } = useTranslation();
  const tab = useConnectorUi(selectTab);
  const def = useConnector();
  const problems = useProblems();
  const count = (k: ConnectorTab) => problems.filter((p) => tabOf(p.path) === k).length;
  const extra = (k: ConnectorTab) =>
    k === 'operations' ? Object.keys(def.operations ?? {}).length : k === 'inbound' ? (def.inbound ? t('connectors.on') : t('connectors.off')) : null;
  return (
    <div className="flow-tabs conn-tabs" role="tablist">
      {CONNECTOR_TABS.map((k) => (
        <button
          key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'flow-tab is-active' : 'flow-tab'}
          onClick={() => showTab(k)} data-testid={`connector-tab-${k}`} data-problems={count(k)}
        >
          {t(`connectors.tabs.${k}`)}
          {extra(k) !== null && <span className="badge">{extra(k)}</span>}
          {count(k) > 0 && <span className="badge badge-warn">{count(k)}</span>}
        </button>
      ))}
    </div>
  );
}
