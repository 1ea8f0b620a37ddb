import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_ERROR_CODES, ROLE_ERROR_CODES, validateRole, type RoleDefinition, type RoleProblem } from '../src/index.js';
import { forms } from './policy-fixtures.js';

const ctx = { forms, flows: { withdrawal_approval: {}, onboarding: {} }, reports: { commissions_by_month: {}, funnel: {} } };
const T = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The promoter role the referral template intends. */
const promoter: RoleDefinition = {
  formatVersion: 1,
  key: 'promoter',
  name: T('推广员', 'Promoter'),
  description: T('推广员门户', 'Promoter portal'),
  assign: { roles: ['promoter'] },
  self: { form: 'customers', field: 'phone', userAttr: 'phone' },
  forms: {
    customers: { read: true, where: 'id in subtree(referrer, $user.record)', fields: { phone: 'hidden' } },
    commission_ledger: { read: true, where: 'beneficiary = $user.record' },
    withdrawals: {
      read: true,
      create: true,
      where: 'promoter = $user.record',
      set: { promoter: '$user.record' },
      fields: { state: 'readonly', fee: 'readonly' },
    },
  },
  portal: 'promoter',
};
const finance: RoleDefinition = {
  formatVersion: 1,
  key: 'finance',
  name: T('财务', 'Finance'),
  assign: { groups: ['finance', '财务部', 'ops.east-1'] },
  forms: {
    withdrawals: { read: true, update: true, export: true, where: "state in ['requested', 'approved']", set: { state: '"approved"', fee: '0' } },
    commission_ledger: { read: true, export: true },
    tasks: { read: true, where: 'owner = $user or tags contains \'urgent\'', set: { owner: '$user', tags: '["urgent"]', title: '$user.email', done: 'false', due: 'null' } },
  },
  flows: { withdrawal_approval: { start: true } },
  reports: ['commissions_by_month'],
};

const validate = (role: unknown) => validateRole(role, ctx);
const withRole = (patch: Record<string, unknown>) => ({ ...promoter, ...patch });
const codes = (ps: RoleProblem[]) => ps.map((p) => `${p.code} ${p.path}`);

describe('validateRole: valid roles', () => {
  it("the referral template's promoter role and a finance role have no problems", () => {
    expect(validate(promoter)).toEqual([]);
    expect(validate(finance)).toEqual([]);
    expect(validate({ ...finance, reports: '*' })).toEqual([]);
    expect(validate({ formatVersion: 1, key: 'a', name: T('甲', 'A'), forms: {} })).toEqual([]);
  });

  it('an empty where means every row', () => {
    expect(validate(withRole({ forms: { withdrawals: { read: true, where: '' } } }))).toEqual([]);
    expect(validate(withRole({ forms: { withdrawals: { read: true, where: '   ' } } }))).toEqual([]);
  });
});

describe('validateRole: problems', () => {
  it('not an object', () => {
    expect(codes(validate(null))).toEqual(['ROLE_INVALID ']);
    expect(codes(validate([]))).toEqual(['ROLE_INVALID ']);
  });

  it('format version, key, names, unknown properties', () => {
    const ps = validate({ formatVersion: 2, key: 'Promoter', name: T('推广员', ''), forms: {}, colour: 'red', portal: 'admin', description: 'x' });
    expect(codes(ps)).toEqual([
      'ROLE_INVALID /colour',
      'ROLE_INVALID /formatVersion',
      'ROLE_KEY_SYNTAX /key',
      'ROLE_NAME /name/en',
      'ROLE_INVALID /description',
      'ROLE_INVALID /portal',
    ]);
    expect(ps[0]).toMatchObject({ severity: 'error', role: 'Promoter' });
    expect(codes(validate({ formatVersion: 1, key: 'k'.repeat(65), forms: {} }))).toEqual(['ROLE_KEY_SYNTAX /key', 'ROLE_NAME /name']);
    expect(codes(validate({ formatVersion: 1, key: 'k'.repeat(64), name: { en: 'K' }, forms: {} }))).toEqual(['ROLE_NAME /name/zh-CN']);
    expect(validate(withRole({ froms: {} }))[0]!.message).toBe('Unknown property "froms". Did you mean "forms"?');
  });

  it('assign: global roles and group names', () => {
    const ps = validate(withRole({ assign: { roles: ['promoter', 'admin'], groups: ['ok', 'has space', '', 'x'.repeat(65), 5], teams: [] } }));
    expect(codes(ps)).toEqual([
      'ROLE_INVALID /assign/teams',
      'ROLE_ASSIGN /assign/roles/1',
      'ROLE_ASSIGN /assign/groups/1',
      'ROLE_ASSIGN /assign/groups/2',
      'ROLE_ASSIGN /assign/groups/3',
      'ROLE_ASSIGN /assign/groups/4',
    ]);
    expect(codes(validate(withRole({ assign: 'promoter' })))).toEqual(['ROLE_INVALID /assign']);
    expect(codes(validate(withRole({ assign: { roles: 'promoter', groups: 'x' } })))).toEqual(['ROLE_INVALID /assign/roles', 'ROLE_INVALID /assign/groups']);
  });

  it('self: form and field exist, the field is a scalar matching the user attribute', () => {
    expect(codes(validate(withRole({ self: { form: 'customer', field: 'phone', userAttr: 'phone' } })))).toContain('ROLE_UNKNOWN_FORM /self/form');
    expect(validate(withRole({ self: { form: 'customer', field: 'phone', userAttr: 'phone' } }))[0]!.message).toContain('Did you mean "customers"?');
    expect(codes(validate(withRole({ self: { form: 'customers', field: 'phon', userAttr: 'phone' } })))).toEqual(['ROLE_UNKNOWN_FIELD /self/field']);
    expect(codes(validate(withRole({ self: { form: 'customers', field: 'referrer', userAttr: 'phone' } })))).toEqual(['ROLE_SELF /self/field']);
    expect(codes(validate(withRole({ self: { form: 'customers', field: 'phone', userAttr: 'email' } })))).toEqual(['ROLE_SELF /self/field']);
    expect(codes(validate(withRole({ self: { form: 'customers', field: 'phone', userAttr: 'wechat' } })))).toEqual(['ROLE_SELF /self/userAttr']);
    expect(codes(validate(withRole({ self: { form: 'customers', field: 'name', userAttr: 'phone', extra: 1 } })))).toEqual(['ROLE_INVALID /self/extra']);
    expect(codes(validate(withRole({ self: 'customers' })))).toEqual(['ROLE_SELF /self']);
    // a user field matched on the user's id
    expect(validate({ ...finance, self: { form: 'tasks', field: 'owner', userAttr: 'id' } })).toEqual([]);
  });

  it('forms: unknown forms, grant shape, action booleans', () => {
    const ps = validate(withRole({ forms: { customerz: { read: true }, withdrawals: { read: 'yes', delete: 1, wher: 'x' }, tasks: true } }));
    expect(codes(ps)).toEqual([
      'ROLE_UNKNOWN_FORM /forms/customerz',
      'ROLE_INVALID /forms/withdrawals/wher',
      'ROLE_INVALID /forms/withdrawals/read',
      'ROLE_INVALID /forms/withdrawals/delete',
      'ROLE_INVALID /forms/tasks',
    ]);
    expect(ps[0]!.message).toBe('Unknown form "customerz". Did you mean "customers"?');
    expect(ps[1]!.message).toBe('Unknown property "wher". Did you mean "where"?');
    expect(codes(validate(withRole({ forms: undefined })))).toEqual(['ROLE_INVALID /forms']);
    expect(codes(validate(withRole({ forms: [] })))).toEqual(['ROLE_INVALID /forms']);
  });

  it('where: syntax and check problems at /forms/<form>/where with offsets into the text', () => {
    let ps = validate(withRole({ forms: { withdrawals: { read: true, where: "promoter = $user.record and state != rejected'" } } }));
    expect(ps).toEqual([expect.objectContaining({ code: 'POLICY_SYNTAX', path: '/forms/withdrawals/where', from: 37, to: 45 })]);
    const text = "promoter = $user.record and stat != 'rejected' and amount = 'x'";
    ps = validate(withRole({ forms: { withdrawals: { read: true, where: text } } }));
    expect(ps.map((p) => [p.code, p.path, text.slice(p.from, p.to)])).toEqual([
      ['POLICY_UNKNOWN_FIELD', '/forms/withdrawals/where', 'stat'],
      ['POLICY_VALUE_TYPE', '/forms/withdrawals/where', "'x'"],
    ]);
    expect(codes(validate(withRole({ forms: { withdrawals: { where: 5 } } })))).toEqual(['ROLE_INVALID /forms/withdrawals/where']);
    expect(codes(validate(withRole({ forms: { withdrawals: { where: 'x'.repeat(2001) } } })))).toEqual(['POLICY_TOO_LONG /forms/withdrawals/where']);
  });

  it('where: $user.record needs self, and must point at a relation to the self form', () => {
    const { self: _self, ...noSelf } = promoter;
    const ps = validate(noSelf);
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['ROLE_SELF_REQUIRED', '/forms/customers/where'],
      ['ROLE_SELF_REQUIRED', '/forms/commission_ledger/where'],
      ['ROLE_SELF_REQUIRED', '/forms/withdrawals/where'],
      ['ROLE_SELF_REQUIRED', '/forms/withdrawals/set/promoter'],
    ]);
    expect(promoter.forms.customers!.where!.slice(ps[0]!.from, ps[0]!.to)).toBe('$user.record');
    const wrong = validate(withRole({ self: { form: 'tasks', field: 'title', userAttr: 'email' } }));
    expect(codes(wrong)).toEqual([
      'POLICY_USER_REF /forms/customers/where',
      'POLICY_USER_REF /forms/commission_ledger/where',
      'POLICY_USER_REF /forms/withdrawals/where',
      'ROLE_SET_VALUE /forms/withdrawals/set/promoter',
    ]);
    expect(wrong[1]!.message).toBe('$user.record is a record of tasks, but "beneficiary" holds records of customers');
  });

  it('fields: keys exist and values are hidden | readonly', () => {
    const ps = validate(withRole({ forms: { withdrawals: { read: true, fields: { state: 'readonly', fees: 'hidden', amount: 'visible', id: 'hidden' } } } }));
    expect(codes(ps)).toEqual(['ROLE_UNKNOWN_FIELD /forms/withdrawals/fields/fees', 'ROLE_INVALID /forms/withdrawals/fields/amount', 'ROLE_UNKNOWN_FIELD /forms/withdrawals/fields/id']);
    expect(ps[0]!.message).toBe('Unknown field "fees" in withdrawals. Did you mean "fee"?');
    expect(codes(validate(withRole({ forms: { withdrawals: { fields: ['state'] } } })))).toEqual(['ROLE_INVALID /forms/withdrawals/fields']);
  });

  it('set: keys exist, values are $user references or JSON literals of the field type', () => {
    const set = {
      promotr: '$user.record',
      amount: '"100"',
      fee: 'abc',
      state: '"rejectd"',
      net_amount: '$usr',
      promoter: '$user',
    };
    const ps = validate(withRole({ forms: { withdrawals: { create: true, set } } }));
    expect(codes(ps)).toEqual([
      'ROLE_UNKNOWN_FIELD /forms/withdrawals/set/promotr',
      'ROLE_SET_VALUE /forms/withdrawals/set/amount',
      'ROLE_SET_VALUE /forms/withdrawals/set/fee',
      'ROLE_SET_VALUE /forms/withdrawals/set/state',
      'ROLE_SET_VALUE /forms/withdrawals/set/net_amount',
      'ROLE_SET_VALUE /forms/withdrawals/set/promoter',
    ]);
    expect(ps[2]!.message).toBe('"abc" is not a JSON literal: to set the text abc, write "\\"abc\\""');
    expect(ps[3]!.message).toContain("Did you mean 'rejected'?");
    expect(ps[5]!.message).toContain('use $user.record');
    expect(codes(validate({ ...finance, forms: { tasks: { set: { tags: "'urgent'", title: '["a"]', owner: 5, done: '{"a":1}' } } } }))).toEqual([
      'ROLE_SET_VALUE /forms/tasks/set/tags',
      'ROLE_SET_VALUE /forms/tasks/set/title',
      'ROLE_SET_VALUE /forms/tasks/set/owner',
      'ROLE_SET_VALUE /forms/tasks/set/done',
    ]);
  });

  it('flows and reports exist', () => {
    const ps = validate({ ...finance, flows: { withdrawl_approval: { start: true }, onboarding: { start: 'yes', stop: true }, x: true }, reports: ['funnel', 'funnle', 3] });
    expect(codes(ps)).toEqual([
      'ROLE_UNKNOWN_FLOW /flows/withdrawl_approval',
      'ROLE_INVALID /flows/onboarding/stop',
      'ROLE_INVALID /flows/onboarding/start',
      'ROLE_UNKNOWN_FLOW /flows/x',
      'ROLE_INVALID /flows/x',
      'ROLE_UNKNOWN_REPORT /reports/1',
      'ROLE_UNKNOWN_REPORT /reports/2',
    ]);
    expect(ps[0]!.message).toContain('Did you mean "withdrawal_approval"?');
    expect(ps[5]!.message).toContain('Did you mean "funnel"?');
    expect(codes(validate({ ...finance, reports: 'all' }))).toEqual(['ROLE_INVALID /reports']);
    expect(codes(validate({ ...finance, flows: [] }))).toEqual(['ROLE_INVALID /flows']);
  });

  it('JSON pointers escape ~ and /', () => {
    expect(codes(validate(withRole({ forms: { 'a/b~c': {} } })))).toEqual(['ROLE_UNKNOWN_FORM /forms/a~1b~0c']);
  });

  it('codes are registered', () => {
    const all = new Set<string>([...ROLE_ERROR_CODES, ...POLICY_ERROR_CODES]);
    const roles = [promoter, finance, null, { formatVersion: 1 }, withRole({ forms: { withdrawals: { where: 'x =' } } })];
    for (const r of roles) for (const p of validate(r)) expect(all.has(p.code), p.code).toBe(true);
  });
});

describe('fixtures', () => {
  it('customers, commission_ledger and withdrawals match the referral template', () => {
    for (const key of ['customers', 'commission_ledger', 'withdrawals']) {
      const yaml = readFileSync(new URL(`../../../templates/referral-marketing/forms/${key}.yaml`, import.meta.url), 'utf8');
      const blocks = yaml.split(/^ {2}- id: /m).slice(1);
      const fromYaml = blocks.map((b) => [/^ {4}key: (\S+)$/m.exec(b)![1], /^ {4}type: (\S+)$/m.exec(b)![1], /^ {4}target: (\S+)$/m.exec(b)?.[1] ?? null]);
      expect(fromYaml.length).toBeGreaterThan(4);
      const fixture = forms[key]!.fields.map((f) => [f.key, f.type, f.type === 'relation' ? f.target : null]);
      expect(fixture, key).toEqual(fromYaml);
    }
  });
});
