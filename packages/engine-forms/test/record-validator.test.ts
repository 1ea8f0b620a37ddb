import { describe, expect, it } from 'vitest';
import { createRecordValidator, type FormDefinition } from '../src/index.js';
import { fixtureNames, readFixture, type RecordFixture } from './fixtures.js';

for (const file of fixtureNames('records-')) {
  const fx = readFixture<RecordFixture>(file);
  const def = readFixture<FormDefinition>(fx.form);
  const validator = createRecordValidator(def);

  describe(`${file} (${fx.form})`, () => {
    for (const c of fx.cases) {
      it(c.name, () => {
        const data = c.mode === 'create' && !c.replace && isObj(c.data) ? { ...fx.base, ...c.data } : c.data;
        const locale = c.locale ?? 'zh-CN';
        const result = validator.validate(data, { locale, mode: c.mode });
        if (c.errors) {
          expect(result.ok, JSON.stringify(result)).toBe(false);
          if (result.ok) return;
          const got = result.errors.map((e) => ({ path: e.path, code: e.code })).sort(byPath);
          expect(got).toEqual(c.errors.map((e) => ({ path: e.path, code: e.code })).sort(byPath));
          for (const want of c.errors) {
            const e = result.errors.find((x) => x.path === want.path)!;
            expect(typeof e.message).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
            if (want.message !== undefined) expect(e.message).toBe(want.message);
          }
        } else {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          if (!result.ok) return;
          if (c.value) expect(result.value).toMatchObject(c.value);
          for (const k of c.absent ?? []) expect(result.value).not.toHaveProperty(k);
        }
      });
    }
  });
}

describe('createRecordValidator', () => {
  const def = readFixture<FormDefinition>('valid-all-types.json');
  const v = createRecordValidator(def);
  const base = { name: '张三', phone: '13800138000', status: 'paid' };

  it('does not mutate the input and applies defaults only on create', () => {
    const input = { ...base, lines: [{ sku: 'A' }] };
    const snapshot = structuredClone(input);
    const created = v.validate(input, { locale: 'zh-CN', mode: 'create' });
    expect(input).toEqual(snapshot);
    expect(created).toMatchObject({ ok: true, value: { qty: 1, vip: false, lines: [{ sku: 'A', qty: 1 }] } });
    const updated = v.validate({ lines: [{ sku: 'A' }] }, { locale: 'zh-CN', mode: 'update' });
    // A sub-table value is whole rows: cell defaults apply, top-level defaults do not.
    expect(updated).toEqual({ ok: true, value: { lines: [{ sku: 'A', qty: 1 }] } });
  });

  it('caps text fields without maxLength (text 1000, textarea 20000)', () => {
    expect(v.validate({ ...base, note: 'a'.repeat(20000) }, { locale: 'en', mode: 'create' }).ok).toBe(true);
    const r = v.validate({ ...base, note: 'a'.repeat(20001) }, { locale: 'en', mode: 'create' });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['FORM_MAX_LENGTH']);
  });

  it('an explicit null on create is kept (not replaced by the default)', () => {
    const r = v.validate({ ...base, qty: null }, { locale: 'zh-CN', mode: 'create' });
    expect(r).toMatchObject({ ok: true, value: { qty: null } });
  });

  it('allowReadOnly lets trusted writers set autonumber values', () => {
    const trusted = createRecordValidator(def, { allowReadOnly: true });
    expect(trusted.validate({ ...base, order_no: 'ORD-000001' }, { locale: 'en', mode: 'create' })).toMatchObject({ ok: true, value: { order_no: 'ORD-000001' } });
  });

  it('reports one error per path and carries params', () => {
    const r = v.validate({ ...base, qty: 5000, price: 1000001 }, { locale: 'en', mode: 'create' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.find((e) => e.path === '/qty')?.params).toEqual({ limit: 999 });
    expect(new Set(r.errors.map((e) => e.path)).size).toBe(r.errors.length);
  });

  it('every field type is exercised by the record fixtures', () => {
    const fx = readFixture<RecordFixture>('records-all-types.json');
    const types = new Set(def.fields.map((f) => f.type));
    const touched = new Set<string>();
    for (const c of fx.cases) {
      if (!isObj(c.data)) continue;
      for (const k of Object.keys(c.data)) {
        const f = def.fields.find((x) => x.key === k);
        if (f) touched.add(f.type);
      }
    }
    expect([...types].filter((t) => !touched.has(t))).toEqual([]);
  });
});

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function byPath(a: { path: string; code: string }, b: { path: string; code: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : 1;
}

describe('formula values', () => {
  const def = readFixture<FormDefinition>('valid-formula.json');
  const base = { first: '三', amount: 100 };

  it('are dropped even for trusted writers, without touching the input', () => {
    const input = { ...base, total: 999, big: true };
    const snapshot = structuredClone(input);
    for (const v of [createRecordValidator(def), createRecordValidator(def, { allowReadOnly: true })]) {
      for (const mode of ['create', 'update'] as const) {
        const r = v.validate(input, { locale: 'en', mode });
        expect(r).toEqual({ ok: true, value: base });
      }
    }
    expect(input).toEqual(snapshot);
  });

  it('a read-back record (formula values included) validates as an update', () => {
    const read = { ...base, last: '张', total: 1200, fee: 5, ratio: 1, full_name: '三 张', big: false, due_on: null, remind_at: null, lines: [] };
    const r = createRecordValidator(def).validate(read, { locale: 'zh-CN', mode: 'update' });
    expect(r).toEqual({ ok: true, value: { ...base, last: '张', lines: [] } });
  });
});

describe('untrusted input', () => {
  it('ignores inherited properties and rejects __proto__ / constructor keys as unknown', () => {
    const def = readFixture<FormDefinition>('valid-customers.json');
    const v = createRecordValidator(def);
    const data = JSON.parse('{"name":"a","phone":"13800138000","__proto__":{"x":1},"constructor":1}') as unknown;
    const r = v.validate(data, { locale: 'en', mode: 'create' });
    expect(r.ok ? [] : r.errors.map((e) => `${e.path} ${e.code}`).sort()).toEqual(['/__proto__ FORM_UNKNOWN_FIELD', '/constructor FORM_UNKNOWN_FIELD']);
  });
});
