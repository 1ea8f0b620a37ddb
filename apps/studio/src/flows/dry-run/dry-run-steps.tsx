import type { NodeType } from '@kiln/engine-flow';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { FlowDryRunResult } from '../../api/types';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { NodeIcon } from '../canvas/node-icon';
import { useFlow } from '../hooks/useFlow';
import { selectElements } from '../store/flow-ui';

/**
 * The steps of a dry run, in order: node, how it was left (approved, rejected, automatically,
 * the branch taken) and the server's note. A click selects and centres the node.
 */
export function DryRunSteps({ response }: { response: FlowDryRunResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const rf = useReactFlow();
  const branchName = (nodeId: string, branch: string) => {
    const n = flow.nodes.find((x) => x.id === nodeId);
    if (branch === 'default') return t('flows.handles.default');
    const b = n?.type === 'condition' ? n.data.branches.find((x) => x.id === branch) : undefined;
    return pick(b?.name, locale, branch);
  };
  return (
    <ol className="dryrun-steps" data-testid="dryrun-steps" data-count={response.path.length}>
      {response.path.map((s, i) => {
        const n = flow.nodes.find((x) => x.id === s.node);
        return (
          <li
            key={i}
            className={`dryrun-step${s.outcome ? ` is-${s.outcome}` : ''}`}
            data-testid={`dryrun-step-${i}`}
            data-node={s.node}
            data-type={s.type}
            data-outcome={s.outcome ?? ''}
            data-branch={s.branch ?? ''}
            onClick={() => {
              if (!n) return;
              selectElements([n.id], [], { openTab: false });
              void rf.fitView({ nodes: [{ id: n.id }], padding: 0.6, maxZoom: 1, duration: 200 });
            }}
          >
            <NodeIcon type={(n?.type ?? s.type) as NodeType} />
            <span className="dryrun-step-name">{n ? pick(n.data.name, locale, n.id) : s.node}</span>
            {s.outcome && <span className={`badge outcome-${s.outcome}`}>{t(`flows.outcomes.${s.outcome}`)}</span>}
            {s.branch && <span className="badge">{t('flows.dryRun.branch', { name: branchName(s.node, s.branch) })}</span>}
            {s.note && <span className="muted small dryrun-note">{s.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}
