import { describe, expect, it } from 'vitest';
import { checkPolicy, parsePolicy, type PolicyNode, type PolicyProblem } from '../src/index.js';
import { forms } from './policy-fixtures.js';

function check(text: string, form = 'tasks', selfForm?: string): PolicyProblem[] {
  const r = parsePolicy(text);
  expect(r.problems).toEqual([]);
  return checkPolicy(r.ast!, form, forms, selfForm === undefined ? {} : { selfForm });
}
function one(text: string, form = 'tasks', selfForm?: string): PolicyProblem {
  const ps = check(text, form, selfForm);
  expect(ps, text).toHaveLength(1);
  return ps[0]!;
}
const underlined = (text: string, p: PolicyProblem) => text.slice(p.from, p.to);

describe('checkPolicy: valid policies', () => {
  it('accepts the policies of the plan and every field type used properly', () => {
    const ok: Array<[string, string, string?]> = [
      ['createdBy = $user', 'tasks'],
      ['owner = $user or updatedBy = $user', 'tasks'],
      ['region in $user.regions', 'tasks'],
      ['id in descendants(referrer, $user.record)', 'customers', 'customers'],
      ['id in subtree(referrer, $user.record, 3)', 'customers', 'customers'],
      ['beneficiary in subtree(referrer, $user.record)', 'commission_ledger', 'customers'],
      ['beneficiary = $user.record', 'commission_ledger', 'customers'],
      ["promoter = $user.record and state != 'rejected'", 'withdrawals', 'customers'],
      ["tags contains 'urgent' or tags contains '紧急'", 'tasks'],
      ['watchers contains $user.record', 'tasks', 'customers'],
      ['watchers contains 12', 'tasks'],
      ['tags is null or watchers is not null', 'tasks'],
      ["due >= '2024-05-01' and createdAt < '2024-05-01T08:00:00+08:00' and updatedAt > '2024-05-01'", 'tasks'],
      ['estimate > 2.5 and budget <= 10000 and score > 1', 'tasks'],
      ["title < 'm' and region = $user.region and title = $user.email", 'tasks'],
      ['done = true and not done = false', 'tasks'],
      ["state in ['requested', 'approved'] and amount not in [100, 200]", 'withdrawals'],
      ['id = 5 or id in [1, 2] or customer != 3 or owner in [1, $user]', 'tasks'],
      ["subtree = 'x'", 'tasks'],
      ['true', 'tasks'],
      ['region in $user.groups', 'tasks'],
    ];
    for (const [text, form, self] of ok) expect(check(text, form, self), text).toEqual([]);
  });
});

describe('checkPolicy: problems', () => {
  it('unknown fields, with a did-you-mean and the field underlined', () => {
    const text = "promoter = $user.record and stat != 'rejected'";
    const p = one(text, 'withdrawals', 'customers');
    expect(p).toMatchObject({ code: 'POLICY_UNKNOWN_FIELD', message: 'Unknown field "stat" in withdrawals. Did you mean "state"?' });
    expect(underlined(text, p)).toBe('stat');
    expect(one('createdby = $user').message).toContain('Did you mean "createdBy"?');
    expect(one('zzz is null').message).toBe('Unknown field "zzz" in tasks.');
  });

  it('unknown form', () => {
    expect(checkPolicy(parsePolicy('true').ast!, 'nope', forms)).toMatchObject([{ code: 'POLICY_UNKNOWN_FORM' }]);
  });

  it('contains only on multi-valued fields; multi-valued fields only with contains / is null', () => {
    const text = "title contains 'x'";
    const p = one(text);
    expect(p.code).toBe('POLICY_OPERATOR');
    expect(p.message).toContain('"contains" needs a field holding several values');
    expect(underlined(text, p)).toBe(text);
    expect(one('customer contains 1').code).toBe('POLICY_OPERATOR');
    expect(one("tags = 'urgent'").message).toContain('use "tags contains <value>"');
    expect(one('watchers in [1]').code).toBe('POLICY_OPERATOR');
  });

  it('< and > are refused on yes/no fields, relations and users', () => {
    for (const text of ['done > true', 'customer < 5', 'owner >= 1', 'id <= 10', 'createdBy < $user']) {
      expect(one(text).code, text).toBe('POLICY_OPERATOR');
    }
    expect(one('done > true').message).toBe('">" cannot compare a yes/no field ("done"): use "=" or "!="');
  });

  it('literals of the wrong type, underlining the value', () => {
    const cases: Array<[string, string, string, string]> = [
      ["estimate = '5'", 'tasks', "'5'", 'compare it with a number without quotes'],
      ['budget = 1.5', 'tasks', '1.5', 'integer fen'],
      ['title = 13800000000', 'tasks', '13800000000', "put the value in quotes ('13800000000')"],
      ["done = 'yes'", 'tasks', "'yes'", 'true or false'],
      ["due > '2024-13-01'", 'tasks', "'2024-13-01'", 'write it in quotes'],
      ["due > '2024-05-01T08:00:00'", 'tasks', "'2024-05-01T08:00:00'", 'a date'],
      ['due > 20240501', 'tasks', '20240501', 'a date'],
      ["customer = '12'", 'tasks', "'12'", 'record ids of customers'],
      ['customer = 0', 'tasks', '0', 'record ids'],
      ["owner = 'me'", 'tasks', "'me'", 'user ids'],
      ["state = 'rejectd'", 'withdrawals', "'rejectd'", "Did you mean 'rejected'?"],
      ["state = 'nope'", 'withdrawals', "'nope'", 'Options: requested, approved, rejected, paid'],
      ["tags contains 'urgnt'", 'tasks', "'urgnt'", "Did you mean 'urgent'?"],
      ["watchers contains 'a'", 'tasks', "'a'", 'record ids'],
      ["state in ['paid', 3]", 'withdrawals', '3', 'put the value in quotes'],
      ['estimate = null', 'tasks', 'estimate = null', 'Use "estimate is null"'],
      ['estimate != null', 'tasks', 'estimate != null', 'is not null'],
      ['estimate in [1, null]', 'tasks', 'null', 'or estimate is null'],
    ];
    for (const [text, form, under, msg] of cases) {
      const p = one(text, form);
      expect(p.code, text).toBe('POLICY_VALUE_TYPE');
      expect(underlined(text, p), text).toBe(under);
      expect(p.message, text).toContain(msg);
    }
  });

  it('$user references must fit the field', () => {
    const cases: Array<[string, string, string | undefined, string]> = [
      ['customer = $user', 'tasks', undefined, 'use $user.record'],
      ['estimate = $user.id', 'tasks', undefined, '$user is a user id'],
      ['owner = $user.record', 'tasks', undefined, 'use $user, not $user.record'],
      ['title = $user.record', 'tasks', undefined, '$user.record is a record id'],
      ['estimate = $user.phone', 'tasks', undefined, '$user.phone is text'],
      ['title = $user.groups', 'tasks', undefined, 'is a list of group names'],
      ['title in $user.email', 'tasks', undefined, '"in" needs a list'],
      ['owner in $user', 'tasks', undefined, 'write "owner = $user"'],
      ['estimate in $user.groups', 'tasks', undefined, 'list of group names'],
      ['order = $user.record', 'commission_ledger', 'customers', '$user.record is a record of customers, but "order" holds records of orders'],
    ];
    for (const [text, form, self, msg] of cases) {
      const p = one(text, form, self);
      expect(p.code, text).toBe('POLICY_USER_REF');
      expect(p.message, text).toContain(msg);
    }
    // free attributes are not typed
    expect(check('estimate = $user.level and title in $user.regions and done = $user.flag')).toEqual([]);
  });

  it('subtree / descendants: the field must be id or a single relation, the parent a single self-relation of the tree form', () => {
    let text = 'title in subtree(referrer, 1)';
    let p = one(text);
    expect(p.code).toBe('POLICY_TREE');
    expect(underlined(text, p)).toBe('title');
    expect(one('watchers in subtree(referrer, 1)').code).toBe('POLICY_TREE');
    text = 'id in subtree(referer, $user.record)';
    p = one(text, 'customers', 'customers');
    expect(p).toMatchObject({ code: 'POLICY_UNKNOWN_FIELD', message: 'Unknown field "referer" in customers. Did you mean "referrer"?' });
    expect(underlined(text, p)).toBe('referer');
    text = 'id in subtree(campaign, 1)';
    p = one(text, 'customers');
    expect(p.code).toBe('POLICY_TREE');
    expect(p.message).toContain('single relation of customers to itself');
    expect(p.message).toContain('(customers has: referrer)');
    expect(underlined(text, p)).toBe('campaign');
    expect(one('id in subtree(name, 1)', 'customers').code).toBe('POLICY_TREE');
    expect(one('id in subtree(id, 1)', 'customers').code).toBe('POLICY_TREE');
    // id of a form without a self-relation
    expect(one('id in subtree(referrer, 1)', 'withdrawals').message).toContain('withdrawals has no such relation');
    // relation to customers → tree of customers
    expect(check('promoter in descendants(referrer, $user.record, 2)', 'withdrawals', 'customers')).toEqual([]);
    // relation to a form that is not in the app
    expect(one('campaign in subtree(parent, 1)', 'customers').message).toContain('"campaigns", which does not exist');
    // root type
    expect(one("id in subtree(referrer, 'x')", 'customers').code).toBe('POLICY_VALUE_TYPE');
    expect(one('id in subtree(referrer, null)', 'customers').code).toBe('POLICY_VALUE_TYPE');
    expect(one('id in subtree(referrer, $user)', 'customers').code).toBe('POLICY_USER_REF');
    expect(one('id in subtree(referrer, $user.record)', 'customers', 'withdrawals').code).toBe('POLICY_USER_REF');
  });

  it('sub-table fields cannot be used', () => {
    expect(one("lines = 'x'").message).toBe('"lines" is a subtable field, which a row policy cannot use');
    expect(one('lines is null').code).toBe('POLICY_OPERATOR');
  });

  it('reports every problem, not only the first', () => {
    const ps = check("nme = 1 or done > true or estimate = 'x'");
    expect(ps.map((p) => p.code)).toEqual(['POLICY_UNKNOWN_FIELD', 'POLICY_OPERATOR', 'POLICY_VALUE_TYPE']);
  });

  it('works on hand-built trees without spans', () => {
    const ast: PolicyNode = { kind: 'and', items: [{ kind: 'cmp', field: 'nope', op: '=', value: { kind: 'literal', value: 1 } }, { kind: 'tree', field: 'id', mode: 'subtree', parent: 'referrer', root: { kind: 'literal', value: 1 }, maxDepth: 99 }] };
    expect(checkPolicy(ast, 'customers', forms)).toEqual([
      { code: 'POLICY_UNKNOWN_FIELD', message: 'Unknown field "nope" in customers.', from: 0, to: 0 },
      { code: 'POLICY_TREE', message: 'The maximum depth must be a whole number from 1 to 20', from: 0, to: 0 },
    ]);
  });
});
