import { useTranslation } from 'react-i18next';
import { DryRunPanel } from './dry-run/dry-run-panel';
import { NodePanel } from './props/node-panel';
import { FlowSettings } from './settings/flow-settings';
import { useFlowUi, type FlowUiState, type InspectorTab } from './store/flow-ui';

const TABS: InspectorTab[] = ['node', 'flow', 'dryrun'];
const selectTab = (s: FlowUiState) => s.tab;
const selectRevision = (s: FlowUiState) => s.revision;

/** The right column: the selected node's properties, the flow's settings, or the dry run. */
export function Inspector() {
  const { t } = useTranslation();
  const tab = useFlowUi(selectTab);
  const revision = useFlowUi(selectRevision);
  return (
    <aside className="inspector flow-inspector" data-testid="flow-inspector" data-tab={tab}>
      <div className="flow-tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'flow-tab is-active' : 'flow-tab'}
            onClick={() => useFlowUi.setState({ tab: k })}
            data-testid={`inspector-tab-${k}`}
          >
            {t(`flows.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="flow-inspector-body">
        {tab === 'node' && <NodePanel />}
        {/* Re-keyed on undo / redo like the node panel: its few uncontrolled inputs (holidays) re-seed. */}
        {tab === 'flow' && <FlowSettings key={revision} />}
        {tab === 'dryrun' && <DryRunPanel />}
      </div>
    </aside>
  );
}
