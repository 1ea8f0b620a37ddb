import { describe, expect, it } from 'vitest';
import {
  PRESETS, PRESET_IDS, byteLength, compileConnector, connectorFromPreset, executeOperation, idempotencyKey, sampleTransport, secretNames, validateConnector,
  type ConnectorDefinition, type HttpRequestSpec, type HttpResponseSpec, type OperationSample, type PresetId, type Transport,
} from '../src/index.js';

const now = new Date('2024-05-01T02:00:00.000Z');
const delivery = { id: 42, app: 'livestream', connector: 'erp' };

/** Runs an operation the way the runtime does: key first, then the steps, recording requests. */
async function runOp(def: ConnectorDefinition, op: string, input: unknown, transport: Transport) {
  const compiled = compileConnector(def);
  const key = await idempotencyKey(compiled, op, { input, delivery }, now);
  const sent: Array<{ step: string; req: HttpRequestSpec }> = [];
  const recording: Transport = {
    send: (req, step) => (sent.push({ step, req }), transport.send(req, step)),
    ...(transport.reauthenticate ? { reauthenticate: () => transport.reauthenticate!() } : {}),
  };
  const outcome = await executeOperation(compiled, op, { input, key, baseUrl: def.baseUrl!, now }, recording);
  return { key, sent, outcome, byStep: Object.fromEntries(sent.map((s) => [s.step, s.req])) };
}

/** Sample responses with some replaced; `reauthenticate` counts logins. */
function withResponses(sample: OperationSample | undefined, over: Record<string, Array<{ status?: number; body: unknown }>>) {
  const base = sampleTransport(sample);
  const n: Record<string, number> = {};
  let logins = 0;
  const t: Transport = {
    async send(req, step): Promise<HttpResponseSpec> {
      const list = over[step];
      if (!list) return base.send(req, step);
      const i = Math.min(n[step] ?? 0, list.length - 1);
      n[step] = (n[step] ?? 0) + 1;
      return { status: list[i].status ?? 200, headers: {}, body: list[i].body };
    },
    reauthenticate: async () => void logins++,
  };
  return { t, logins: () => logins };
}

describe('every preset', () => {
  it.each(PRESET_IDS)('%s is a valid definition in both languages', (id) => {
    const def = connectorFromPreset(id, 'demo_conn');
    expect(def.preset).toBe(id);
    expect(def.key).toBe('demo_conn');
    expect(validateConnector(def)).toEqual([]);
    expect(validateConnector(def, { locale: 'en', hooks: ['douyin_order'], forms: {} })).toEqual([]);
  });

  it.each(PRESET_IDS)('%s has bilingual texts and runs its own samples', async (id) => {
    const info = PRESETS[id];
    expect(info.id).toBe(id);
    for (const t of [info.name, info.description]) expect(t).toEqual({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/[A-Za-z]/) });
    const def = info.definition('demo_conn');
    for (const [name, op] of Object.entries(def.operations ?? {})) {
      expect(op.sample?.input, `${id}.${name} sample input`).toBeDefined();
      expect(op.name).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
      const { outcome } = await runOp(def, name, op.sample!.input, sampleTransport(op.sample));
      expect(outcome.ok, `${id}.${name}: ${JSON.stringify(outcome)}`).toBe(true);
    }
    if (def.inbound) expect(def.inbound.sample).toBeDefined();
  });

  it('gives a fresh definition each time, renamed when asked', () => {
    const a = connectorFromPreset('kingdee-k3cloud', 'a');
    a.operations!.push_order.steps[0].id = 'changed';
    expect(connectorFromPreset('kingdee-k3cloud', 'b').operations!.push_order.steps[0].id).toBe('query');
    expect(connectorFromPreset('rest', 'c', 'My ERP').name).toBe('My ERP');
  });
});

describe('kingdee-k3cloud push_order', () => {
  const def = connectorFromPreset('kingdee-k3cloud', 'kingdee');
  const op = def.operations!.push_order;
  const input = op.sample!.input as Record<string, unknown>;

  it('renders query, save, submit and audit per the protocol page', async () => {
    const { key, sent, outcome, byStep } = await runOp(def, 'push_order', input, sampleTransport(op.sample));
    expect(key).toBe('LV-000001');
    expect(sent.map((s) => s.step)).toEqual(['query', 'save', 'submit', 'audit']);
    const svc = 'http://127.0.0.1:4101/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService';
    expect(byStep.query).toEqual({
      method: 'POST',
      url: `${svc}.ExecuteBillQuery.common.kdsvc`,
      headers: { 'content-type': 'application/json' },
      json: { data: { FormId: 'SAL_SaleOrder', FieldKeys: 'FID,FBillNo,FDocumentStatus', FilterString: "FBillNo='LV-000001'", TopRowCount: 0, Limit: 0 } },
    });
    expect(byStep.save.url).toBe(`${svc}.Save.common.kdsvc`);
    expect(byStep.save.json).toEqual({
      formid: 'SAL_SaleOrder',
      data: {
        Model: {
          FBillNo: 'LV-000001',
          FBillTypeID: { FNUMBER: 'XSDD01_SYS' },
          FDate: '2024-05-01',
          FSaleOrgId: { FNumber: '100' },
          FCustId: { FNumber: 'CUST0001' },
          FSalerId: { FNumber: 'SAL0001' },
          FSaleOrderFinance: { FSettleCurrId: { FNumber: 'PRE001' }, FIsIncludedTax: true },
          FSaleOrderEntry: [{ FMaterialId: { FNumber: 'MAT0001' }, FQty: 2, FPrice: 442.477876, FTaxPrice: 500, FEntryTaxRate: 13 }],
        },
      },
    });
    expect(byStep.submit).toMatchObject({ url: `${svc}.Submit.common.kdsvc`, json: { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } } });
    expect(byStep.audit).toMatchObject({ url: `${svc}.Audit.common.kdsvc`, json: { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } } });
    expect(outcome).toMatchObject({ ok: true, result: { billNo: 'LV-000001', id: 100001 } });
  });

  it('defaults the org and tax rate, leaves out a missing salesperson, keeps several lines as an array', async () => {
    const min = { billNo: 'LV-2', date: '2024-05-02', customer: 'C2', lines: [{ material: 'M1', qty: 1, taxPrice: 11300 }] };
    const { byStep } = await runOp(def, 'push_order', min, sampleTransport(op.sample));
    const model = (byStep.save.json as { data: { Model: Record<string, unknown> } }).data.Model;
    expect(model.FSaleOrgId).toEqual({ FNumber: '100' });
    expect(model).not.toHaveProperty('FSalerId');
    expect(model.FSaleOrderEntry).toEqual([{ FMaterialId: { FNumber: 'M1' }, FQty: 1, FPrice: 100, FTaxPrice: 113, FEntryTaxRate: 13 }]);
    const two = { ...min, lines: [...min.lines, { material: 'M2', qty: 3, taxPrice: 1990, taxRate: 6 }] };
    const r2 = await runOp(def, 'push_order', two, sampleTransport(op.sample));
    expect((r2.byStep.save.json as { data: { Model: { FSaleOrderEntry: unknown[] } } }).data.Model.FSaleOrderEntry[1]).toEqual({ FMaterialId: { FNumber: 'M2' }, FQty: 3, FPrice: 18.773585, FTaxPrice: 19.9, FEntryTaxRate: 6 });
  });

  it('escapes quotes in the query filter', async () => {
    const { byStep } = await runOp(def, 'push_order', { ...input, billNo: "A'B" }, sampleTransport(op.sample));
    expect((byStep.query.json as { data: { FilterString: string } }).data.FilterString).toBe("FBillNo='A''B'");
  });

  it('skips save and submit when the bill exists submitted (B), and everything when audited (C)', async () => {
    const b = await runOp(def, 'push_order', input, withResponses(op.sample, { query: [{ body: [[100007, 'LV-000001', 'B']] }] }).t);
    expect(b.sent.map((s) => s.step)).toEqual(['query', 'audit']);
    expect(b.outcome).toMatchObject({ ok: true, result: { billNo: 'LV-000001', id: 100007 } });
    expect(b.outcome.steps.map((s) => [s.step, !!s.skipped])).toEqual([['query', false], ['save', true], ['submit', true], ['audit', false]]);
    const a = await runOp(def, 'push_order', input, withResponses(op.sample, { query: [{ body: [[100007, 'LV-000001', 'A']] }] }).t);
    expect(a.sent.map((s) => s.step)).toEqual(['query', 'submit', 'audit']);
    const c = await runOp(def, 'push_order', input, withResponses(op.sample, { query: [{ body: [[100007, 'LV-000001', 'C']] }] }).t);
    expect(c.sent.map((s) => s.step)).toEqual(['query']);
    expect(c.outcome).toMatchObject({ ok: true, result: { id: 100007 } });
  });

  const lost = { Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }], MsgCode: 1 } } };

  it('re-logs in when the query answers a wrapped lost session', async () => {
    const w = withResponses(op.sample, { query: [{ body: [[lost]] }, { body: [] }] });
    const r = await runOp(def, 'push_order', input, w.t);
    expect(w.logins()).toBe(1);
    expect(r.outcome.ok).toBe(true);
    expect(r.outcome.steps[0].relogin).toBe(true);
  });

  it('gives CONNECTOR_SESSION_EXPIRED (not permanent) when save stays lost', async () => {
    const w = withResponses(op.sample, { save: [{ body: lost }] });
    const r = await runOp(def, 'push_order', input, w.t);
    expect(r.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_SESSION_EXPIRED', permanent: false, step: 'save' } });
    expect(w.logins()).toBe(1);
  });

  it('treats a save refusal as permanent with Kingdee messages, a submit refusal as retryable', async () => {
    const refusal = { Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, Errors: [{ FieldName: 'FCustId', Message: '客户编码 CUST0001 不存在', DIndex: 0 }], MsgCode: 0 } } };
    const s = await runOp(def, 'push_order', input, withResponses(op.sample, { save: [{ body: refusal }] }).t);
    expect(s.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: true, step: 'save', details: ['客户编码 CUST0001 不存在'] } });
    const u = await runOp(def, 'push_order', input, withResponses(op.sample, { submit: [{ body: refusal }] }).t);
    expect(u.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: false, step: 'submit' } });
  });

  it('query_order reads the status, null when not found', async () => {
    const q = def.operations!.query_order;
    const found = await runOp(def, 'query_order', q.sample!.input, sampleTransport(q.sample));
    expect(found.outcome).toMatchObject({ ok: true, result: { billNo: 'LV-000001', status: 'C' } });
    const none = await runOp(def, 'query_order', { billNo: 'X' }, withResponses(q.sample, { query: [{ body: [] }] }).t);
    expect(none.outcome).toMatchObject({ ok: true, result: { billNo: 'X', status: null } });
  });
});

describe('yonyou-yonbip push_order', () => {
  const def = connectorFromPreset('yonyou-yonbip', 'yonyou');
  const op = def.operations!.push_order;
  const input = op.sample!.input as Record<string, unknown>;

  it('sends singleSave with the shared ERP input, money in yuan', async () => {
    const two = { ...input, lines: [{ material: 'MAT0001', qty: 2, taxPrice: 50000, taxRate: 13 }, { material: 'MAT0002', qty: 3, taxPrice: 1990 }] };
    const { key, byStep, outcome } = await runOp(def, 'push_order', two, sampleTransport(op.sample));
    expect(key).toBe('KLNLV-000001');
    expect(byStep.save.url).toBe('http://127.0.0.1:4102/yonbip/sd/voucherorder/singleSave');
    expect(byStep.save.json).toEqual({
      data: {
        resubmitCheckKey: 'KLNLV-000001', _status: 'Insert', vouchdate: '2024-05-01', agentId: 'CUST0001', salesOrgId: '100', settlementOrgId: '100',
        payMoney: 1059.7,
        orderDetails: [
          { productId: 'MAT0001', qty: 2, oriTaxUnitPrice: 500, oriSum: 1000, taxRate: 13 },
          { productId: 'MAT0002', qty: 3, oriTaxUnitPrice: 19.9, oriSum: 59.7, taxRate: 13 },
        ],
      },
    });
    expect(outcome).toMatchObject({ ok: true, result: { billNo: 'SO20240501000001', id: '2205371231' } });
  });

  it('keeps resubmitCheckKey within 32 characters', async () => {
    const { key, byStep } = await runOp(def, 'push_order', { ...input, billNo: 'LIVESTREAM-2024-05-01-ROOM-888-000001' }, sampleTransport(op.sample));
    expect(key.length).toBeLessThanOrEqual(32);
    expect(key).toBe('KLNLIVESTREAM-2024-05-01-ROOM-88');
    expect(key).toHaveLength(32);
    expect((byStep.save.json as { data: { resubmitCheckKey: string } }).data.resubmitCheckKey).toBe(key);
  });

  it('refuses a partial failure with its messages, 999 permanently, 429 retryably; re-logs in on 310036', async () => {
    const partial = await runOp(def, 'push_order', input, withResponses(op.sample, { save: [{ body: { code: '200', data: { sucessCount: 0, failCount: 1, messages: ['物料 MAT0001 不存在'], infos: [] } } }] }).t);
    expect(partial.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: false, details: ['物料 MAT0001 不存在'] } });
    const missing = await runOp(def, 'push_order', input, withResponses(op.sample, { save: [{ body: { code: '999', message: '客户不能为空' } }] }).t);
    expect(missing.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: true, details: ['客户不能为空'] } });
    const limited = await runOp(def, 'push_order', input, withResponses(op.sample, { save: [{ status: 429, body: { code: '429', message: '调用频率超限' } }] }).t);
    expect(limited.outcome).toMatchObject({ ok: false, error: { permanent: false } });
    const w = withResponses(op.sample, { save: [{ body: { code: '310036', message: '非法token' } }, op.sample!.responses!.save] });
    const relogged = await runOp(def, 'push_order', input, w.t);
    expect(w.logins()).toBe(1);
    expect(relogged.outcome.ok).toBe(true);
  });
});

describe('wecom-robot', () => {
  const def = connectorFromPreset('wecom-robot', 'robot');

  it('sends text with mentions, cut to 2048 bytes', async () => {
    const op = def.operations!.send_text;
    const content = '直播间新订单😀'.repeat(200);
    const { byStep } = await runOp(def, 'send_text', { content, mentionedList: ['@all'], mentionedMobileList: ['13800000000'] }, sampleTransport(op.sample));
    expect(byStep.send.url).toBe('http://127.0.0.1:4103/cgi-bin/webhook/send');
    const json = byStep.send.json as { msgtype: string; text: { content: string; mentioned_list: string[]; mentioned_mobile_list: string[] } };
    expect(json.msgtype).toBe('text');
    expect(byteLength(json.text.content)).toBeLessThanOrEqual(2048);
    expect(json.text.content.endsWith('…')).toBe(true);
    expect(json.text.mentioned_list).toEqual(['@all']);
    expect(json.text.mentioned_mobile_list).toEqual(['13800000000']);
  });

  it('sends markdown cut to 4096 bytes', async () => {
    const op = def.operations!.send_markdown;
    const { byStep } = await runOp(def, 'send_markdown', { content: '**订单**'.repeat(1000) }, sampleTransport(op.sample));
    const json = byStep.send.json as { msgtype: string; markdown: { content: string } };
    expect(json.msgtype).toBe('markdown');
    expect(byteLength(json.markdown.content)).toBeLessThanOrEqual(4096);
    expect(byteLength(json.markdown.content)).toBeGreaterThan(4080);
  });

  it('fails on errcode ≠ 0 although HTTP is 200; 93000 permanently, 45009 retryably', async () => {
    const op = def.operations!.send_text;
    const bad = await runOp(def, 'send_text', { content: 'x' }, withResponses(op.sample, { send: [{ body: { errcode: 93000, errmsg: 'invalid webhook url' } }] }).t);
    expect(bad.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: true, details: ['invalid webhook url (93000)'] } });
    const busy = await runOp(def, 'send_text', { content: 'x' }, withResponses(op.sample, { send: [{ body: { errcode: 45009, errmsg: 'api freq out of limit' } }] }).t);
    expect(busy.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: false } });
  });
});

describe('wechat-channels get_order and rest create', () => {
  it('fetches the order by its id as a string and re-logs in on 42001', async () => {
    const def = connectorFromPreset('wechat-channels', 'channels');
    const op = def.operations!.get_order;
    const w = withResponses(op.sample, { get: [{ body: { errcode: 42001, errmsg: 'access_token expired' } }, op.sample!.responses!.get] });
    const r = await runOp(def, 'get_order', { orderId: '3705115058471208928' }, w.t);
    expect(r.byStep.get).toEqual({ method: 'POST', url: 'http://127.0.0.1:4105/channels/ec/order/get', headers: { 'content-type': 'application/json' }, json: { order_id: '3705115058471208928' } });
    expect(w.logins()).toBe(1);
    expect(r.outcome).toMatchObject({ ok: true, result: { order_id: '3705115058471208928', order_detail: { price_info: { order_price: 1990 } } } });
    const missing = await runOp(def, 'get_order', { orderId: '1' }, withResponses(op.sample, { get: [{ body: { errcode: 100002, errmsg: 'order not exist' } }] }).t);
    expect(missing.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', details: ['order not exist (100002)'] } });
  });

  it('creates with the Idempotency-Key header; 422 is permanent', async () => {
    const def = connectorFromPreset('rest', 'rest_api');
    const op = def.operations!.create;
    const r = await runOp(def, 'create', op.sample!.input, sampleTransport(op.sample));
    expect(r.byStep.create).toEqual({ method: 'POST', url: 'http://127.0.0.1:4106/api/orders', headers: { 'idempotency-key': r.key, 'content-type': 'application/json' }, json: op.sample!.input });
    expect(r.key).toBe('KLNlivestreamD42');
    expect(r.outcome).toMatchObject({ ok: true, result: { id: 'ord_1' } });
    const bad = await runOp(def, 'create', op.sample!.input, withResponses(op.sample, { create: [{ status: 422, body: { error: 'rejected' } }] }).t);
    expect(bad.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent: true } });
  });
});

describe('aliyun-sms', () => {
  const def = connectorFromPreset('aliyun-sms', 'sms');
  const query = (url: string) => {
    const u = new URL(url);
    return { base: `${u.origin}${u.pathname}`, params: [...u.searchParams.entries()] };
  };

  it('is valid with the aliyun auth and its secret, on the fake port, with a short retry window', () => {
    expect(validateConnector(def, { locale: 'en' })).toEqual([]);
    expect(def.auth).toEqual({ type: 'aliyun', accessKeyId: 'LTAI-demo' });
    expect(def.baseUrl).toBe('http://127.0.0.1:4107');
    expect(PRESETS['aliyun-sms'].description).toMatchObject({ en: expect.stringContaining('https://dysmsapi.aliyuncs.com') });
    expect(def.rateLimit?.perMinute).toBeGreaterThan(0);
    expect(validateConnector({ ...def, auth: { type: 'aliyun' } }).map((p) => p.path)).toEqual(['/auth/accessKeyId']);
  });

  it('send_code renders SendSms with every business parameter in the query and no body', async () => {
    const op = def.operations!.send_code;
    const { byStep, outcome, key } = await runOp(def, 'send_code', { phone: '13800000001', code: '012345', app: 'shop' }, sampleTransport(op.sample));
    const req = byStep.send;
    expect(req.method).toBe('POST');
    expect(req.json).toBeUndefined();
    expect(req.headers).toEqual({});
    expect(query(req.url)).toEqual({
      base: 'http://127.0.0.1:4107/',
      params: [
        ['Action', 'SendSms'],
        ['Version', '2017-05-25'],
        ['PhoneNumbers', '13800000001'],
        ['SignName', 'Kiln'],
        ['TemplateCode', 'SMS_000001'],
        ['TemplateParam', '{"code":"012345"}'],
        ['OutId', key],
      ],
    });
    // JSON braces and quotes are percent-encoded on the wire.
    expect(req.url).toContain('TemplateParam=%7B%22code%22%3A%22012345%22%7D');
    expect(outcome).toEqual({ ok: true, result: { bizId: '900619746936498440^0', requestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' }, writeBack: null, steps: expect.any(Array) });
  });

  it('send takes a template code and its variables as an object or as JSON text', async () => {
    const op = def.operations!.send;
    const a = await runOp(def, 'send', op.sample!.input, sampleTransport(op.sample));
    const params = new URL(a.byStep.send.url).searchParams;
    expect(params.get('TemplateCode')).toBe('SMS_000002');
    expect(JSON.parse(params.get('TemplateParam')!)).toEqual({ billNo: 'LV-000001', company: '顺丰速运' });
    expect(a.outcome.ok).toBe(true);
    const b = await runOp(def, 'send', { phone: '+8613800000001', templateCode: 'SMS_9', params: '{"x":"1"}' }, sampleTransport(op.sample));
    const p2 = new URL(b.byStep.send.url).searchParams;
    expect([p2.get('PhoneNumbers'), p2.get('TemplateCode'), p2.get('TemplateParam')]).toEqual(['+8613800000001', 'SMS_9', '{"x":"1"}']);
    const c = await runOp(def, 'send', { phone: '13800000001', templateCode: 'SMS_9' }, sampleTransport(op.sample));
    expect(new URL(c.byStep.send.url).searchParams.has('TemplateParam')).toBe(false);
  });

  const refusal = (status: number, Code: string, Message: string) => ({ send: [{ status, body: { RequestId: 'R1', Code, Message } }] });

  it('Code ≠ "OK" on HTTP 200 is a refusal with Message (Code); never-healing codes are permanent', async () => {
    const op = def.operations!.send_code;
    const input = op.sample!.input;
    for (const code of ['isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.SMS_SIGNATURE_ILLEGAL']) {
      const r = await runOp(def, 'send_code', input, withResponses(op.sample, refusal(200, code, '非法')).t);
      expect(r.outcome, code).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: true, step: 'send', details: [`非法 (${code})`] } });
    }
    const limited = await runOp(def, 'send_code', input, withResponses(op.sample, refusal(200, 'isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1')).t);
    expect(limited.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: false, details: ['触发分钟级流控Permits:1 (isv.BUSINESS_LIMIT_CONTROL)'] } });
  });

  it('gateway errors: a bad signature or key is permanent, a used nonce or an expired timestamp is retried, 5xx is retried', async () => {
    const op = def.operations!.send_code;
    const run = (status: number, code: string) => runOp(def, 'send_code', op.sample!.input, withResponses(op.sample, refusal(status, code, 'm')).t).then((r) => r.outcome);
    expect(await run(400, 'SignatureDoesNotMatch')).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent: true, details: ['m (SignatureDoesNotMatch)'] } });
    expect(await run(404, 'InvalidAccessKeyId.NotFound')).toMatchObject({ ok: false, error: { permanent: true } });
    expect(await run(400, 'MissingPhoneNumbers')).toMatchObject({ ok: false, error: { permanent: true } });
    expect(await run(400, 'SignatureNonceUsed')).toMatchObject({ ok: false, error: { permanent: false } });
    expect(await run(400, 'InvalidTimeStamp.Expired')).toMatchObject({ ok: false, error: { permanent: false } });
    expect(await run(503, 'ServiceUnavailable')).toMatchObject({ ok: false, error: { permanent: false } });
    const html = await runOp(def, 'send_code', op.sample!.input, withResponses(op.sample, { send: [{ status: 500, body: '<html>500</html>' }] }).t);
    expect(html.outcome).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent: false } });
    expect(html.outcome.ok || html.outcome.error.details).toBeUndefined();
  });
});

describe('secretNames', () => {
  const names = (id: PresetId) => secretNames(connectorFromPreset(id, 'x')).map((s) => `${s.for}:${s.name}`);
  it('names the secrets of each preset', () => {
    expect(names('kingdee-k3cloud')).toEqual(['auth:password']);
    expect(names('yonyou-yonbip')).toEqual(['auth:appSecret']);
    expect(names('wecom-robot')).toEqual(['auth:apiKey']);
    expect(names('douyin-shop')).toEqual(['inbound:appSecret']);
    expect(names('wechat-channels')).toEqual(['auth:appSecret', 'inbound:token']);
    expect(names('rest')).toEqual(['auth:token']);
    expect(names('aliyun-sms')).toEqual(['auth:accessKeySecret']);
  });
  it('covers every auth type and scheme, de-duplicated, with bilingual labels', () => {
    const base = { formatVersion: 1 as const, key: 'x', name: 'x' };
    const cases: Array<[ConnectorDefinition, string[]]> = [
      [{ ...base, auth: { type: 'none' } }, []],
      [{ ...base, auth: { type: 'basic', username: 'u' } }, ['password']],
      [{ ...base, auth: { type: 'hmac', header: 'X-Sig' } }, ['hmacSecret']],
      [{ ...base, auth: { type: 'oauth2', tokenUrl: 'https://a/token', clientId: 'c' } }, ['clientSecret']],
      [{ ...base, auth: { type: 'kingdee', acctId: 'a', username: 'u', appId: 'app' } }, ['appSecret']],
      [{ ...base, auth: { type: 'aliyun', accessKeyId: 'LTAI-x' } }, ['accessKeySecret']],
      [{ ...base, inbound: { verify: { scheme: 'token', header: 'X-Token' }, messageId: 'id', handlers: [] } }, ['inboundToken']],
      [{ ...base, inbound: { verify: { scheme: 'hmac-sha256', header: 'X-Sig', timestampHeader: 'X-Ts' }, messageId: 'id', handlers: [] } }, ['inboundSecret']],
      [{ ...base, auth: { type: 'yonyou', appKey: 'k' }, inbound: { verify: { scheme: 'douyin', appKey: 'd' }, messageId: 'id', handlers: [] } }, ['appSecret']],
    ];
    for (const [def, expected] of cases) {
      const got = secretNames(def);
      expect(got.map((s) => s.name)).toEqual(expected);
      for (const s of got) expect(s.label).toEqual({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
    }
  });
});
