import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useUserNames } from '../hooks/useUserNames';
import { sourceHandles } from '../model/handles';
import { DEFAULT_NAMES } from '../model/node-defaults';
import { nodeSummary } from '../model/summary';
import { NodeHandles } from './node-handles';
import { NodeIcon } from './node-icon';
import type { RfNode } from './rf-types';

/** Width of a node: wide enough for its output labels (a condition with many branches grows). */
const widthOf = (handles: number) => Math.max(220, handles * 72);

/**
 * A node on the canvas: icon, name, a summary line (`sales_lead · any · SLA 2h`), its handles,
 * and its problems (red outline, a `!` badge whose tooltip lists the messages). Test id
 * `node-<id>` with `data-type`, `data-name`, `data-selected`, `data-problems`, `data-on-path`.
 */
function FlowNodeViewBase({ id, data, selected }: NodeProps<RfNode>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUserNames();
  const node = data.def;
  const name = pick(node.data.name, locale, DEFAULT_NAMES[node.type]?.[locale] ?? node.type);
  const problems = data.problems;
  const cls = ['flow-node', `flow-node-${node.type}`, selected ? 'is-selected' : '', problems.length ? 'has-problem' : '', data.onPath ? 'is-on-path' : ''].filter(Boolean).join(' ');
  const messages = problems.map((p) => p.message).join('\n');
  return (
    <div
      className={cls}
      style={{ width: widthOf(sourceHandles(node).length) }}
      data-testid={`node-${id}`}
      data-type={node.type}
      data-name={name}
      data-selected={selected ? 'true' : 'false'}
      data-problems={problems.length}
      data-on-path={data.onPath ? 'true' : 'false'}
      title={messages || undefined}
    >
      <div className="flow-node-head">
        <NodeIcon type={node.type} />
        <span className="flow-node-name">{name}</span>
        <span className="flow-node-type">{t(`flows.types.${node.type}`)}</span>
        {problems.length > 0 && (
          <span className="flow-node-badge" data-testid={`node-problems-${id}`}>
            {problems.length}
            <span className="flow-node-tip" role="tooltip">
              {problems.map((p, i) => (
                <span key={i}>{p.message}</span>
              ))}
            </span>
          </span>
        )}
      </div>
      <div className="flow-node-summary" data-testid={`node-summary-${id}`}>
        {nodeSummary(node, t, locale, users)}
      </div>
      <NodeHandles node={node} />
    </div>
  );
}

/** The node component of every flow node type (xyflow `nodeTypes.flow`). */
export const FlowNodeView = memo(FlowNodeViewBase);
