import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { setupApp, t } from './fixtures.js';

/**
 * The rule runtime end to end: triggers fire in the write's transaction, effects are applied
 * there (so a refusal or a failure leaves nothing behind), ledger keys make repeated events
 * post once, cascades stop at the depth limit, schedules run on the test clock, webhooks check
 * their secret, and every evaluation leaves a trace.
 */

const f = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, key: id, type, label: t(id, id), ...extra });
const forms = [
  {
    formatVersion: 1, key: 'orders', title: t('订单', 'Orders'),
    fields: [
      f('customer', 'text', { required: true }),
      f('amount', 'money', { required: true }),
      f('status', 'select', { options: ['new', 'paid'].map((v) => ({ value: v, label: t(v, v) })) }),
      f('discount_pct', 'number'),
    ],
  },
  { formatVersion: 1, key: 'audit', title: t('日志', 'Audit'), fields: [f('order', 'relation', { target: 'orders' }), f('note', 'text')] },
  { formatVersion: 1, key: 'ledger', title: t('台账', 'Ledger'), fields: [f('entry', 'text', { unique: true, required: true }), f('amount', 'money'), f('order', 'relation', { target: 'orders' })] },
];
const trigger = (key: string, trig: object, actions: object[], extra: object = {}) => ({ formatVersion: 1, key, type: 'trigger', title: t(key, key), trigger: trig, actions, ...extra });
const rules = [
  trigger('audit_on_create', { event: 'record.created', form: 'orders' }, [{ id: 'log', type: 'create', form: 'audit', values: { order: 'record.id', note: "'created for ' + record.customer" } }]),
  trigger('refuse_big', { event: 'record.saved', form: 'orders' }, [{ id: 'no', type: 'reject', message: "({ 'zh-CN': '金额过大', en: 'Amount too large' })", field: 'amount' }], { condition: 'record.amount > 1000000' }),
  trigger('ledger_on_paid', { event: 'record.updated', form: 'orders', fields: ['status'] }, [
    { id: 'post', type: 'ledger', form: 'ledger', key: 'entry', entries: "[{ entry: 'order:' + record.id, amount: money.pct(record.amount, 10), order: record.id }]" },
  ], { condition: "record.status === 'paid'" }),
  { formatVersion: 1, key: 'discount', type: 'table', title: t('折扣', 'Discount'), hitPolicy: 'first',
    inputs: [{ id: 'amt', label: t('金额', 'Amount'), expression: 'record.amount' }],
    outputs: [{ id: 'pct', key: 'pct', label: t('折扣', 'Discount'), type: 'number' }],
    rows: [{ id: 'r1', when: { amt: '< 10000' }, then: { pct: '0' } }, { id: 'r2', when: { amt: '[10000..50000)' }, then: { pct: '5' } }, { id: 'r3', when: { amt: '-' }, then: { pct: '10' } }] },
  trigger('apply_discount', { event: 'record.created', form: 'orders' }, [{ id: 'd', type: 'decide', table: 'discount', assign: { discount_pct: 'pct' } }]),
  trigger('hourly', { event: 'schedule', cron: '0 * * * *' }, [{ id: 'tick', type: 'create', form: 'audit', values: { note: "'tick ' + now()" } }]),
  trigger('inbound', { event: 'webhook', hook: 'ping', secret: 's3cret' }, [{ id: 'log', type: 'create', form: 'audit', values: { note: 'event.payload.text' } }]),
];

describeBackends('rule runtime', (h) => {
  const api = (o: any) => h().req(o);
  const list = async (app: string, form: string, filter?: object) => (await api({ method: 'GET', url: `/api/apps/${app}/forms/${form}/records?limit=100${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}` })).body.items as any[];

  it('publishes rules and fires them in the write transaction', async () => {
    const created = await api({ method: 'POST', url: '/api/apps', payload: { key: 'rt1', name: t('rt1', 'rt1') } });
    expect(created.status).toBe(201);
    for (const x of forms) expect((await api({ method: 'PUT', url: `/api/apps/rt1/forms/${x.key}`, payload: x })).status).toBe(200);
    for (const r of rules) expect((await api({ method: 'PUT', url: `/api/apps/rt1/rules/${r.key}`, payload: r })).status).toBe(200);
    const pub = await api({ method: 'POST', url: '/api/apps/rt1/publish' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);

    const o = await api({ method: 'POST', url: '/api/apps/rt1/forms/orders/records', payload: { customer: 'Ann', amount: 20000, status: 'new' } });
    expect(o.status).toBe(201);
    const audit = await list('rt1', 'audit', { order: o.body.id });
    expect(audit.map((a) => a.note)).toEqual(['created for Ann']);
    const order = (await api({ method: 'GET', url: `/api/apps/rt1/forms/orders/records/${o.body.id}` })).body;
    expect(order.discount_pct).toBe(5);
  });

  it('a reject refuses the write and changes nothing', async () => {
    const before = (await list('rt1', 'audit')).length;
    const r = await api({ method: 'POST', url: '/api/apps/rt1/forms/orders/records?locale=en', payload: { customer: 'Big', amount: 2000000 } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('RULE_REJECTED');
    expect(r.body.error.message).toBe('Amount too large');
    expect(r.body.error.details.field).toBe('amount');
    expect(await list('rt1', 'orders', { customer: 'Big' })).toEqual([]);
    expect((await list('rt1', 'audit')).length).toBe(before);
  });

  it('a repeated paid event posts one ledger entry (unique key)', async () => {
    const o = await api({ method: 'POST', url: '/api/apps/rt1/forms/orders/records', payload: { customer: 'Bo', amount: 19990, status: 'new' } });
    const url = `/api/apps/rt1/forms/orders/records/${o.body.id}`;
    expect((await api({ method: 'PATCH', url, payload: { status: 'paid' } })).status).toBe(200);
    expect((await api({ method: 'PATCH', url, payload: { status: 'new' } })).status).toBe(200);
    expect((await api({ method: 'PATCH', url, payload: { status: 'paid' } })).status).toBe(200);
    const entries = await list('rt1', 'ledger', { order: o.body.id });
    expect(entries.map((e) => [e.entry, e.amount])).toEqual([[`order:${o.body.id}`, 1999]]);
  });

  it('keeps traces of evaluations, viewable per rule', async () => {
    const r = await api({ method: 'GET', url: '/api/apps/rt1/rules/apply_discount/traces?limit=5' });
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    const last = r.body.items[0];
    expect(last.ok).toBe(true);
    expect(last.outcome.tables.d.matched.length).toBe(1);
    expect(last.facts.record.customer).toBeTypeOf('string');
  });

  it('runs scheduled rules on the runtime clock (missed runs coalesce)', async () => {
    const before = (await list('rt1', 'audit', { note: { $startsWith: 'tick' } })).length;
    expect((await api({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'PT3H' } })).status).toBe(200);
    expect((await list('rt1', 'audit', { note: { $startsWith: 'tick' } })).length).toBe(before + 1);
    await api({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'PT1H' } });
    expect((await list('rt1', 'audit', { note: { $startsWith: 'tick' } })).length).toBe(before + 2);
  });

  it('webhook rules check their secret', async () => {
    const bad = await h().app.inject({ method: 'POST', url: '/api/hooks/rt1/ping', payload: { text: 'x' }, headers: { 'x-kiln-token': 'nope' } });
    expect(bad.statusCode).toBe(401);
    const ok = await h().app.inject({ method: 'POST', url: '/api/hooks/rt1/ping', payload: { text: 'hello hook' }, headers: { 'x-kiln-token': 's3cret' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await list('rt1', 'audit', { note: 'hello hook' })).length).toBe(1);
    expect((await h().app.inject({ method: 'POST', url: '/api/hooks/rt1/nope', payload: {} })).statusCode).toBe(404);
  });

  it('the test console runs a draft rule without applying effects', async () => {
    const rule = trigger('console_probe', { event: 'record.created', form: 'orders' }, [{ id: 'c', type: 'create', form: 'audit', values: { note: 'str.upper(record.customer)' } }]);
    const r = await api({ method: 'POST', url: '/api/apps/rt1/rules/test', payload: { rule, facts: { record: { id: 1, customer: 'zed', amount: 5 } } } });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.outcome.effects).toEqual([expect.objectContaining({ type: 'create', form: 'audit', values: { note: 'ZED' } })]);
    expect(await list('rt1', 'audit', { note: 'ZED' })).toEqual([]);
    const table = await api({ method: 'POST', url: '/api/apps/rt1/rules/test', payload: { rule: rules[3], facts: { record: { amount: 60000 } } } });
    expect(table.body.outcome).toEqual({ matched: ['r3'], output: { pct: 10 } });
  });

  it('publish refuses rules with problems, pointing into them', async () => {
    const bad = trigger('bad_ref', { event: 'record.created', form: 'orders' }, [{ id: 'x', type: 'create', form: 'audit', values: { note: 'record.custmer' } }]);
    await api({ method: 'PUT', url: '/api/apps/rt1/rules/bad_ref', payload: bad });
    const pub = await api({ method: 'POST', url: '/api/apps/rt1/publish' });
    expect(pub.status).toBe(422);
    const p = pub.body.error.details.problems.find((x: any) => x.key === 'bad_ref');
    expect(p).toMatchObject({ kind: 'rules', code: 'RULE_UNKNOWN_FIELD', path: '/actions/0/values/note' });
    await api({ method: 'DELETE', url: '/api/apps/rt1/rules/bad_ref' });
  });

  it('stops rule loops at the cascade limit and saves nothing', async () => {
    const ping = { formatVersion: 1, key: 'ping', title: t('ping', 'ping'), fields: [f('n', 'number')] };
    const pong = { formatVersion: 1, key: 'pong', title: t('pong', 'pong'), fields: [f('n', 'number')] };
    expect((await setupApp(api, 'loop', [ping, pong])).status).toBe(200);
    await api({ method: 'PUT', url: '/api/apps/loop/rules/a', payload: trigger('a', { event: 'record.created', form: 'ping' }, [{ id: 'x', type: 'create', form: 'pong', values: { n: 'record.n + 1' } }]) });
    await api({ method: 'PUT', url: '/api/apps/loop/rules/b', payload: trigger('b', { event: 'record.created', form: 'pong' }, [{ id: 'x', type: 'create', form: 'ping', values: { n: 'record.n + 1' } }]) });
    expect((await api({ method: 'POST', url: '/api/apps/loop/publish' })).status).toBe(200);
    const r = await api({ method: 'POST', url: '/api/apps/loop/forms/ping/records', payload: { n: 0 } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('RULE_CASCADE_LIMIT');
    expect(r.body.error.details.chain.length).toBeGreaterThan(3);
    expect(await list('loop', 'ping')).toEqual([]);
    expect(await list('loop', 'pong')).toEqual([]);
  });

  it('computes formula fields at write time and for previews (published form or a draft)', async () => {
    const form = { formatVersion: 1, key: 'quotes', title: t('报价', 'Quotes'), fields: [
      f('price', 'money'), f('qty', 'number'),
      f('total', 'formula', { resultType: 'money', expression: 'money.mul(record.price || 0, record.qty || 0)' }),
    ] };
    expect((await setupApp(api, 'fx', [form])).status).toBe(200);
    const r = await api({ method: 'POST', url: '/api/apps/fx/forms/quotes/records', payload: { price: 1999, qty: 3, total: 1 } });
    expect(r.body.total).toBe(5997);
    const patched = await api({ method: 'PATCH', url: `/api/apps/fx/forms/quotes/records/${r.body.id}`, payload: { qty: 2 } });
    expect(patched.body.total).toBe(3998);
    const preview = await api({ method: 'POST', url: '/api/apps/fx/compute', payload: { formKey: 'quotes', values: { price: 500, qty: 4 } } });
    expect(preview.body).toEqual({ values: { total: 2000 }, errors: {} });
    const draft = { ...form, fields: [...form.fields.slice(0, 2), f('total', 'formula', { resultType: 'money', expression: 'money.mul(record.price,' })] };
    const broken = await api({ method: 'POST', url: '/api/apps/fx/compute', payload: { form: draft, values: { price: 1, qty: 1 } } });
    expect(broken.status).toBe(200);
    expect(broken.body.values.total).toBeNull();
    expect(broken.body.errors.total).toBeTypeOf('string');
  });

  it('a failing rule reports where it failed, saves nothing, and the server keeps serving', async () => {
    const form = { formatVersion: 1, key: 'items', title: t('items', 'items'), fields: [f('name', 'text'), f('n', 'number')] };
    expect((await setupApp(api, 'broken', [form])).status).toBe(200);
    await api({ method: 'PUT', url: '/api/apps/broken/rules/crash', payload: trigger('crash', { event: 'record.created', form: 'items' }, [{ id: 'x', type: 'update', form: 'items', record: 'record.id', values: { name: "const o = null;\nreturn o.name;" } }], { condition: "record.name === 'crash'" }) });
    await api({ method: 'PUT', url: '/api/apps/broken/rules/spin', payload: trigger('spin', { event: 'record.created', form: 'items' }, [{ id: 'x', type: 'update', form: 'items', record: 'record.id', values: { n: 'while (true) {}' } }], { condition: "record.name === 'spin'" }) });
    const pubBroken = await api({ method: 'POST', url: '/api/apps/broken/publish' });
    expect(pubBroken.status, JSON.stringify(pubBroken.body)).toBe(200);
    const crash = await api({ method: 'POST', url: '/api/apps/broken/forms/items/records', payload: { name: 'crash' } });
    expect(crash.status).toBe(422);
    expect(crash.body.error.code).toBe('RULE_FAILED');
    expect(crash.body.error.details).toMatchObject({ rule: 'crash', code: 'RULE_RUNTIME', path: '/actions/0/values/name', line: 2 });
    const spin = await api({ method: 'POST', url: '/api/apps/broken/forms/items/records', payload: { name: 'spin' } });
    expect(spin.status).toBe(422);
    expect(spin.body.error.details.code).toBe('RULE_TIMEOUT');
    expect(await list('broken', 'items')).toEqual([]);
    const fine = await api({ method: 'POST', url: '/api/apps/broken/forms/items/records', payload: { name: 'fine', n: 1 } });
    expect(fine.status).toBe(201);
    const traces = await api({ method: 'GET', url: '/api/apps/broken/rules/crash/traces' });
    // Kept although the failed write rolled back; later records' evaluations (condition false) are traced too.
    expect(traces.body.items[0]).toMatchObject({ ok: true, outcome: { matched: false } });
    const failed = traces.body.items.find((x: any) => !x.ok);
    expect(failed).toMatchObject({ error: { code: 'RULE_RUNTIME', line: 2 }, facts: { record: { name: 'crash' } } });
  });
}, { testClock: true });
