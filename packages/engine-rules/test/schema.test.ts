import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kiln/engine-forms';
import { schemaFromForms, SYSTEM_FIELDS, valueTypeOf } from '../src/index.js';

const forms = JSON.parse(readFileSync(new URL('../test-data/forms.json', import.meta.url), 'utf8')) as Record<string, FormDefinition>;

describe('schemaFromForms', () => {
  const schema = schemaFromForms(forms);

  it('lists every form with its fields by key', () => {
    expect(Object.keys(schema.forms).sort()).toEqual(['commission_ledger', 'customers', 'orders', 'tasks']);
    expect(Object.keys(schema.forms.orders!.fields)).toEqual(['order_no', 'customer', 'lines', 'total', 'discount', 'status', 'level', 'paid_at', 'fee']);
  });

  it('gives each field its type, value type and what rules need to know', () => {
    const f = schema.forms.orders!.fields;
    expect(f.total).toEqual({ type: 'money', valueType: 'money' });
    expect(f.customer).toEqual({ type: 'relation', valueType: 'number', target: 'customers' });
    expect(f.status).toEqual({ type: 'select', valueType: 'string', options: ['pending', 'paid', 'cancelled'] });
    expect(f.paid_at).toEqual({ type: 'datetime', valueType: 'date' });
    expect(f.order_no).toEqual({ type: 'autonumber', valueType: 'string' });
    expect(f.fee).toEqual({ type: 'formula', valueType: 'money' });
    expect(f.lines).toEqual({
      type: 'subtable',
      valueType: 'list',
      fields: {
        sku: { type: 'text', valueType: 'string' },
        qty: { type: 'number', valueType: 'number' },
        unit_price: { type: 'money', valueType: 'money' },
        activity: { type: 'select', valueType: 'string', options: ['none', 'flash_sale'] },
      },
    });
    expect(schema.forms.commission_ledger!.fields.entry_key).toEqual({ type: 'text', valueType: 'string', unique: true });
    expect(schema.forms.tasks!.fields.owner).toEqual({ type: 'user', valueType: 'number' });
  });

  it('value types of the other field types', () => {
    expect(valueTypeOf({ type: 'relation', many: true })).toBe('list');
    expect(valueTypeOf({ type: 'multiselect' })).toBe('list');
    expect(valueTypeOf({ type: 'boolean' })).toBe('boolean');
    expect(valueTypeOf({ type: 'formula', resultType: 'text' })).toBe('string');
    expect(valueTypeOf({ type: 'formula', resultType: 'nope' })).toBe('any');
    for (const t of ['textarea', 'phone', 'email', 'region', 'linkparam'] as const) expect(valueTypeOf({ type: t })).toBe('string');
  });

  it('records also have id, createdAt, updatedAt (and formVersion)', () => {
    expect(SYSTEM_FIELDS).toEqual({ id: 'number', createdAt: 'date', updatedAt: 'date', formVersion: 'number' });
  });

  it('tolerates drafts and is frozen', () => {
    const s = schemaFromForms({ a: { formatVersion: 1, key: 'a', title: { 'zh-CN': 'a', en: 'a' } } as unknown as FormDefinition, b: null as unknown as FormDefinition, c: { fields: [null, { key: 'x' }, { key: 'y', type: 'text' }] } as unknown as FormDefinition });
    expect(s.forms).toEqual({ a: { fields: {} }, c: { fields: { y: { type: 'text', valueType: 'string' } } } });
    expect(Object.isFrozen(s.forms)).toBe(true);
    expect(Object.isFrozen(schema.forms.orders!.fields.lines)).toBe(true);
  });
});
