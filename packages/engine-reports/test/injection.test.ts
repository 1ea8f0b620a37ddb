import { describe, expect, it } from 'vitest';
import { compileRecords, compileReport, ReportError, type Catalog, type ReportDefinition } from '../src/index.js';
import { catalogs, NOW } from './fixtures.js';

const catalog = catalogs.referral!;
const base: ReportDefinition = {
  key: 'probe', name: 'probe', dataset: { form: 'orders' },
  dimensions: [{ id: 'status', field: 'status' }], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'bar' },
};
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReportError) return `${e.code} ${e.path ?? ''}`;
    throw e;
  }
  return undefined;
};
const compile = (def: ReportDefinition, params?: Record<string, unknown>) => compileReport(def, catalog, { now: NOW, ...(params ? { params } : {}) });
const EVIL = [`status; drop table x`, `"f_x"`, `f_f_status`, `status--`, `status/**/`, `1=1`, `customer."id"`, `$x; select 1`, `customer.referrer.referrer.referrer.name`];

describe('identifiers never come from the definition', () => {
  for (const field of EVIL) {
    it(`dimension field ${JSON.stringify(field)} is refused`, () => {
      expect(codeOf(() => compile({ ...base, dimensions: [{ id: 'd', field }] }))).toMatch(/^REPORT_FIELD_(UNKNOWN|UNSUPPORTED) \/dimensions\/0\/field$/);
    });
    it(`filter field ${JSON.stringify(field)} is refused`, () => {
      expect(codeOf(() => compile({ ...base, dataset: { form: 'orders', filters: [{ field, op: 'eq', value: 'x' }] } }))).toMatch(/^REPORT_FIELD_(UNKNOWN|UNSUPPORTED) \/dataset\/filters\/0\/field$/);
    });
    it(`measure field ${JSON.stringify(field)} is refused`, () => {
      expect(codeOf(() => compile({ ...base, measures: [{ id: 'm', agg: 'count', field }] }))).toMatch(/^REPORT_FIELD_(UNKNOWN|UNSUPPORTED) \/measures\/0\/field$/);
    });
  }
  it('unknown sort ids are refused, never interpolated', () => {
    expect(codeOf(() => compile({ ...base, sort: [{ by: 'status; drop table x' }] }))).toBe('REPORT_SORT_INVALID /sort/0/by');
    expect(codeOf(() => compile({ ...base, sort: [{ by: 'created_at' }] }))).toBe('REPORT_SORT_INVALID /sort/0/by');
  });
  it('ids that would be aliases must be plain', () => {
    expect(codeOf(() => compile({ ...base, dimensions: [{ id: 'a"b', field: 'status' }] }))).toBe('REPORT_DEFINITION_INVALID /dimensions/0/id');
    expect(codeOf(() => compile({ ...base, measures: [{ id: 'n; drop', agg: 'count' }] }))).toBe('REPORT_DEFINITION_INVALID /measures/0/id');
  });
  it('a dataset form that is not in the catalog is unknown', () => {
    expect(codeOf(() => compile({ ...base, dataset: { form: 'orders; drop table x' } }))).toBe('REPORT_FORM_UNKNOWN /dataset/form');
    expect(codeOf(() => compile({ ...base, dataset: { form: '__proto__' } }))).toBe('REPORT_FORM_UNKNOWN /dataset/form');
  });
  it('an unsafe name in the catalog itself is caught before SQL', () => {
    const bad: Catalog = { ...catalog, storage: { ...catalog.storage, orders: { ...catalog.storage.orders!, table: 'rec_1_3; drop table x' } } };
    expect(codeOf(() => compileReport(base, bad, { now: NOW }))).toMatch(/^REPORT_STORAGE_INVALID/);
    const badCol: Catalog = { ...catalog, storage: { ...catalog.storage, orders: { ...catalog.storage.orders!, columns: { ...catalog.storage.orders!.columns, f_status: { column: 'F"x', sqlType: 'text' } } } } };
    expect(codeOf(() => compileReport(base, badCol, { now: NOW }))).toMatch(/^REPORT_STORAGE_INVALID/);
  });
  it('sub-table keys and expression member names go through the allow-list too', () => {
    const d: ReportDefinition = { ...base, dataset: { form: 'orders', unnest: 'lines' }, dimensions: [{ id: 'd', field: "lines.sku'||pg_sleep(1)||'" }] };
    expect(codeOf(() => compile(d))).toBe('REPORT_FIELD_UNKNOWN /dimensions/0/field');
    const e: ReportDefinition = { ...base, dataset: { form: 'orders', columns: [{ id: 'x', kind: 'expr', label: 'x', expr: 'record["status; drop"]' }] }, dimensions: [{ id: 'd', field: '$x' }] };
    expect(codeOf(() => compile(e))).toBe('REPORT_FIELD_UNKNOWN /dataset/columns/0/expr');
  });
});

describe('values are always bound', () => {
  const nasty = [`x'); drop table users; --`, `' or 1=1 --`, `\\'; select pg_sleep(10); --`, `$$x$$ union select 1 $$`, `"quoted"`];
  for (const value of nasty) {
    it(`static filter value ${JSON.stringify(value)}`, () => {
      const c = compile({ ...base, dataset: { form: 'orders', filters: [{ field: 'order_no', op: 'eq', value }, { field: 'order_no', op: 'in', value: [value, 'b'] }] } });
      expect(c.main.parameters).toContain(value);
      expect(c.main.sql).not.toContain(value);
    });
    it(`text param ${JSON.stringify(value)}`, () => {
      const c = compile({ ...base, params: [{ key: 'q', label: 'q', type: 'text' }], dataset: { form: 'orders', filters: [{ field: 'order_no', op: 'eq', param: 'q' }] } }, { q: value });
      expect(c.main.parameters).toContain(value);
      expect(c.main.sql).not.toContain(value);
    });
    it(`expression string literal ${JSON.stringify(value)}`, () => {
      const expr = `record.order_no == ${JSON.stringify(value)} ? 1 : 0`;
      const c = compile({ ...base, dataset: { form: 'orders', columns: [{ id: 'hit', kind: 'expr', label: 'hit', expr }] }, measures: [{ id: 'hits', agg: 'sum', field: '$hit' }] });
      expect(c.main.parameters).toContain(value);
      expect(c.main.sql).not.toContain(value);
    });
    it(`drill value ${JSON.stringify(value)} on a text dimension`, () => {
      const d: ReportDefinition = { ...base, dimensions: [{ id: 'no', field: 'order_no' }, { id: 'status', field: 'status' }] };
      const c = compileReport(d, catalog, { now: NOW, drill: [{ dimension: 'no', value }] });
      expect(c.main.parameters).toContain(value);
      expect(c.main.sql).not.toContain(value);
      const r = compileRecords(d, catalog, { now: NOW, drill: [{ dimension: 'no', value }], limit: 10 });
      expect(r.parameters).toContain(value);
      expect(r.sql).not.toContain(value);
    });
  }
  it('contains escapes LIKE wildcards and binds the pattern', () => {
    const c = compile({ ...base, dataset: { form: 'orders', filters: [{ field: 'order_no', op: 'contains', value: '50%_off\\' }] } });
    expect(c.main.parameters).toContain('%50\\%\\_off\\\\%');
  });
  it('the time zone is bound, never interpolated', () => {
    const d: ReportDefinition = { ...base, dimensions: [{ id: 'm', field: 'paid_at', bucket: 'month' }], timeZone: 'America/New_York' };
    const c = compile(d);
    expect(c.main.parameters[0]).toBe('America/New_York');
    expect(c.main.sql).not.toContain('New_York');
    expect(codeOf(() => compile({ ...d, timeZone: "UTC'; drop table x; --" }))).toBe('REPORT_DEFINITION_INVALID /timeZone');
  });
  it('param values are type-checked: a number param with SQL, a relation param with SQL', () => {
    const d: ReportDefinition = {
      ...base,
      params: [{ key: 'min', label: 'min', type: 'number' }, { key: 'cust', label: 'c', type: 'relation' }],
      dataset: { form: 'orders', filters: [{ field: 'total', op: 'gte', param: 'min' }, { field: 'customer', op: 'eq', param: 'cust' }] },
    };
    expect(codeOf(() => compile(d, { min: '1; drop table x' }))).toBe('REPORT_PARAM_INVALID /params/min');
    expect(codeOf(() => compile(d, { cust: '1 or 1=1' }))).toBe('REPORT_PARAM_INVALID /params/cust');
    expect(codeOf(() => compile(d, { cust: -3 }))).toBe('REPORT_PARAM_INVALID /params/cust');
    const ok = compile(d, { min: '100', cust: '7' });
    expect(ok.main.parameters.slice(0, 2)).toEqual([100, 7]);
  });
  it('drill values are type-checked against the dimension', () => {
    const d: ReportDefinition = { ...base, dimensions: [{ id: 'c', field: 'campaign' }, { id: 'm', field: 'paid_at', bucket: 'month' }, { id: 'p', field: 'customer.region', level: 'province' }, { id: 's', field: 'status' }] };
    const drill = (dimension: string, value: unknown) => codeOf(() => compileReport(d, catalog, { now: NOW, drill: [{ dimension, value }] }));
    expect(drill('c', '1 or 1=1')).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('c', '__others__')).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('m', '2024-02-15')).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('m', "2024-02-01' or '1")).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('p', '440300')).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('s', 'shipped')).toBe('REPORT_DRILL_INVALID /drill/0/value');
    expect(drill('ghost', 1)).toBe('REPORT_DRILL_INVALID /drill/0/dimension');
    expect(drill('c', '7')).toBeUndefined();
    expect(drill('p', '440000')).toBeUndefined();
  });
});
