import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FLOW_LIFETIME_STEP_LIMIT, initialState, nodeById, nodeName, openTasks, outgoing, returnTargets, step,
  type FlowDefinition, type FlowEvent, type InstanceState,
} from '../src/index.js';

const dir = new URL('../test-data/', import.meta.url);
const livestream = JSON.parse(readFileSync(new URL('livestream-order-review.json', dir), 'utf8')) as FlowDefinition;
const at = '2024-09-13T01:00:00Z';
/** An event without its time (distributes over the union, unlike a plain Omit). */
type EventInput = FlowEvent extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

/** Applies events in turn, failing the test on a refusal. */
function run(def: FlowDefinition, events: EventInput[]): InstanceState {
  let state: InstanceState | null = null;
  for (const ev of events) {
    const res = step(def, state, { at, ...ev } as FlowEvent);
    expect(res.error).toBeUndefined();
    state = res.state;
  }
  return state!;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const toSales: EventInput[] = [
  { type: 'start', by: 7, record: 42, trigger: 'record.created' },
  { type: 'evaluated', token: 'k1', results: { 'check_status.branch.pending': true } },
  { type: 'assigneesResolved', token: 'k1', purpose: 'enter', users: [11, 12] },
];

describe('step', () => {
  it('never changes its input and is deterministic', () => {
    const state = deepFreeze(run(livestream, toSales));
    const ev: FlowEvent = { type: 'taskCompleted', at, task: 't2', by: 11, outcome: 'approve' };
    const a = step(livestream, state, ev);
    const b = step(livestream, state, ev);
    expect(a).toEqual(b);
    expect(a.state).not.toBe(state);
    expect(state.tasks.t2!.status).toBe('open');
  });

  it('start ignores the state it is given', () => {
    const old = run(livestream, toSales);
    const res = step(livestream, old, { type: 'start', at, by: 8, record: 9, trigger: 'manual' });
    expect(res.state).toMatchObject({ initiator: 8, record: 9, seq: 1, tasks: {} });
  });

  it('throws (a programmer error) only when a non-start event comes without a state', () => {
    expect(() => step(livestream, null, { type: 'withdrawn', at, by: 7 })).toThrow(TypeError);
  });

  it('refuses an event without a valid time', () => {
    const state = run(livestream, toSales);
    expect(step(livestream, state, { type: 'withdrawn', at: 'soon', by: 7 }).error?.code).toBe('FLOW_EVENT_INVALID');
  });

  it('fails the instance past the lifetime cap on node entries', () => {
    const state = { ...run(livestream, toSales), steps: FLOW_LIFETIME_STEP_LIMIT };
    const res = step(livestream, state, { type: 'taskCompleted', at, task: 't2', by: 11, outcome: 'approve' });
    expect(res.state.status).toBe('failed');
    expect(res.state.error).toMatchObject({ code: 'FLOW_STEP_LIMIT', nodeId: 'warehouse_review' });
    expect(res.commands.at(-1)).toEqual({ type: 'finished', result: 'failed' });
  });

  it('fails the instance when its token points at a node the definition lost', () => {
    const state = run(livestream, toSales);
    const trimmed: FlowDefinition = { ...livestream, nodes: livestream.nodes.filter((n) => n.id !== 'warehouse_review') };
    const res = step(trimmed, state, { type: 'taskCompleted', at, task: 't2', by: 11, outcome: 'approve' });
    expect(res.state.error).toMatchObject({ code: 'FLOW_NODE_NOT_FOUND', nodeId: 'warehouse_review' });
  });

  it('fails the instance on a start without a start node', () => {
    const res = step({ ...livestream, nodes: livestream.nodes.filter((n) => n.type !== 'start') }, null, { type: 'start', at, by: 7, record: 1, trigger: 'api' });
    expect(res.state).toMatchObject({ status: 'failed', error: { code: 'FLOW_NO_START' } });
  });

  it('keeps states plain JSON', () => {
    const state = run(livestream, toSales);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('returnTargets', () => {
  const def: FlowDefinition = {
    key: 'r', name: 'r', form: 'orders',
    nodes: [
      { id: 'start', type: 'start', data: { trigger: 'manual' } },
      { id: 'a', type: 'approval', data: { assignees: [{ kind: 'users', users: [1] }], mode: 'any' } },
      { id: 'auto', type: 'approval', data: { assignees: [{ kind: 'users', users: [1] }], mode: 'any', approveWhen: 'true' } },
      { id: 'b', type: 'approval', data: { assignees: [{ kind: 'users', users: [2] }], mode: 'any' } },
      { id: 'c', type: 'approval', data: { assignees: [{ kind: 'users', users: [3] }], mode: 'any' } },
      { id: 'end', type: 'end', data: {} },
    ],
    edges: [
      { id: '1', source: 'start', target: 'a' }, { id: '2', source: 'a', target: 'auto' }, { id: '3', source: 'auto', target: 'b' },
      { id: '4', source: 'b', target: 'c' }, { id: '5', source: 'c', target: 'end' },
    ],
  };
  const toC = run(def, [
    { type: 'start', by: 7, record: 1, trigger: 'manual' },
    { type: 'assigneesResolved', token: 'k1', purpose: 'enter', users: [1] },
    { type: 'taskCompleted', task: 't2', by: 1, outcome: 'approve' },
    { type: 'evaluated', token: 'k1', results: { 'auto.approveWhen': true } },
    { type: 'assigneesResolved', token: 'k1', purpose: 'enter', users: [2] },
    { type: 'taskCompleted', task: 't3', by: 2, outcome: 'approve' },
    { type: 'assigneesResolved', token: 'k1', purpose: 'enter', users: [3] },
  ]);

  it('lists approvals passed by people, in path order (automatic approvals are no target)', () => {
    expect(returnTargets(def, toC, 't4')).toEqual(['a', 'b']);
  });
  it('a return cuts the path back to its target', () => {
    const res = step(def, toC, { type: 'taskReturned', at, task: 't4', by: 3, to: 'b' });
    expect(res.error).toBeUndefined();
    const again = step(def, res.state, { type: 'assigneesResolved', at, token: 'k1', purpose: 'enter', users: [2] }).state;
    expect(returnTargets(def, again, 't5')).toEqual(['a']);
  });
  it('is empty for an unknown task', () => expect(returnTargets(def, toC, 't99')).toEqual([]));
});

describe('helpers', () => {
  it('nodeById, outgoing, nodeName', () => {
    expect(nodeById(livestream).get('sales_review')?.type).toBe('approval');
    expect(nodeById(livestream)).toBe(nodeById(livestream));
    expect(outgoing(livestream, 'sales_review').map((e) => e.sourceHandle)).toEqual(['approve', 'reject']);
    const node = nodeById(livestream).get('sales_review')!;
    expect(nodeName(node, 'en')).toBe('Sales lead review');
    expect(nodeName(node)).toBe('销售主管审核');
    expect(nodeName({ id: 'x', type: 'end', data: {} })).toBe('x');
  });
  it('openTasks, optionally of one user', () => {
    const state = run(livestream, toSales);
    expect(openTasks(state).map((t) => t.id)).toEqual(['t2', 't5']);
    expect(openTasks(state, 12).map((t) => t.id)).toEqual(['t5']);
  });
  it('initialState is a running state without tokens', () => {
    expect(initialState(7, 42, at)).toMatchObject({ status: 'running', initiator: 7, record: 42, startedAt: at, seq: 0, steps: 0, acted: false, tokens: {} });
  });
});
