import type { FlowNode, LocalizedText, NodeOf, NodeType } from '@kiln/engine-flow';
import { newBranchId } from './ids';

/** The default display name of a node of `type` in both languages. */
export const DEFAULT_NAMES: Record<NodeType, { 'zh-CN': string; en: string }> = {
  start: { 'zh-CN': '开始', en: 'Start' },
  approval: { 'zh-CN': '审批', en: 'Approval' },
  condition: { 'zh-CN': '条件分支', en: 'Condition' },
  parallel: { 'zh-CN': '并行分支', en: 'Parallel' },
  join: { 'zh-CN': '汇合', en: 'Join' },
  action: { 'zh-CN': '执行动作', en: 'Action' },
  notify: { 'zh-CN': '通知', en: 'Notify' },
  timer: { 'zh-CN': '等待', en: 'Timer' },
  subflow: { 'zh-CN': '子流程', en: 'Sub-flow' },
  end: { 'zh-CN': '结束', en: 'End' },
};

const name = (type: NodeType): LocalizedText => ({ ...DEFAULT_NAMES[type] });

/**
 * A new node of `type` with the data it needs to be valid in shape (an approval has an empty
 * assignee list to fill in, a condition one branch).
 *
 * @example newNode('approval', 'n_ab12cd34', { x: 0, y: 120 })
 */
export function newNode(type: NodeType, id: string, position: { x: number; y: number }): FlowNode {
  const base = { id, position };
  switch (type) {
    case 'start':
      return { ...base, type, data: { name: name(type), trigger: 'record.created' } };
    case 'approval':
      return { ...base, type, data: { name: name(type), assignees: [], mode: 'any' } };
    case 'condition':
      return { ...base, type, data: { name: name(type), branches: [{ id: newBranchId(), name: { 'zh-CN': '分支 1', en: 'Branch 1' }, when: '' }] } };
    case 'parallel':
      // The engine types a parallel node's data as `Record<string, never>`, which leaves no room
      // for the `name` every node has; the cast keeps the name.
      return { ...base, type, data: { name: name(type) } as unknown as NodeOf<'parallel'>['data'] };
    case 'join':
      return { ...base, type, data: { name: name(type) } };
    case 'action':
      return { ...base, type, data: { name: name(type), action: 'update', values: {} } };
    case 'notify':
      return { ...base, type, data: { name: name(type), to: [{ kind: 'initiator' }], title: { 'zh-CN': '', en: '' } } };
    case 'timer':
      return { ...base, type, data: { name: name(type), duration: 'PT1H' } };
    case 'subflow':
      return { ...base, type, data: { name: name(type), flow: '', wait: true } };
    case 'end':
      return { ...base, type, data: { name: name(type) } };
  }
}
