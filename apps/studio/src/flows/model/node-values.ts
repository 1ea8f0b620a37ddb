import type { FlowNode } from '@kiln/engine-flow';
import type { LocalizedText } from '@kiln/engine-forms';
import { getAt, setAt } from './data-path';

/**
 * The node property panel edits a flat record (`name-zh`, `mode`, `sla-due`, …) — one formily
 * field per property, whose name is also its test id `prop-<name>`. Each name maps to a place
 * in the node's `data`; this registry reads and writes it.
 */
type Data = Record<string, unknown>;

interface Accessor {
  get(d: Data): unknown;
  set(d: Data, v: unknown): Data;
}

/** A plain property at a path of the data. */
const at = (...path: string[]): Accessor => ({ get: (d) => getAt(d, path), set: (d, v) => setAt(d, path, v) });

/** One language of a LocalizedText at `path` (a plain string is read as both languages). */
const text = (lang: 'zh-CN' | 'en', ...path: string[]): Accessor => ({
  get: (d) => {
    const cur = getAt(d, path) as LocalizedText | undefined;
    return typeof cur === 'string' ? cur : (cur?.[lang] ?? '');
  },
  set: (d, v) => {
    const cur = getAt(d, path) as LocalizedText | undefined;
    const both = typeof cur === 'string' ? { 'zh-CN': cur, en: cur } : { 'zh-CN': '', en: '', ...cur };
    const next = { ...both, [lang]: String(v ?? '') };
    return setAt(d, path, next['zh-CN'] || next.en ? next : undefined);
  },
});

/** A switch that is on unless stored as `false` (e.g. `allow.transfer`). */
const onUnlessFalse = (...path: string[]): Accessor => ({ get: (d) => getAt(d, path) !== false, set: (d, v) => setAt(d, path, v ? undefined : false) });

const ACCESSORS: Record<string, Accessor> = {
  'name-zh': text('zh-CN', 'name'),
  'name-en': text('en', 'name'),
  // start
  trigger: at('trigger'),
  when: at('when'),
  // approval
  assignees: { get: (d) => d.assignees ?? [], set: (d, v) => ({ ...d, assignees: v ?? [] }) },
  mode: at('mode'),
  percent: at('percent'),
  pick: { get: (d) => d.pick ?? 'all', set: (d, v) => setAt(d, ['pick'], v === 'all' ? undefined : v) },
  'assign-field': at('assignField'),
  'on-empty': at('onEmpty'),
  visible: at('fields', 'visible'),
  editable: at('fields', 'editable'),
  'sla-on': { get: (d) => !!d.sla, set: (d, v) => setAt(d, ['sla'], v ? { due: 'PT24H' } : undefined) },
  // An emptied due date stays (as '') so clearing the number does not switch the SLA off.
  'sla-due': { get: (d) => getAt(d, ['sla', 'due']), set: (d, v) => ({ ...d, sla: { ...(d.sla as Data | undefined), due: String(v ?? '') } }) },
  'sla-business-hours': at('sla', 'businessHours'),
  'sla-remind-before': at('sla', 'remindBefore'),
  'sla-escalate': { get: (d) => getAt(d, ['sla', 'escalate', 'action']) ?? '', set: (d, v) => (v ? setAt(d, ['sla', 'escalate', 'action'], v) : setAt(d, ['sla', 'escalate'], undefined)) },
  'sla-notify-users': at('sla', 'escalate', 'notify', 'users'),
  'sla-notify-groups': at('sla', 'escalate', 'notify', 'groups'),
  'sla-notify-roles': at('sla', 'escalate', 'notify', 'roles'),
  'reject-when': at('rejectWhen'),
  'approve-when': at('approveWhen'),
  'allow-transfer': onUnlessFalse('allow', 'transfer'),
  'allow-add-signer': onUnlessFalse('allow', 'addSigner'),
  'allow-return': onUnlessFalse('allow', 'return'),
  'label-approve-zh': text('zh-CN', 'labels', 'approve'),
  'label-approve-en': text('en', 'labels', 'approve'),
  'label-reject-zh': text('zh-CN', 'labels', 'reject'),
  'label-reject-en': text('en', 'labels', 'reject'),
  // condition
  branches: { get: (d) => d.branches ?? [], set: (d, v) => ({ ...d, branches: v ?? [] }) },
  // join
  split: at('split'),
  // action (the kind resets the shape; see ACTION_SHAPES)
  values: { get: (d) => d.values ?? {}, set: (d, v) => ({ ...d, values: v ?? {} }) },
  'action-form': at('form'),
  connector: at('connector'),
  operation: at('operation'),
  payload: at('payload'),
  // notify
  to: { get: (d) => d.to ?? [], set: (d, v) => ({ ...d, to: v ?? [] }) },
  'title-zh': { get: text('zh-CN', 'title').get, set: (d, v) => ({ title: { 'zh-CN': '', en: '' }, ...text('zh-CN', 'title').set(d, v) }) },
  'title-en': { get: text('en', 'title').get, set: (d, v) => ({ title: { 'zh-CN': '', en: '' }, ...text('en', 'title').set(d, v) }) },
  'body-zh': text('zh-CN', 'body'),
  'body-en': text('en', 'body'),
  // timer
  duration: at('duration'),
  until: { get: (d) => d.until ?? '', set: (d, v) => ({ ...d, until: String(v ?? '') }) },
  // subflow
  flow: { get: (d) => d.flow ?? '', set: (d, v) => ({ ...d, flow: String(v ?? '') }) },
  wait: { get: (d) => d.wait !== false, set: (d, v) => ({ ...d, wait: !!v }) },
  // end
  result: at('result'),
};

/** Data of each action kind when the kind is switched (the node keeps its name). */
const ACTION_SHAPES: Record<string, Data> = {
  update: { action: 'update', values: {} },
  create: { action: 'create', form: '', values: {} },
  rule: { action: 'rule' },
  connector: { action: 'connector', connector: '', operation: '' },
};

/** Properties whose change reshapes the node: the panel is re-seeded after them. */
export const RESEEDING = new Set(['action', 'timer-mode', 'sla-on']);

/** The panel record of a node. */
export function toNodeValues(node: FlowNode): Record<string, unknown> {
  const d = node.data as Data;
  const out: Record<string, unknown> = {};
  for (const [name, acc] of Object.entries(ACCESSORS)) out[name] = acc.get(d);
  out.action = d.action;
  out['timer-mode'] = typeof d.until === 'string' ? 'until' : 'duration';
  return out;
}

/** Applies one panel property to a node; empty values remove the property. */
export function applyNodeValue(node: FlowNode, name: string, value: unknown): FlowNode {
  const d = node.data as Data;
  let next: Data;
  if (name === 'action') next = { ...(ACTION_SHAPES[String(value)] ?? ACTION_SHAPES.update), ...(d.name ? { name: d.name } : {}), ...(d.description ? { description: d.description } : {}) };
  else if (name === 'timer-mode') {
    const { duration, until, ...rest } = d;
    next = value === 'until' ? { ...rest, until: typeof until === 'string' ? until : '' } : { ...rest, duration: typeof duration === 'string' && duration ? duration : 'PT1H' };
  }
  else {
    const acc = ACCESSORS[name];
    if (!acc) return node;
    next = acc.set(d, value);
  }
  return { ...node, data: next } as FlowNode;
}
