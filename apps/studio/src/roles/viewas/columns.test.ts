import type { FormDefinition } from '@kiln/engine-forms';
import { describe, expect, it } from 'vitest';
import { cellText, cellValue, previewColumns } from './columns';

const t = (s: string) => ({ 'zh-CN': `${s}-zh`, en: s });
const orders: FormDefinition = {
  formatVersion: 1,
  key: 'orders',
  title: t('Orders'),
  fields: [
    { id: 'f_no', key: 'order_no', type: 'autonumber', mode: 'sequence', label: t('No') },
    { id: 'f_lines', key: 'lines', type: 'subtable', fields: [], label: t('Lines') },
    { id: 'f_total', key: 'total', type: 'money', label: t('Total') },
    { id: 'f_postage', key: 'postage', type: 'money', label: t('Postage') },
    { id: 'f_status', key: 'status', type: 'select', options: [{ value: 'paid', label: t('Paid') }], label: t('Status') },
  ],
};

describe('previewColumns', () => {
  it('drops sub-tables and the fields the access hides', () => {
    expect(previewColumns(orders, [], ['postage']).map((c) => c.key)).toEqual(['order_no', 'total', 'status']);
  });

  it('drops fields no record carries (the server left them out), adds unknown keys last', () => {
    const items = [{ id: 1, order_no: 'ORD-1', total: 100, status: 'paid', extra: 'x', createdAt: 'now' }];
    expect(previewColumns(orders, items).map((c) => c.key)).toEqual(['order_no', 'total', 'status', 'extra']);
  });
});

describe('cells', () => {
  it('shows option labels, yuan, names of related records and a dash for nothing', () => {
    const [, , total, , status] = orders.fields;
    expect(cellText('paid', status, 'en')).toBe('Paid');
    expect(cellText('paid', status, 'zh-CN')).toBe('Paid-zh');
    expect(cellText(12345, total, 'en')).toBe('¥123.45');
    expect(cellText({ id: 3, display: 'Wang' }, undefined, 'en')).toBe('Wang');
    expect(cellText(null, undefined, 'en')).toBe('—');
    expect(cellValue({ id: 3, display: 'Wang' })).toBe('3');
    expect(cellValue('paid')).toBe('paid');
    expect(cellValue(5)).toBe('5');
  });
});
