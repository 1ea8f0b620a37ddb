import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RfEdge } from './rf-types';

/**
 * An edge on the canvas: a rounded step path with an arrow, labelled by the handle it leaves
 * (approve / reject / branch / default). Reject edges are dashed; edges a dry run took and
 * edges with a problem are coloured. The path carries test id `edge-<id>` with `data-source`,
 * `data-target`, `data-handle`, `data-on-path`, `data-problems`.
 */
function FlowEdgeViewBase(props: EdgeProps<RfEdge>) {
  const { id, data, selected, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, source, target, sourceHandleId } = props;
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const kind = data?.kind ?? 'out';
  const bad = (data?.problems.length ?? 0) > 0;
  const cls = ['flow-edge', `flow-edge-${kind}`, selected ? 'is-selected' : '', data?.onPath ? 'is-on-path' : '', bad ? 'has-problem' : ''].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={cls}
        data-testid={`edge-${id}`}
        data-source={source}
        data-target={target}
        data-handle={sourceHandleId ?? ''}
        data-on-path={data?.onPath ? 'true' : 'false'}
        data-problems={data?.problems.length ?? 0}
      />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div
            className={`flow-edge-label flow-edge-label-${kind}${data.onPath ? ' is-on-path' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** The edge component of the flow editor (xyflow `edgeTypes.flow`). */
export const FlowEdgeView = memo(FlowEdgeViewBase);
