import { beforeAll, expect, it } from 'vitest';
import { complete, person, taskFor, type Person } from './helpers/flows.js';
import { describeBackends } from './helpers/harness.js';

const form = {
  formatVersion: 1, key: 'requests', title: { 'zh-CN': '申请', en: 'Requests' },
  fields: [
    { id: 'f_title', key: 'title', type: 'text', label: { 'zh-CN': 'Title', en: 'Title' }, required: true },
    { id: 'f_amount', key: 'amount', type: 'money', label: { 'zh-CN': 'Amount', en: 'Amount' } },
    { id: 'f_note', key: 'note', type: 'text', label: { 'zh-CN': 'Note', en: 'Note' } },
    { id: 'f_owner', key: 'owner', type: 'user', label: { 'zh-CN': 'Owner', en: 'Owner' } },
    { id: 'f_status', key: 'status', type: 'select', label: { 'zh-CN': 'Status', en: 'Status' }, options: [{ value: 'new', label: { 'zh-CN': 'New', en: 'New' } }, { value: 'ok', label: { 'zh-CN': 'OK', en: 'OK' } }, { value: 'no', label: { 'zh-CN': 'No', en: 'No' } }], default: 'new' },
  ],
};

/** A manual flow: big amounts need two managers up (all must approve) after the owner's manager. */
const flow = (extra: Record<string, unknown> = {}) => ({
  key: 'review', name: { 'zh-CN': '申请审批', en: 'Request review' }, form: 'requests',
  results: { approved: { status: 'ok' }, rejected: { status: 'no' } },
  nodes: [
    { id: 's', type: 'start', data: { trigger: 'manual' } },
    { id: 'm1', type: 'approval', data: { name: 'Manager', assignees: [{ kind: 'manager', levels: 1 }], mode: 'any', fields: { visible: ['title', 'amount', 'note'], editable: ['note'] } } },
    { id: 'big', type: 'condition', data: { branches: [{ id: 'large', when: 'record.amount > 100000' }] } },
    { id: 'm2', type: 'approval', data: { name: 'Directors', assignees: [{ kind: 'group', group: 'director' }], mode: 'all' } },
    { id: 'e', type: 'end', data: { result: 'approved' } },
  ],
  edges: [
    { id: 'a', source: 's', target: 'm1' },
    { id: 'b', source: 'm1', target: 'big', sourceHandle: 'approve' },
    { id: 'c', source: 'big', target: 'm2', sourceHandle: 'large' },
    { id: 'd', source: 'big', target: 'e', sourceHandle: 'default' },
    { id: 'f', source: 'm2', target: 'e', sourceHandle: 'approve' },
  ],
  ...extra,
});

describeBackends('flows API', (h) => {
  let boss: Person, d1: Person, d2: Person, staff: Person, other: Person;
  const put = (def: object) => h().req({ method: 'PUT', url: '/api/apps/fa/flows/review', payload: def });
  const publish = () => h().req({ method: 'POST', url: '/api/apps/fa/publish', payload: {} });

  beforeAll(async () => {
    expect((await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'fa' } })).status).toBe(201);
    expect((await h().req({ method: 'PUT', url: '/api/apps/fa/forms/requests', payload: form })).status).toBe(200);
    boss = await person(h(), 'boss@fa.test');
    d1 = await person(h(), 'd1@fa.test', { groups: ['director'] });
    d2 = await person(h(), 'd2@fa.test', { groups: ['director'] });
    staff = await person(h(), 'staff@fa.test', { managerId: boss.id });
    other = await person(h(), 'other@fa.test');
  });

  it('publish refuses invalid flows with the node of each problem; nothing is published', async () => {
    const bad = flow();
    const broken = { ...bad, nodes: [...bad.nodes, { id: 'lonely', type: 'approval', data: { assignees: [], mode: 'any' } }] };
    expect((await put(broken)).status).toBe(200);
    const r = await publish();
    expect(r.status).toBe(422);
    const problems = r.body.error.details.problems.filter((p: any) => p.kind === 'flows');
    const at = (code: string) => problems.filter((p: any) => p.code === code).map((p: any) => p.nodeId);
    expect(at('FLOW_NODE_UNREACHABLE')).toContain('lonely');
    expect(at('FLOW_ASSIGNEE_INVALID')).toContain('lonely');
    expect((await h().req({ method: 'GET', url: '/api/apps/fa/versions' })).body.items ?? []).toHaveLength(0);
    // A condition expression naming an unknown field is refused too.
    const typo = flow();
    (typo.nodes[2]!.data as any).branches[0].when = 'record.amout > 1';
    expect((await put(typo)).status).toBe(200);
    const t = await publish();
    expect(t.status).toBe(422);
    expect(t.body.error.details.problems.some((p: any) => p.kind === 'flows' && p.nodeId === 'big')).toBe(true);
    expect((await put(flow())).status).toBe(200);
    const good = await publish();
    expect(good.status, JSON.stringify(good.body)).toBe(200);
  });

  it('dry run walks the draft on a sample record (conditions evaluated, everyone approves)', async () => {
    const small = await h().req({ method: 'POST', url: '/api/apps/fa/flows/review/dry-run', payload: { record: { title: 'x', amount: 500 } } });
    expect(small.status, JSON.stringify(small.body)).toBe(200);
    expect(small.body.path.map((s: any) => s.node)).toEqual(['s', 'm1', 'big', 'e']);
    expect(small.body.path.find((s: any) => s.node === 'big').branch).toBe('default');
    expect(small.body.result).toBe('approved');
    const big = await h().req({ method: 'POST', url: '/api/apps/fa/flows/review/dry-run', payload: { record: { title: 'x', amount: 500_000 } } });
    expect(big.body.path.map((s: any) => s.node)).toEqual(['s', 'm1', 'big', 'm2', 'e']);
  });

  it('manual start: manager chain, field visibility and edits, all-of directors (会签), transfer and add signer', async () => {
    const rec = (await staff.req({ method: 'POST', url: '/api/apps/fa/forms/requests/records', payload: { title: 'New laptops', amount: 250_000, note: 'x' } })).body;
    const started = await staff.req({ method: 'POST', url: '/api/apps/fa/flows/review/instances', payload: { record: rec.id }, headers: { 'idempotency-key': 'start-1' } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const again = await staff.req({ method: 'POST', url: '/api/apps/fa/flows/review/instances', payload: { record: rec.id }, headers: { 'idempotency-key': 'start-1' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);
    const t = await taskFor(boss, rec.id);
    const detail = (await boss.req({ method: 'GET', url: `/api/tasks/${t.id}` })).body;
    expect(detail.form.fields.map((f: any) => f.key)).toEqual(['title', 'amount', 'note']);
    expect(detail.record.owner).toBeUndefined();
    expect(detail.editable).toEqual(['note']);
    // Only editable fields may be changed; a bad value is a clear error and nothing happens.
    const notEditable = await complete(boss, t.id, 'approve', { data: { amount: 1 } });
    expect(notEditable.status).toBe(403);
    const invalid = await complete(boss, t.id, 'approve', { data: { note: 12 } });
    expect(invalid.status).toBe(422);
    expect((await taskFor(boss, rec.id))?.id).toBe(t.id);
    expect((await complete(boss, t.id, 'approve', { data: { note: 'ok by boss' }, comment: '同意' })).status).toBe(200);
    expect((await h().req({ method: 'GET', url: `/api/apps/fa/forms/requests/records/${rec.id}` })).body.note).toBe('ok by boss');
    // Directors: all must approve. d1 transfers to `other`; d2 adds `boss` before themself.
    const t1 = await taskFor(d1, rec.id);
    const t2 = await taskFor(d2, rec.id);
    expect(t1 && t2).toBeTruthy();
    expect((await d1.req({ method: 'POST', url: `/api/tasks/${t1.id}/transfer`, payload: { to: other.id, comment: '请代批' } })).status).toBe(200);
    expect(await taskFor(d1, rec.id)).toBeUndefined();
    const add = await d2.req({ method: 'POST', url: `/api/tasks/${t2.id}/add-signer`, payload: { user: boss.id, position: 'before' } });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect((await taskFor(d2, rec.id)).status).toBe('waiting'); // listed, but waits for the added signer
    expect((await complete(boss, (await taskFor(boss, rec.id)).id, 'approve')).status).toBe(200);
    const back = await taskFor(d2, rec.id);
    expect(back.status).toBe('open');
    expect((await complete(other, (await taskFor(other, rec.id)).id, 'approve')).status).toBe(200);
    expect((await h().req({ method: 'GET', url: `/api/apps/fa/forms/requests/records/${rec.id}` })).body.status).toBe('new');
    const last = await complete(d2, back.id, 'approve');
    expect(last.body.instance.status).toBe('approved');
    expect((await h().req({ method: 'GET', url: `/api/apps/fa/forms/requests/records/${rec.id}` })).body.status).toBe('ok');
    const types = last.body.instance.timeline.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(['started', 'task.transferred', 'task.signer_added', 'node.approved', 'finished']));
    const mine = (await staff.req({ method: 'GET', url: '/api/flow-instances?mine=1&state=finished' })).body.items;
    expect(mine.map((i: any) => i.id)).toContain(started.body.id);
    // Groups in use, for the studio's assignee picker.
    expect((await h().req({ method: 'GET', url: '/api/groups' })).body.items).toEqual([{ key: 'director', users: 2 }]);
  });

  it('users: groups and a manager chain that may not loop', async () => {
    const loop = await h().req({ method: 'PATCH', url: `/api/users/${boss.id}`, payload: { managerId: staff.id } });
    expect(loop.status).toBe(400);
    const ok = await h().req({ method: 'PATCH', url: `/api/users/${other.id}`, payload: { groups: ['director', 'finance'] } });
    expect(ok.status).toBe(200);
    expect(ok.body.groups).toEqual(['director', 'finance']);
    const bad = await h().req({ method: 'PATCH', url: `/api/users/${other.id}`, payload: { groups: ['has space'] } });
    expect(bad.status).toBe(400);
  });
});
