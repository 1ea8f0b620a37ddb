import { describe, expect, it } from 'vitest';
import { matrixToForms, roleToMatrix, setAction, setAllActions, setFieldAccess, setFlowStart, setReport, setReportsMode, setSetRows, setWhere } from './grant-ops';
import { newRole } from './new-role';
import type { RoleDefinition } from './types';

const base = newRole('auditor', { 'zh-CN': '审计', en: 'Auditor' });

describe('grant ops', () => {
  it('turns actions on and off, dropping a grant that says nothing', () => {
    const a = setAction(base, 'orders', 'read', true);
    expect(a.forms).toEqual({ orders: { read: true } });
    const b = setAction(a, 'orders', 'read', false);
    expect(b.forms).toEqual({});
    expect(base.forms).toEqual({});
  });

  it('keeps policies when every action is turned off', () => {
    const r = setWhere(setAllActions(base, 'orders', true), 'orders', "status = 'paid'");
    expect(r.forms.orders).toEqual({ read: true, create: true, update: true, delete: true, export: true, where: "status = 'paid'" });
    expect(setAllActions(r, 'orders', false).forms.orders).toEqual({ where: "status = 'paid'" });
  });

  it('removes a blank row policy and visible field policies', () => {
    let r = setAction(base, 'orders', 'read', true);
    r = setWhere(r, 'orders', "status = 'paid'");
    r = setFieldAccess(r, 'orders', 'postage', 'hidden');
    r = setFieldAccess(r, 'orders', 'total', 'readonly');
    expect(r.forms.orders).toEqual({ read: true, where: "status = 'paid'", fields: { postage: 'hidden', total: 'readonly' } });
    r = setWhere(r, 'orders', '   ');
    r = setFieldAccess(r, 'orders', 'postage', 'visible');
    r = setFieldAccess(r, 'orders', 'total', 'visible');
    expect(r.forms.orders).toEqual({ read: true });
  });

  it('edits set values as rows', () => {
    const r = setSetRows(setAction(base, 'withdrawals', 'create', true), 'withdrawals', [{ field: 'promoter', value: '$user.record' }, { field: '', value: 'x' }]);
    expect(r.forms.withdrawals).toEqual({ create: true, set: { promoter: '$user.record' } });
    expect(setSetRows(r, 'withdrawals', []).forms.withdrawals).toEqual({ create: true });
  });

  it('flows: start on / off, no flows left removes the key', () => {
    const r = setFlowStart(base, 'review', true);
    expect(r.flows).toEqual({ review: { start: true } });
    expect('flows' in setFlowStart(r, 'review', false)).toBe(false);
  });

  it('reports: all, or a chosen list in the app order', () => {
    const all = setReportsMode(base, 'all');
    expect(all.reports).toBe('*');
    const chosen = setReportsMode(all, 'chosen');
    expect('reports' in chosen).toBe(false);
    const two = setReport(setReport(chosen, 'b', true, ['a', 'b', 'c']), 'a', true, ['a', 'b', 'c']);
    expect(two.reports).toEqual(['a', 'b']);
    expect('reports' in setReport(setReport(two, 'a', false), 'b', false)).toBe(false);
  });
});

describe('matrix ↔ role definition', () => {
  const role: RoleDefinition = {
    ...base,
    forms: {
      orders: { read: true, export: true, where: "status = 'paid'", fields: { postage: 'hidden', total: 'readonly' } },
      withdrawals: { create: true, set: { promoter: '$user.record' } },
      gone: { read: true },
    },
  };

  it('lists the app forms in order, then grants of forms the app no longer has', () => {
    const rows = roleToMatrix(role, ['customers', 'orders', 'withdrawals']);
    expect(rows.map((r) => r.form)).toEqual(['customers', 'orders', 'withdrawals', 'gone']);
    expect(rows[0]).toEqual({ form: 'customers', actions: { read: false, create: false, update: false, delete: false, export: false }, where: '', hidden: [], readonly: [], set: [] });
    expect(rows[1]).toEqual({
      form: 'orders',
      actions: { read: true, create: false, update: false, delete: false, export: true },
      where: "status = 'paid'",
      hidden: ['postage'],
      readonly: ['total'],
      set: [],
    });
    expect(rows[2].set).toEqual(['promoter']);
  });

  it('round-trips: matrixToForms(roleToMatrix(role)) is the role’s forms', () => {
    const rows = roleToMatrix(role, ['customers', 'orders', 'withdrawals']);
    expect(matrixToForms(rows, role.forms)).toEqual(role.forms);
  });

  it('a matrix edit becomes a minimal grant', () => {
    const rows = roleToMatrix(base, ['orders']);
    rows[0] = { ...rows[0], actions: { ...rows[0].actions, read: true }, where: '  ', hidden: ['postage'] };
    expect(matrixToForms(rows)).toEqual({ orders: { read: true, fields: { postage: 'hidden' } } });
  });
});
