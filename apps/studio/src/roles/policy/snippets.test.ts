import type { FormDefinition } from '@kiln/engine-forms';
import { describe, expect, it } from 'vitest';
import { policyTokens } from './policy-tokens';
import { chipClause, withClause } from './snippets';
import { treePath } from './tree-fields';

const t = (s: string) => ({ 'zh-CN': s, en: s });
const forms: Record<string, FormDefinition> = {
  customers: {
    formatVersion: 1,
    key: 'customers',
    title: t('Customers'),
    fields: [
      { id: 'f_name', key: 'name', type: 'text', label: t('Name') },
      { id: 'f_ref', key: 'referrer', type: 'relation', target: 'customers', label: t('Referrer') },
      { id: 'f_region', key: 'region', type: 'region', level: 'city', label: t('Region') },
    ],
  },
  orders: {
    formatVersion: 1,
    key: 'orders',
    title: t('Orders'),
    fields: [
      { id: 'f_c', key: 'customer', type: 'relation', target: 'customers', label: t('Customer') },
      { id: 'f_s', key: 'status', type: 'select', options: [], label: t('Status') },
    ],
  },
  products: { formatVersion: 1, key: 'products', title: t('Products'), fields: [{ id: 'f_n', key: 'name', type: 'text', label: t('Name') }] },
};

describe('tree paths and chips', () => {
  it('finds the tree of a form: by its own self-relation, else through a relation', () => {
    expect(treePath('customers', forms)).toEqual({ field: 'id', parent: 'referrer' });
    expect(treePath('orders', forms)).toEqual({ field: 'customer', parent: 'referrer' });
    expect(treePath('products', forms)).toBeNull();
  });

  it('builds the chips’ clauses, or null when the form cannot express them', () => {
    expect(chipClause('own', 'products', forms)).toBe('createdBy = $user');
    expect(chipClause('downline', 'customers', forms)).toBe('id in descendants(referrer, $user.record)');
    expect(chipClause('downline', 'orders', forms)).toBe('customer in descendants(referrer, $user.record)');
    expect(chipClause('downline', 'products', forms)).toBeNull();
    expect(chipClause('region', 'customers', forms)).toBe('region = $user.region');
    expect(chipClause('region', 'orders', forms)).toBeNull();
  });

  it('adds a clause as an alternative, once', () => {
    expect(withClause('', 'createdBy = $user')).toBe('createdBy = $user');
    expect(withClause("status = 'paid' ", 'createdBy = $user')).toBe("status = 'paid' or createdBy = $user");
    expect(withClause('createdBy = $user', 'createdBy = $user')).toBe('createdBy = $user');
  });
});

describe('policyTokens', () => {
  it('colours fields, operators, strings, $user references, keywords and tree helpers', () => {
    const text = "status = 'paid' and id in descendants(referrer, $user.record)";
    const toks = policyTokens(text).map((k) => [text.slice(k.from, k.to), k.cls]);
    expect(toks).toEqual([
      ['status', 'tok-prop'],
      ['=', 'tok-op'],
      ["'paid'", 'tok-string'],
      ['and', 'tok-keyword'],
      ['id', 'tok-prop'],
      ['in', 'tok-keyword'],
      ['descendants', 'tok-helper'],
      ['(', 'tok-op'],
      ['referrer', 'tok-prop'],
      [',', 'tok-op'],
      ['$user.record', 'tok-fact'],
      [')', 'tok-op'],
    ]);
  });
});
