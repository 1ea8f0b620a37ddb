import { describe, expect, it } from 'vitest';
import { diffRows, diffText } from './diff';
import { normalizeAuditItem } from './normalize';
import { auditQuery, dayStart } from './query';
import { NO_FILTERS } from './types';

describe('auditQuery', () => {
  it('sends only the filters set, then the cursor and the page size', () => {
    expect(auditQuery(NO_FILTERS, null, 50)).toBe('limit=50');
    const q = new URLSearchParams(auditQuery({ ...NO_FILTERS, app: 'referral', actor: 7, action: 'record.update', form: ' orders ', record: '12', q: 'paid' }, 'c2', 20));
    expect(Object.fromEntries(q)).toEqual({ app: 'referral', actor: '7', action: 'record.update', form: 'orders', record: '12', q: 'paid', cursor: 'c2', limit: '20' });
  });

  it('from is the start of its day, to includes its whole day', () => {
    const q = new URLSearchParams(auditQuery({ ...NO_FILTERS, from: '2030-03-01', to: '2030-03-31' }, null, 50));
    expect(q.get('from')).toBe(dayStart('2030-03-01'));
    expect(q.get('to')).toBe(dayStart('2030-04-01'));
    const from = new Date(q.get('from')!);
    expect([from.getDate(), from.getHours()]).toEqual([1, 0]);
    expect(dayStart('nope')).toBeUndefined();
  });
});

describe('diffRows', () => {
  it('uses the server’s changes when it lists them', () => {
    expect(diffRows({ before: null, after: null, changes: [{ field: 'status', before: 'pending', after: 'paid' }] })).toEqual([{ field: 'status', before: 'pending', after: 'paid' }]);
  });

  it('compares objects key by key, after’s keys first, unchanged keys left out', () => {
    expect(diffRows({ before: { status: 'pending', total: 5, gone: 1 }, after: { status: 'paid', total: 5, note: 'x' } })).toEqual([
      { field: 'status', before: 'pending', after: 'paid' },
      { field: 'note', before: null, after: 'x' },
      { field: 'gone', before: 1, after: null },
    ]);
  });

  it('lists every value of a create and of a delete', () => {
    expect(diffRows({ before: null, after: { a: 1 } })).toEqual([{ field: 'a', before: null, after: 1 }]);
    expect(diffRows({ before: { a: 1 }, after: null })).toEqual([{ field: 'a', before: 1, after: null }]);
    expect(diffRows({ before: null, after: null })).toEqual([]);
  });

  it('shows other values as one row', () => {
    expect(diffRows({ before: [1], after: [1, 2] })).toEqual([{ field: '', before: [1], after: [1, 2] }]);
    expect(diffText({ a: 1 })).toBe('{"a":1}');
    expect(diffText(null)).toBe('');
  });
});

describe('normalizeAuditItem', () => {
  it('reads nested and flat spellings', () => {
    expect(normalizeAuditItem({ id: 5, at: '2030-01-01T00:00:00Z', action: 'record.update', actor: { kind: 'user', id: 2, name: 'Ann' }, ip: '127.0.0.1', app: 'shop', form: 'orders', record: 9, before: { a: 1 }, after: { a: 2 } })).toEqual({
      id: '5',
      at: '2030-01-01T00:00:00Z',
      action: 'record.update',
      actor: { kind: 'user', id: 2, name: 'Ann' },
      ip: '127.0.0.1',
      app: 'shop',
      form: 'orders',
      record: '9',
      target: null,
      before: { a: 1 },
      after: { a: 2 },
    });
    const flat = normalizeAuditItem({ id: 6, action: 'login.failed', actorKind: 'public', appKey: null, formKey: 'x', recordId: '3', target: 'user:4' });
    expect(flat.actor).toEqual({ kind: 'public', id: null, name: null });
    expect([flat.form, flat.record, flat.target]).toEqual(['x', '3', 'user:4']);
  });
});
