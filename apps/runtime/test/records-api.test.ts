import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const customers = {
  formatVersion: 1, key: 'customers', title: t('客户', 'Customers'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50 },
    { id: 'f_phone', key: 'phone', type: 'phone', label: t('手机号', 'Phone'), required: true, unique: true },
    { id: 'f_code', key: 'referral_code', type: 'autonumber', mode: 'shortcode', length: 6, unique: true, label: t('推荐码', 'Referral code') },
    { id: 'f_age', key: 'age', type: 'number', integer: true, min: 0, max: 150, label: t('年龄', 'Age') },
    { id: 'f_level', key: 'level', type: 'select', label: t('等级', 'Level'), options: [{ value: 'a', label: t('A', 'A') }, { value: 'b', label: t('B', 'B') }] },
    { id: 'f_ref', key: 'referrer', type: 'relation', target: 'customers', label: t('推荐人', 'Referrer') },
  ],
};

describeBackends('records API', (h) => {
  it('publishes a form and round-trips records', async () => {
    expect((await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'crm', name: t('客户', 'CRM') } })).status).toBe(201);
    expect((await h().req({ method: 'PUT', url: '/api/apps/crm/forms/customers', payload: customers })).status).toBe(200);
    const pub = await h().req({ method: 'POST', url: '/api/apps/crm/publish' });
    expect(pub.body).toEqual({ version: 1 });
    const a = await h().req({ method: 'POST', url: '/api/apps/crm/forms/customers/records', payload: { name: '张三', phone: '13800000001', age: 30, level: 'a' } });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: '张三', phone: '13800000001', age: 30, level: 'a', referrer: null, formVersion: 1 });
    expect(a.body.referral_code).toMatch(/^[A-Z2-9]{6}$/);
    const b = await h().req({ method: 'POST', url: '/api/apps/crm/forms/customers/records', payload: { name: '李四', phone: '13800000002', referrer: a.body.id } });
    expect(b.status).toBe(201);
    const got = await h().req({ method: 'GET', url: `/api/apps/crm/forms/customers/records/${b.body.id}` });
    expect(got.body.referrer).toBe(a.body.id);
    const list = await h().req({ method: 'GET', url: `/api/apps/crm/forms/customers/records?filter=${encodeURIComponent(JSON.stringify({ age: { $gte: 18 } }))}&sort=-age` });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: any) => r.name)).toEqual(['张三']);
    const dup = await h().req({ method: 'POST', url: '/api/apps/crm/forms/customers/records', payload: { name: 'x', phone: '13800000001' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('RECORD_DUPLICATE');
    expect(dup.body.error.details.errors[0].path).toBe('/phone');
  });
});
