import type { FormDefinition } from '@kiln/engine-forms';
import { describe, expect, it } from 'vitest';
import { liveProblems } from '../model/live-problems';
import { newRole } from '../model/new-role';
import { policyProblems } from './policy-problems';

const t = (s: string) => ({ 'zh-CN': s, en: s });
const forms: Record<string, FormDefinition> = {
  orders: {
    formatVersion: 1,
    key: 'orders',
    title: t('Orders'),
    fields: [{ id: 'f_s', key: 'status', type: 'select', options: [{ value: 'paid', label: t('Paid') }], label: t('Status') }],
  },
};

describe('policyProblems (parsePolicy + checkPolicy)', () => {
  it('has none for a blank policy or a good one', () => {
    expect(policyProblems('  ', 'orders', forms)).toEqual([]);
    expect(policyProblems("status = 'paid'", 'orders', forms)).toEqual([]);
  });

  it('underlines an unknown field where it is written', () => {
    const [p, ...rest] = policyProblems("statuz = 'paid'", 'orders', forms);
    expect(rest).toEqual([]);
    expect(p).toEqual(expect.objectContaining({ code: 'POLICY_UNKNOWN_FIELD', from: 0, to: 6 }));
    expect(p.message).toContain('status');
  });

  it('reports a syntax error with its place', () => {
    const [p] = policyProblems("status = = 'paid'", 'orders', forms);
    expect(p.code).toBe('POLICY_SYNTAX');
    expect(p.from).toBeGreaterThan(0);
  });
});

describe('liveProblems (validateRole)', () => {
  it('puts a grant’s policy problem at its where, with offsets', () => {
    const role = { ...newRole('auditor', t('Auditor')), forms: { orders: { read: true, where: "statuz = 'paid'" } } };
    expect(liveProblems(role, { forms, flows: [], reports: [] })).toEqual([
      expect.objectContaining({ source: 'live', code: 'POLICY_UNKNOWN_FIELD', path: '/forms/orders/where', from: 0, to: 6 }),
    ]);
    expect(liveProblems({ ...role, forms: { orders: { read: true, where: "status = 'paid'" } } }, { forms, flows: [], reports: [] })).toEqual([]);
  });
});
