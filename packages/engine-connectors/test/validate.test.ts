import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectorFromPreset, parseDuration, validateConnector, type ValidateOptions } from '../src/index.js';

const dir = new URL('../test-data/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))] as const);

describe('fixtures (test-data/)', () => {
  it('has valid and error cases', () => {
    expect(fixtures.filter(([f]) => f.startsWith('valid-')).length).toBeGreaterThan(0);
    expect(fixtures.filter(([f]) => f.startsWith('error-')).length).toBeGreaterThan(5);
  });
  it.each(fixtures)('%s', (_name, fx: { definition: unknown; options?: ValidateOptions; problems: Array<{ path: string; code: string }> }) => {
    const got = validateConnector(fx.definition, fx.options).map(({ path, code }) => ({ path, code }));
    const key = (p: { path: string; code: string }) => `${p.path} ${p.code}`;
    expect(got.map(key).sort()).toEqual(fx.problems.map(key).sort());
  });
});

describe('validateConnector', () => {
  const base = () => connectorFromPreset('kingdee-k3cloud', 'erp');

  it('places a bad expression by its JSON pointer, with the JSONata position', () => {
    const def = base();
    def.operations!.push_order.steps[1].body = '{"Model": input.lines.{"q": qty}';
    const [p] = validateConnector(def, { locale: 'en' });
    expect(p).toMatchObject({ path: '/operations/push_order/steps/1/body', code: 'CONNECTOR_EXPRESSION_INVALID' });
    expect(p.message).toMatch(/syntax error.*position \d+/i);
  });

  it('checks every expression kind', () => {
    const def = connectorFromPreset('wechat-channels', 'ch');
    const bad = '(';
    Object.assign(def.operations!.get_order, { key: bad, result: bad, writeBack: bad });
    Object.assign(def.operations!.get_order.steps[0], { when: bad, success: bad, error: bad, expired: bad, permanent: bad, query: { a: bad }, headers: { 'X-A': bad }, path: 'x/{(}' });
    Object.assign(def.inbound!, { messages: bad, messageId: bad });
    Object.assign(def.inbound!.handlers[0], { when: bad, input: bad });
    const paths = validateConnector(def).filter((p) => p.code === 'CONNECTOR_EXPRESSION_INVALID').map((p) => p.path).sort();
    const step = '/operations/get_order/steps/0';
    expect(paths).toEqual([
      '/inbound/handlers/0/input', '/inbound/handlers/0/when', '/inbound/messageId', '/inbound/messages',
      '/operations/get_order/key', '/operations/get_order/result',
      `${step}/error`, `${step}/expired`, `${step}/headers/X-A`, `${step}/path`, `${step}/permanent`, `${step}/query/a`, `${step}/success`, `${step}/when`,
      '/operations/get_order/writeBack',
    ].sort());
  });

  it('accepts functions an expression defines itself', () => {
    const def = base();
    def.operations!.push_order.result = '($f := function($x){ $x * 2 }; {"n": $f(1), "m": [1,2] ~> $map(function($v){ $v })})';
    expect(validateConnector(def)).toEqual([]);
  });

  it('speaks Chinese by default and English on request', () => {
    const def = { ...base(), auth: { type: 'basic' } };
    const [zh] = validateConnector(def);
    const [en] = validateConnector(def, { locale: 'en' });
    expect(zh).toMatchObject({ path: '/auth/username', code: 'CONNECTOR_AUTH_INVALID' });
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.message).toBe('username is a non-empty text');
  });

  it('checks each auth type', () => {
    const check = (auth: unknown) => validateConnector({ ...base(), auth }, { locale: 'en' }).map((p) => `${p.code} ${p.path}`);
    expect(check({ type: 'apiKey', in: 'cookie', name: 'k' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/in']);
    expect(check({ type: 'apiKey', in: 'header', name: 'X Key' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/name']);
    expect(check({ type: 'oauth2', tokenUrl: '/token', clientId: 'c' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/tokenUrl']);
    expect(check({ type: 'yonyou' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/appKey']);
    expect(check({ type: 'wechat', appId: 'wx', secret: 'leak' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/secret']);
    expect(check({ type: 'aliyun', accessKeyId: 'LTAI-demo' })).toEqual([]);
    expect(check({ type: 'aliyun', accessKeyId: '' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/accessKeyId']);
    expect(check({ type: 'aliyun', accessKeyId: 'LTAI-demo', accessKeySecret: 'leak' })).toEqual(['CONNECTOR_AUTH_INVALID /auth/accessKeySecret']);
    expect(check({ type: 'bearer' })).toEqual([]);
    expect(check('bearer')).toEqual(['CONNECTOR_AUTH_INVALID /auth']);
  });

  it('checks forms, fields, hooks and operations only when it knows them', () => {
    const def = connectorFromPreset('douyin-shop', 'dy');
    expect(validateConnector(def)).toEqual([]);
    expect(validateConnector(def, { hooks: ['other'] }).map((p) => p.code)).toEqual(['CONNECTOR_HOOK_UNKNOWN']);
    const ch = connectorFromPreset('wechat-channels', 'ch');
    delete ch.operations!.get_order;
    expect(validateConnector(ch).map((p) => `${p.code} ${p.path}`)).toEqual(['CONNECTOR_OPERATION_UNKNOWN /inbound/handlers/0/operation']);
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [null, undefined, 42, 'x', [], { operations: [] }, { operations: { a: null } }, { operations: { a: { steps: [null, 1, { query: 5, headers: [] }] } } },
      { inbound: { handlers: {}, verify: null } }, { inbound: { handlers: [null, { action: 'upsert', match: 'x' }] } }, { retry: 'PT1S' }, { auth: null }, { name: { fr: 'x' } }];
    for (const j of junk) {
      const problems = validateConnector(j, { forms: {}, hooks: [] });
      expect(Array.isArray(problems)).toBe(true);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p.path === '' || p.path.startsWith('/')).toBe(true);
    }
  });
});

describe('parseDuration', () => {
  it('reads ISO-8601 durations of fixed length', () => {
    expect(parseDuration('PT30S')).toBe(30_000);
    expect(parseDuration('PT1H')).toBe(3_600_000);
    expect(parseDuration('P1D')).toBe(86_400_000);
    expect(parseDuration('P1DT2H3M4.5S')).toBe(93_784_500);
    expect(parseDuration('P2W')).toBe(1_209_600_000);
    for (const bad of ['P', 'PT', 'P1M', 'P1Y', '30s', 'PT-1S', 'P1DT']) expect(parseDuration(bad), bad).toBeNull();
  });
});
