import { describe, expect, it } from 'vitest';
import { ConnectorError, TransportError, compileConnector, executeOperation, idempotencyKey, type ConnectorDefinition, type HttpRequestSpec, type HttpResponseSpec, type OperationDefinition, type Transport } from '../src/index.js';

const now = new Date('2024-05-01T02:00:00.000Z');
const BASE = 'http://127.0.0.1:4999/api/';

/** A transport answering from a script per step (in order; the last answer repeats), recording requests and logins. */
function scripted(script: Record<string, Array<Partial<HttpResponseSpec> | Error>>, opts: { relogin?: boolean } = { relogin: true }) {
  const sent: Array<{ step: string; req: HttpRequestSpec }> = [];
  const counters: Record<string, number> = {};
  let logins = 0;
  const t: Transport = {
    async send(req, step) {
      sent.push({ step, req });
      const list = script[step] ?? [{}];
      const i = Math.min(counters[step] ?? 0, list.length - 1);
      counters[step] = (counters[step] ?? 0) + 1;
      const a = list[i];
      if (a instanceof Error) throw a;
      return { status: a.status ?? 200, headers: a.headers ?? {}, body: a.body ?? {} };
    },
  };
  if (opts.relogin) t.reauthenticate = async () => void logins++;
  return { t, sent, logins: () => logins };
}

const connector = (operations: Record<string, OperationDefinition>): ConnectorDefinition => ({ formatVersion: 1, key: 'test', name: 'Test', baseUrl: BASE, operations });
const run = (def: ConnectorDefinition, op: string, input: unknown, t: Transport, key = 'K1') => executeOperation(compileConnector(def), op, { input, key, baseUrl: def.baseUrl!, now }, t);

describe('rendering requests', () => {
  const def = connector({
    get: {
      steps: [{
        id: 'get',
        method: 'GET',
        path: '/orders/{input.id}/lines/{$lowercase(input.part)}',
        query: { q: 'input.q', skip: 'input.none', tags: 'input.tags', at: '$now()' },
        headers: { 'X-Trace': 'key', 'X-Count': '$count(input.tags)', 'X-Null': 'null' },
      }],
    },
    post: { steps: [{ id: 'post', method: 'POST', path: 'orders', body: '{"n": input.n, "total": $yuan(input.fen)}' }] },
  });

  it('joins the base URL with one slash, encodes path parts and query values, drops null ones', async () => {
    const s = scripted({});
    const out = await run(def, 'get', { id: 'a/b c', part: 'X?', q: '中 文&=', tags: ['t1', 't2'] }, s.t);
    expect(out.ok).toBe(true);
    expect(s.sent[0].req).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:4999/api/orders/a%2Fb%20c/lines/x%3F?q=${encodeURIComponent('中 文&=')}&tags=t1&tags=t2&at=${encodeURIComponent('2024-05-01T02:00:00.000Z')}`,
      headers: { 'x-trace': 'K1', 'x-count': '2' },
    });
  });

  it('sends the body as json with a default content type', async () => {
    const s = scripted({});
    await run(def, 'post', { n: 1, fen: 1990 }, s.t);
    expect(s.sent[0].req).toEqual({ method: 'POST', url: 'http://127.0.0.1:4999/api/orders', headers: { 'content-type': 'application/json' }, json: { n: 1, total: 19.9 } });
  });

  it('fails the mapping (permanent, with the pointer) when a path part has no value', async () => {
    const s = scripted({});
    const out = await run(def, 'get', { part: 'x' }, s.t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_MAPPING_FAILED', permanent: true, step: 'get' } });
    if (!out.ok) expect(out.error.message).toContain('/operations/get/steps/0/path');
    expect(s.sent).toHaveLength(0);
  });
});

describe('steps', () => {
  const def = connector({
    sync: {
      steps: [
        { id: 'find', method: 'POST', path: 'find', body: '{"no": key}' },
        { id: 'create', method: 'POST', path: 'create', when: '$not($exists(steps.find.body.id))', body: '{"no": key, "qty": input.qty}' },
        { id: 'confirm', method: 'POST', path: 'confirm', body: '{"id": steps.find.body.id ?? steps.create.body.id}' },
      ],
      result: '{"id": steps.find.body.id ?? steps.create.body.id, "created": steps.create != null}',
      writeBack: '{"erp_id": result.id, "status": "synced"}',
    },
  });

  it('runs every step when nothing is found, later steps reading earlier ones', async () => {
    const s = scripted({ find: [{ body: {} }], create: [{ body: { id: 'N9' } }] });
    const out = await run(def, 'sync', { qty: 3 }, s.t);
    expect(s.sent.map((x) => x.step)).toEqual(['find', 'create', 'confirm']);
    expect(s.sent[1].req.json).toEqual({ no: 'K1', qty: 3 });
    expect(s.sent[2].req.json).toEqual({ id: 'N9' });
    expect(out).toMatchObject({ ok: true, result: { id: 'N9', created: true }, writeBack: { erp_id: 'N9', status: 'synced' } });
  });

  it('skips a step whose `when` is false; it reads as null', async () => {
    const s = scripted({ find: [{ body: { id: 'OLD' } }] });
    const out = await run(def, 'sync', { qty: 3 }, s.t);
    expect(s.sent.map((x) => x.step)).toEqual(['find', 'confirm']);
    expect(out.steps.map((l) => [l.step, !!l.skipped])).toEqual([['find', false], ['create', true], ['confirm', false]]);
    expect(out).toMatchObject({ ok: true, result: { id: 'OLD', created: false } });
  });

  it('defaults the result to the last body and writeBack to null', async () => {
    const d = connector({ one: { steps: [{ id: 'a', method: 'POST', path: 'a' }] } });
    const out = await run(d, 'one', {}, scripted({ a: [{ body: { x: 1 } }] }).t);
    expect(out).toEqual(expect.objectContaining({ ok: true, result: { x: 1 }, writeBack: null }));
  });

  it('rejects a writeBack that is not an object', async () => {
    const d = connector({ one: { steps: [{ id: 'a', method: 'POST', path: 'a' }], writeBack: '"synced"' } });
    const out = await run(d, 'one', {}, scripted({}).t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_MAPPING_FAILED', permanent: true } });
    if (!out.ok) expect(out.error.message).toContain('/operations/one/writeBack');
  });

  it('reports an unknown operation as permanent', async () => {
    const out = await run(def, 'nope', {}, scripted({}).t);
    expect(out).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONNECTOR_OPERATION_UNKNOWN', permanent: true }), steps: [] });
  });
});

describe('responses', () => {
  const def = connector({
    push: {
      steps: [{
        id: 'save',
        method: 'POST',
        path: 'save',
        body: 'input',
        success: 'response.body.ok = true',
        error: 'response.body.errors.message',
        expired: 'response.body.code = 1',
        permanent: 'response.body.code = 999',
      }],
    },
    plain: { steps: [{ id: 'p', method: 'POST', path: 'p' }] },
  });

  it('re-logs in once when expired and re-sends the step', async () => {
    const s = scripted({ save: [{ body: { code: 1 } }, { body: { ok: true } }] });
    const out = await run(def, 'push', { a: 1 }, s.t);
    expect(out.ok).toBe(true);
    expect(s.logins()).toBe(1);
    expect(s.sent).toHaveLength(2);
    expect(out.steps[0]).toMatchObject({ step: 'save', relogin: true, response: { body: { ok: true } } });
  });

  it('gives CONNECTOR_SESSION_EXPIRED (retryable) when still expired after one re-login', async () => {
    const s = scripted({ save: [{ body: { code: 1 } }] });
    const out = await run(def, 'push', {}, s.t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_SESSION_EXPIRED', permanent: false, step: 'save' } });
    expect(s.logins()).toBe(1);
    expect(s.sent).toHaveLength(2);
  });

  it('gives CONNECTOR_SESSION_EXPIRED at once when the transport cannot log in', async () => {
    const s = scripted({ save: [{ body: { code: 1 } }] }, { relogin: false });
    const out = await run(def, 'push', {}, s.t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_SESSION_EXPIRED' } });
    expect(s.sent).toHaveLength(1);
  });

  it('turns success = false into CONNECTOR_REJECTED with the server messages', async () => {
    const s = scripted({ save: [{ body: { ok: false, errors: [{ message: '客户不存在' }, { message: 'qty < 1' }] } }] });
    const out = await run(def, 'push', {}, s.t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_REJECTED', permanent: false, details: ['客户不存在', 'qty < 1'], step: 'save' } });
    if (!out.ok) expect(out.error.message).toContain('客户不存在; qty < 1');
    expect(out.steps[0].error?.code).toBe('CONNECTOR_REJECTED');
  });

  it('takes one error string as one detail, and `permanent` from its expression', async () => {
    const out = await run(def, 'push', {}, scripted({ save: [{ body: { ok: false, code: 999, errors: { message: 'bad data' } } }] }).t);
    expect(out).toMatchObject({ ok: false, error: { details: ['bad data'], permanent: true } });
  });

  it.each([
    [400, true], [404, true], [422, true], [408, false], [429, false], [500, false], [503, false],
  ])('without `success`, HTTP %i is CONNECTOR_HTTP_ERROR, permanent %s', async (status, permanent) => {
    const out = await run(def, 'plain', {}, scripted({ p: [{ status, body: 'nope' }] }).t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent, step: 'p' } });
  });

  it('with `success`, a 500 HTML page is a retryable HTTP error naming the status', async () => {
    const out = await run(def, 'push', {}, scripted({ save: [{ status: 500, body: '<html>oops</html>' }] }).t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent: false, message: 'Step "save" was refused (HTTP 500)' } });
    if (!out.ok) expect(out.error.details).toBeUndefined();
  });

  it('passes a TransportError through with its code, not permanent', async () => {
    for (const code of ['CONNECTOR_TIMEOUT', 'CONNECTOR_UNREACHABLE'] as const) {
      const out = await run(def, 'plain', {}, scripted({ p: [new TransportError(code, 'socket says no')] }).t);
      expect(out).toMatchObject({ ok: false, error: { code, permanent: false, message: 'socket says no', step: 'p' } });
      expect(out.steps[0].request).toBeDefined();
    }
  });

  it('fails the mapping with the expression pointer', async () => {
    const d = connector({
      push: { steps: [{ id: 'a', method: 'POST', path: 'a' }, { id: 'b', method: 'POST', path: 'b', body: '{"x": $number(input.word)}' }] },
    });
    const s = scripted({});
    const out = await run(d, 'push', { word: 'abc' }, s.t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_MAPPING_FAILED', permanent: true, step: 'b' } });
    if (!out.ok) expect(out.error.message).toMatch(/^Mapping failed at \/operations\/push\/steps\/1\/body: /);
    expect(s.sent.map((x) => x.step)).toEqual(['a']);
  });

  it('fails the mapping when a response expression throws', async () => {
    const d = connector({ push: { steps: [{ id: 'a', method: 'POST', path: 'a', success: '$error("custom")' }] } });
    const out = await run(d, 'push', {}, scripted({}).t);
    expect(out).toMatchObject({ ok: false, error: { code: 'CONNECTOR_MAPPING_FAILED' } });
    if (!out.ok) expect(out.error.message).toContain('/operations/push/steps/0/success');
  });
});

describe('idempotencyKey', () => {
  const delivery = { id: 123456, app: 'live-stream_app', connector: 'erp' };
  it('defaults to KLN + sanitized app + D + id, at most 32 characters', async () => {
    const c = compileConnector(connector({ a: { steps: [{ id: 's', method: 'POST', path: 'x' }] } }));
    expect(await idempotencyKey(c, 'a', { input: {}, delivery }, now)).toBe('KLNlivestreamappD123456');
    const long = await idempotencyKey(c, 'a', { input: {}, delivery: { ...delivery, app: 'a'.repeat(60) } }, now);
    expect(long).toHaveLength(32);
    expect(long.endsWith('D123456')).toBe(true);
  });
  it('evaluates the key expression over {input, delivery}, cut to 64', async () => {
    const c = compileConnector(connector({
      a: { key: 'input.no', steps: [{ id: 's', method: 'POST', path: 'x' }] },
      b: { key: 'delivery.connector & "-" & delivery.id', steps: [{ id: 's', method: 'POST', path: 'x' }] },
      n: { key: 'input.n', steps: [{ id: 's', method: 'POST', path: 'x' }] },
    }));
    expect(await idempotencyKey(c, 'a', { input: { no: 'LV-1' }, delivery }, now)).toBe('LV-1');
    expect(await idempotencyKey(c, 'a', { input: { no: 'x'.repeat(100) }, delivery }, now)).toHaveLength(64);
    expect(await idempotencyKey(c, 'b', { input: {}, delivery }, now)).toBe('erp-123456');
    expect(await idempotencyKey(c, 'n', { input: { n: 42 }, delivery }, now)).toBe('42');
    await expect(idempotencyKey(c, 'a', { input: {}, delivery }, now)).rejects.toMatchObject({ code: 'CONNECTOR_MAPPING_FAILED', path: '/operations/a/key' });
    await expect(idempotencyKey(c, 'zz', { input: {}, delivery }, now)).rejects.toBeInstanceOf(ConnectorError);
  });
});

describe('compileConnector', () => {
  it('throws CONNECTOR_DEFINITION_INVALID with the problems', () => {
    const bad = { ...connector({ a: { steps: [{ id: 's', method: 'POST', path: 'x', body: '{"a": ' }] } }) };
    try {
      compileConnector(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectorError);
      const ce = e as ConnectorError;
      expect(ce.code).toBe('CONNECTOR_DEFINITION_INVALID');
      expect(ce.details).toEqual([expect.objectContaining({ code: 'CONNECTOR_EXPRESSION_INVALID', path: '/operations/a/steps/0/body' })]);
    }
  });
});
