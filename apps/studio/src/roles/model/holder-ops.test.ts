import { describe, expect, it } from 'vitest';
import { setHolderGroups, setHolderRole, setPortal, setSelf } from './holder-ops';
import { newRole } from './new-role';
import { normalizeRole } from './normalize';

const base = newRole('promoter', { 'zh-CN': '推广员', en: 'Promoter' });

describe('holders', () => {
  it('keeps global roles in their canonical order and drops an empty assign', () => {
    const r = setHolderRole(setHolderRole(base, 'promoter', true), 'operator', true);
    expect(r.assign).toEqual({ roles: ['operator', 'promoter'] });
    const g = setHolderGroups(r, ['finance', 'finance', 'ops']);
    expect(g.assign).toEqual({ roles: ['operator', 'promoter'], groups: ['finance', 'ops'] });
    const none = setHolderGroups(setHolderRole(setHolderRole(g, 'operator', false), 'promoter', false), []);
    expect('assign' in none).toBe(false);
  });

  it('sets and removes self and portal', () => {
    const r = setPortal(setSelf(base, { form: 'customers', field: 'phone', userAttr: 'phone' }), 'promoter');
    expect(r.self).toEqual({ form: 'customers', field: 'phone', userAttr: 'phone' });
    expect(r.portal).toBe('promoter');
    const back = setPortal(setSelf(r, null), undefined);
    expect(back).toEqual(base);
  });
});

describe('normalizeRole', () => {
  it('gives a loaded draft the route key, both names and forms', () => {
    expect(normalizeRole({ name: { en: 'X' }, forms: null, portal: 'promoter' }, 'x')).toEqual({
      formatVersion: 1,
      key: 'x',
      name: { 'zh-CN': '', en: 'X' },
      forms: {},
      portal: 'promoter',
    });
    expect(normalizeRole(null, 'y')).toEqual({ formatVersion: 1, key: 'y', name: { 'zh-CN': '', en: '' }, forms: {} });
  });
});
