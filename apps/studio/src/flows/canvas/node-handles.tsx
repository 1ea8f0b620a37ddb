import type { FlowNode } from '@kiln/engine-flow';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { hasTarget, sourceHandles, type SourceHandle } from '../model/handles';

function handleLabel(h: SourceHandle, t: (k: string) => string, locale: string): string {
  if (h.kind === 'branch') return pick(h.branch?.name, locale, h.id ?? '');
  if (h.kind === 'out') return '';
  return t(`flows.handles.${h.kind}`);
}

/** Left offset (%) of handle `i` of `count` spread along the bottom edge. */
export const handleLeft = (i: number, count: number) => ((i + 1) / (count + 1)) * 100;

/**
 * A node's handles: the input on top (not on a start), the outputs along the bottom with their
 * labels (approve / reject, branch names, default). Test ids `handle-<node>-in` and
 * `handle-<node>-<handle id>` (`out` for the single unnamed output).
 */
export function NodeHandles({ node }: { node: FlowNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const updateInternals = useUpdateNodeInternals();
  const handles = sourceHandles(node);
  const key = handles.map((h) => h.id).join('|');
  // New or removed handles (a branch added) must be measured again for edges to attach.
  useEffect(() => updateInternals(node.id), [key, node.id, updateInternals]);
  return (
    <>
      {hasTarget(node) && <Handle type="target" position={Position.Top} className="flow-handle flow-handle-in" data-testid={`handle-${node.id}-in`} />}
      {handles.map((h, i) => (
        <Handle
          key={h.id ?? 'out'}
          type="source"
          position={Position.Bottom}
          id={h.id ?? undefined}
          className={`flow-handle flow-handle-${h.kind}`}
          style={{ left: `${handleLeft(i, handles.length)}%` }}
          data-testid={`handle-${node.id}-${h.id ?? 'out'}`}
          title={handleLabel(h, t, locale) || undefined}
        />
      ))}
      {handles.some((h) => h.kind !== 'out') && (
        <div className="flow-ports" aria-hidden>
          {handles.map((h, i) => (
            <span key={h.id ?? 'out'} className={`flow-port flow-port-${h.kind}`} style={{ left: `${handleLeft(i, handles.length)}%` }}>
              {handleLabel(h, t, locale)}
            </span>
          ))}
        </div>
      )}
    </>
  );
}
