import { beforeAll, expect, it } from 'vitest';
import { advance, complete, person, taskFor, type Person } from './helpers/flows.js';
import { describeBackends } from './helpers/harness.js';

const L = (s: string) => ({ 'zh-CN': s, en: s });
const form = {
  formatVersion: 1, key: 'jobs', title: L('Jobs'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: L('Name'), required: true },
    { id: 'f_log', key: 'log', type: 'text', label: L('Log') },
  ],
};

/** parallel split → two approvals (any) → join → sub-flow (waits 1 h, then appends to the log) → action → notify → end. */
const main = {
  key: 'main', name: L('Main'), form: 'jobs',
  nodes: [
    { id: 's', type: 'start', data: { trigger: 'record.created' } },
    { id: 'p', type: 'parallel', data: {} },
    { id: 'a1', type: 'approval', data: { assignees: [{ kind: 'group', group: 'left' }], mode: 'any' } },
    { id: 'a2', type: 'approval', data: { assignees: [{ kind: 'group', group: 'right' }], mode: 'any' } },
    { id: 'j', type: 'join', data: { split: 'p' } },
    { id: 'sub', type: 'subflow', data: { flow: 'child', wait: true } },
    { id: 'act', type: 'action', data: { action: 'update', values: { log: "(record.log || '') + '|main'" } } },
    { id: 'n', type: 'notify', data: { to: [{ kind: 'group', group: 'left' }], title: L('Job done'), body: L('Job {name} done') } },
    { id: 'e', type: 'end', data: { result: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 's', target: 'p' }, { id: 'e2', source: 'p', target: 'a1' }, { id: 'e3', source: 'p', target: 'a2' },
    { id: 'e4', source: 'a1', target: 'j', sourceHandle: 'approve' }, { id: 'e5', source: 'a2', target: 'j', sourceHandle: 'approve' },
    { id: 'e6', source: 'j', target: 'sub' }, { id: 'e7', source: 'sub', target: 'act' }, { id: 'e8', source: 'act', target: 'n' }, { id: 'e9', source: 'n', target: 'e' },
  ],
};
const child = {
  key: 'child', name: L('Child'), form: 'jobs',
  nodes: [
    { id: 's', type: 'start', data: { trigger: 'api' } },
    { id: 't', type: 'timer', data: { duration: 'PT1H' } },
    { id: 'act', type: 'action', data: { action: 'update', values: { log: "(record.log || '') + '|child'" } } },
    { id: 'e', type: 'end', data: {} },
  ],
  edges: [{ id: 'e1', source: 's', target: 't' }, { id: 'e2', source: 't', target: 'act' }, { id: 'e3', source: 'act', target: 'e' }],
};

describeBackends('flow graph: parallel, join, sub-flow, timer, action, notify', (h) => {
  let left: Person, right: Person;
  beforeAll(async () => {
    expect((await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'fg' } })).status).toBe(201);
    for (const [kind, key, def] of [['forms', 'jobs', form], ['flows', 'main', main], ['flows', 'child', child]] as const) {
      expect((await h().req({ method: 'PUT', url: `/api/apps/fg/${kind}/${key}`, payload: def })).status).toBe(200);
    }
    const pub = await h().req({ method: 'POST', url: '/api/apps/fg/publish', payload: {} });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    left = await person(h(), 'left@fg.test', { groups: ['left'] });
    right = await person(h(), 'right@fg.test', { groups: ['right'] });
  });

  it('runs both branches, waits at the join and for the sub-flow, then finishes', async () => {
    const rec = (await h().req({ method: 'POST', url: '/api/apps/fg/forms/jobs/records', payload: { name: 'J1' } })).body;
    const items = async (flow: string) => (await h().req({ method: 'GET', url: `/api/apps/fg/flows/${flow}/instances?record=${rec.id}` })).body.items;
    expect((await items('main'))[0].activeNodes.map((n: any) => n.node).sort()).toEqual(['a1', 'a2']);
    expect((await complete(left, (await taskFor(left, rec.id)).id, 'approve')).status).toBe(200);
    expect((await items('main'))[0].activeNodes.map((n: any) => n.node)).toEqual(['a2']);
    expect((await complete(right, (await taskFor(right, rec.id)).id, 'approve')).status).toBe(200);
    expect((await items('main'))[0].activeNodes.map((n: any) => n.node)).toEqual(['sub']);
    expect((await items('child'))[0]).toMatchObject({ status: 'running', activeNodes: [{ node: 't' }] });
    await advance(h(), 'PT59M');
    expect((await items('child'))[0].status).toBe('running');
    await advance(h(), 'PT2M');
    expect((await items('child'))[0].status).toBe('completed');
    const m = (await items('main'))[0];
    expect(m.status).toBe('completed');
    expect((await h().req({ method: 'GET', url: `/api/apps/fg/forms/jobs/records/${rec.id}` })).body.log).toBe('|child|main');
    const notes = JSON.stringify((await left.req({ method: 'GET', url: '/api/notifications' })).body);
    expect(notes).toContain('Job J1 done');
  });
}, { testClock: true });
