import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';

/**
 * Livestream intake (domain.md §5, issue rule 9): a submission of the public `live` form upserts
 * the customer by phone and creates a pending-review draft order priced from the product and the
 * hook-script code's discount, with the channel and session from the link — once per phone + code.
 */
describeBackends('livestream intake rule', (h) => {
  const get = async (url: string) => (await h().req({ method: 'GET', url })).body;
  const submit = (q: string, payload: object, key?: string) =>
    h().req({ method: 'POST', url: `/api/public/forms/live-intake/submissions?${q}`, headers: { authorization: '', ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const orders = async () => (await get('/api/apps/intake/forms/orders/records?sort=id&limit=100')).items as any[];
  const customers = async () => (await get('/api/apps/intake/forms/customers/records?sort=id&limit=100')).items as any[];

  it('installs with the intake rule', async () => {
    const r = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { app: 'intake', demoData: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const meta = await get('/api/apps/intake');
    expect(meta.rules.intake).toMatchObject({ type: 'trigger', trigger: { event: 'form.submitted', form: 'intents' } });
  });

  it('creates the customer and a discounted draft order with channel and session', async () => {
    const before = (await customers()).length;
    const a = await submit('code=LIVE888&channel=douyin&session=S1', { name: '观众甲', phone: '13622223333', sku: 'TEA-001', qty: 2, region: '440300' }, 'k-1');
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const custs = await customers();
    expect(custs.length).toBe(before + 1);
    const c = custs.find((x) => x.phone === '13622223333');
    expect(c).toMatchObject({ name: '观众甲', region: '440300' });
    const [o] = (await orders()).filter((x) => x.intent === a.body.id);
    // 明前龙井 ¥299.00 with LIVE888's 10% off → ¥269.10 each.
    expect(o).toMatchObject({ customer: c.id, status: 'pending_review', source: 'intent', code: 'LIVE888', channel: 'douyin', session: 'S1', lines: [{ sku: 'TEA-001', qty: 2, unit_price: 26910 }] });
    expect(o.total).toBe(53820);
  });

  it('a repeated submission (same phone + code, or a retried request) makes no second order', async () => {
    const n = (await orders()).length;
    const retry = await submit('code=LIVE888&channel=douyin&session=S1', { name: '观众甲', phone: '13622223333', sku: 'TEA-001', qty: 2 }, 'k-1');
    expect(retry.status).toBe(200);
    const again = await submit('code=LIVE888&channel=douyin', { name: '观众甲', phone: '13622223333', sku: 'TEA-001', qty: 5 });
    expect(again.status).toBe(200);
    expect((await orders()).length).toBe(n);
  });

  it('the same phone with another code is the same customer; a code discounts only its own product', async () => {
    const n = (await customers()).length;
    const b = await submit('code=LIVE666&channel=channels', { name: '别的名字', phone: '13622223333', sku: 'TEA-001', qty: 1 });
    expect(b.status).toBe(201);
    expect((await customers()).length).toBe(n);
    expect((await customers()).find((x) => x.phone === '13622223333').name).toBe('观众甲');
    const [o] = (await orders()).filter((x) => x.intent === b.body.id);
    expect(o.lines).toEqual([{ sku: 'TEA-001', qty: 1, unit_price: 29900 }]);
    // No SKU typed: the code's own product (白茶饼 ¥199.00, LIVE666 15% off → ¥169.15).
    const c = await submit('code=LIVE666&channel=douyin', { name: '观众丁', phone: '13711112222' });
    expect(c.status).toBe(201);
    const [o2] = (await orders()).filter((x) => x.intent === c.body.id);
    expect(o2.lines).toEqual([{ sku: 'TEA-002', qty: 1, unit_price: 16915 }]);
  });

  it('an unknown product is refused under the SKU field and nothing is stored', async () => {
    const n = { orders: (await orders()).length, customers: (await customers()).length };
    const bad = await submit('code=LIVE888&locale=en', { name: '观众戊', phone: '13900001111', sku: 'NOPE-1' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'RULE_REJECTED', message: 'Unknown product: check the SKU.', details: { field: 'sku' } });
    expect({ orders: (await orders()).length, customers: (await customers()).length }).toEqual(n);
    const intents = (await get(`/api/apps/intake/forms/intents/records?filter=${encodeURIComponent(JSON.stringify({ phone: '13900001111' }))}`)).items;
    expect(intents).toEqual([]);
  });
});
