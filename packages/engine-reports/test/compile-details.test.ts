import { describe, expect, it } from 'vitest';
import { compileRecords, compileReport, ReportError, type ReportDefinition } from '../src/index.js';
import { catalogs, NOW, ownRows, readReport, type ReportFixture } from './fixtures.js';

const catalog = catalogs.referral!;
const fx = (name: string) => readReport<ReportFixture>(`valid-${name}.json`).definition;

describe('drill', () => {
  const def = fx('drill-channel-campaign');
  it('shows the first path dimension and tells what a click does', () => {
    const c = compileReport(def, catalog, { now: NOW });
    expect(c.dimensions.map((d) => d.id)).toEqual(['channel', 'month']);
    expect(c.drill).toEqual({ dimension: 'channel', next: 'campaign', records: false });
  });
  it('after pinning the channel: campaign replaces it, the next click opens records', () => {
    const c = compileReport(def, catalog, { now: NOW, drill: [{ dimension: 'channel', value: 'douyin' }] });
    expect(c.dimensions.map((d) => d.id)).toEqual(['campaign', 'month']);
    expect(c.drill).toEqual({ dimension: 'campaign', records: true });
  });
  it('after pinning both: only the series dimension is left', () => {
    const c = compileReport(def, catalog, { now: NOW, drill: [{ dimension: 'channel', value: 'douyin' }, { dimension: 'campaign', value: 3 }] });
    expect(c.dimensions.map((d) => d.id)).toEqual(['month']);
    expect(c.main.parameters).toEqual(['Asia/Shanghai', 'douyin', 3, 1001]);
  });
  it('records behind a click: ids of the dataset form, newest first, keyset page', () => {
    const q = compileRecords(def, catalog, { now: NOW, drill: [{ dimension: 'channel', value: 'douyin' }, { dimension: 'month', value: '2024-05-01' }], limit: 50, beforeId: 900 });
    expect(q.sql).toBe('select t.id\nfrom "rec_1_1" as t\nwhere t."f_f_channel" = $1 and t."f_f_bound_at" >= $2 and t."f_f_bound_at" < $3 and t.id < $4\norder by t.id desc\nlimit $5');
    expect(q.parameters).toEqual(['douyin', '2024-04-30T16:00:00.000Z', '2024-05-31T16:00:00.000Z', 900, 50]);
  });
  it('records of an unnested dataset: line conditions go into EXISTS, each record once', () => {
    const q = compileRecords(fx('lines-by-sku'), catalog, { now: NOW, drill: [{ dimension: 'sku', value: 'SKU-1' }], limit: 20, rowFilter: ownRows });
    expect(q.sql).toMatchInlineSnapshot(`
      "select t.id
      from "rec_1_3" as t
      where t."f_f_status" in ($1, $2) and "t"."created_by" = $3 and exists (select 1 from jsonb_array_elements(t."f_f_lines") as l(v) where ((l.v->>'activity') is null or (l.v->>'activity') <> $4) and (l.v->>'sku') = $5)
      order by t.id desc
      limit $6"
    `);
  });
  it('records page size is bounded', () => {
    expect(() => compileRecords(def, catalog, { now: NOW, limit: 5000 })).toThrow(ReportError);
  });
  it('region and date pins are sargable ranges on the raw column', () => {
    const d: ReportDefinition = { key: 'x', name: 'x', dataset: { form: 'customers' }, dimensions: [{ id: 'p', field: 'region', level: 'province' }, { id: 'd', field: 'bound_at', bucket: 'quarter' }], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'table' } };
    const q = compileRecords(d, catalog, { now: NOW, drill: [{ dimension: 'p', value: '440000' }, { dimension: 'd', value: '2024-04-01' }], limit: 10 });
    expect(q.sql).toContain('t."f_f_region" >= $1 and t."f_f_region" < $2 and t."f_f_bound_at" >= $3 and t."f_f_bound_at" < $4');
    expect(q.parameters).toEqual(['440000', '450000', '2024-03-31T16:00:00.000Z', '2024-06-30T16:00:00.000Z', 10]);
  });
});

describe('when switches', () => {
  const def = fx('campaign-roi');
  it('default choice shows the net ROI', () => {
    const c = compileReport(def, catalog, { now: NOW });
    expect(c.measures.map((m) => m.id)).toEqual(['cost', 'gmv', 'roi']);
    expect(c.main.sql).toContain('(g1."gmv" - g1."cost")::numeric / nullif(g1."cost", 0) as "roi"');
  });
  it('gross shows the other ratio', () => {
    const c = compileReport(def, catalog, { now: NOW, params: { roi_mode: 'gross' } });
    expect(c.measures.map((m) => m.id)).toEqual(['cost', 'gmv', 'roi_gross']);
    expect(c.main.sql).toContain('g1."gmv"::numeric / nullif(g1."cost", 0) as "roi_gross"');
    expect(c.main.sql).not.toContain('"roi"');
  });
});

describe('row filter reaches every table', () => {
  it('base, relation joins (in ON), rollup subqueries and label joins', () => {
    const def: ReportDefinition = {
      ...fx('campaign-roi'),
      dimensions: [{ id: 'camp', field: 'id' }, { id: 'region', field: 'name' }],
      dataset: { ...fx('campaign-roi').dataset, filters: [{ field: 'channel', op: 'notnull' }] },
    };
    const c = compileReport(def, catalog, { now: NOW, rowFilter: ownRows, params: { range: 'all' } });
    expect(c.main.sql).toContain('where r1."f_f_status" in ($1, $2) and "r1"."created_by" = $3');
    // the rollup is restricted to the dataset's rows, under the row filter too
    expect(c.main.sql).toContain('r1."f_f_campaign" in (select rk.id\nfrom "rec_1_2" as rk\nwhere rk."f_f_channel" is not null and "rk"."created_by" = $4)');
    expect(c.main.sql).toContain('where t."f_f_channel" is not null and "t"."created_by" = $5');
    const rel = compileReport({ ...fx('gmv-by-campaign-top'), topN: undefined, dataset: { form: 'orders', filters: [{ field: 'customer.name', op: 'eq', value: 'x' }] } }, catalog, { now: NOW, rowFilter: ownRows });
    expect(rel.main.sql).toContain('left join "rec_1_1" as j1 on j1.id = t."f_f_customer" and "j1"."created_by" = $');
    expect(rel.main.sql).toContain('left join "rec_1_2" as lb1 on lb1.id = g."campaign" and "lb1"."created_by" = $');
  });
  it('undefined means no restriction', () => {
    const c = compileReport(fx('orders-by-status'), catalog, { now: NOW, rowFilter: () => undefined });
    expect(c.main.sql).not.toContain('created_by');
  });
});

describe('field filter (fields the viewer\'s roles hide)', () => {
  const hides = (...hidden: string[]) => (form: string, field: string) => !hidden.includes(`${form}.${field}`);
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof ReportError ? `${e.code} ${JSON.stringify(e.details)}` : String(e);
    }
    return undefined;
  };
  it('a hidden dimension, measure field, filter, hop or join key refuses the report with REPORT_FIELD_HIDDEN', () => {
    expect(code(() => compileReport(fx('orders-by-status'), catalog, { now: NOW, fieldFilter: hides('orders.status') }))).toMatch(/^REPORT_FIELD_HIDDEN .*"form":"orders","field":"status"/);
    const sumOfHidden: ReportDefinition = { key: 'x', name: 'x', dataset: { form: 'orders' }, dimensions: [], measures: [{ id: 's', agg: 'sum', field: 'postage' }], visual: { type: 'kpi' } };
    expect(code(() => compileReport(sumOfHidden, catalog, { now: NOW, fieldFilter: hides('orders.postage') }))).toMatch(/^REPORT_FIELD_HIDDEN/);
    const filtered: ReportDefinition = { ...fx('orders-by-status'), dataset: { form: 'orders', filters: [{ field: 'customer.phone', op: 'eq', value: '13800000000' }] } };
    expect(code(() => compileReport(filtered, catalog, { now: NOW, fieldFilter: hides('customers.phone') }))).toMatch(/^REPORT_FIELD_HIDDEN .*"path":"customer.phone"/);
    // the hop itself: orders.customer hidden refuses customer.name
    const hop: ReportDefinition = { key: 'x', name: 'x', dataset: { form: 'orders' }, dimensions: [{ id: 'n', field: 'customer.name' }], measures: [{ id: 'c', agg: 'count' }], visual: { type: 'bar' } };
    expect(code(() => compileReport(hop, catalog, { now: NOW, fieldFilter: hides('orders.customer') }))).toMatch(/^REPORT_FIELD_HIDDEN/);
    // records behind a chart: a filter on a hidden field is refused there too
    expect(code(() => compileRecords(filtered, catalog, { now: NOW, limit: 10, fieldFilter: hides('customers.phone') }))).toMatch(/^REPORT_FIELD_HIDDEN/);
    // a sub-table hidden: its line fields are too
    expect(code(() => compileReport(fx('lines-by-sku'), catalog, { now: NOW, fieldFilter: hides('orders.lines') }))).toMatch(/^REPORT_FIELD_HIDDEN/);
  });
  it('rollups (their via and field) and trees (their parent) are checked on the other form', () => {
    expect(code(() => compileReport(fx('campaign-roi'), catalog, { now: NOW, params: { range: 'all' }, fieldFilter: hides('orders.total') }))).toMatch(/^REPORT_FIELD_HIDDEN .*"field":"total"/);
    expect(code(() => compileReport(fx('campaign-roi'), catalog, { now: NOW, params: { range: 'all' }, fieldFilter: hides('orders.campaign') }))).toMatch(/^REPORT_FIELD_HIDDEN .*"field":"campaign"/);
    expect(code(() => compileReport(fx('referral-tree'), catalog, { now: NOW, params: { promoter: 7 }, fieldFilter: hides('customers.referrer') }))).toMatch(/^REPORT_FIELD_HIDDEN .*"field":"referrer"/);
  });
  it('fields the report does not read may be hidden; a hidden display field falls back to a visible one for labels', () => {
    const byCustomer: ReportDefinition = { key: 'x', name: 'x', dataset: { form: 'orders' }, dimensions: [{ id: 'c', field: 'customer' }], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'bar' } };
    const open = compileReport(byCustomer, catalog, { now: NOW });
    expect(open.main.sql).toContain('lb1."f_f_name" as "c__label"');
    const c = compileReport(byCustomer, catalog, { now: NOW, fieldFilter: hides('customers.name', 'customers.phone', 'orders.postage') });
    expect(c.main.sql).not.toContain('f_f_name');
    expect(c.main.sql).toContain('lb1."f_f_code" as "c__label"'); // referral_code, the next text-like field
    const none = compileReport(byCustomer, catalog, { now: NOW, fieldFilter: hides('customers.name', 'customers.referral_code', 'customers.binding_note', 'customers.channel') });
    expect(none.main.sql).not.toContain('c__label');
    expect(code(() => compileReport(fx('orders-by-status'), catalog, { now: NOW, fieldFilter: hides('orders.postage', 'customers.phone') }))).toBeUndefined();
  });
});

describe('dimensions and measures', () => {
  it('a date field buckets without a time zone; a datetime in the report zone', () => {
    const d: ReportDefinition = { key: 'x', name: 'x', dataset: { form: 'orders' }, dimensions: [{ id: 'd', field: 'paid_at' }], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'line' } };
    const c = compileReport(d, catalog, { now: NOW });
    expect(c.main.sql).toContain(`date_trunc('day', t."f_f_paid_at" at time zone $1) as "d"`);
    expect(c.dimensions[0]).toMatchObject({ bucket: 'day' });
  });
  it('relation dimensions two hops away join per hop path once and label via the display field', () => {
    const d: ReportDefinition = {
      key: 'x', name: 'x', dataset: { form: 'orders', filters: [{ field: 'customer.name', op: 'ne', value: 'test' }] },
      dimensions: [{ id: 'ref', field: 'customer.referrer' }], measures: [{ id: 'n', agg: 'count' }, { id: 'reg', agg: 'count_distinct', field: 'customer.referrer.region' }], visual: { type: 'bar' },
    };
    const c = compileReport(d, catalog, { now: NOW });
    expect(c.main.sql.match(/left join "rec_1_1" as j1/g)).toHaveLength(1);
    expect(c.main.sql).toContain('left join "rec_1_1" as j2 on j2.id = j1."f_f_referrer"');
    expect(c.main.sql).toContain('lb1."f_f_name" as "ref__label"');
  });
  it('expressions compile to a safe SQL subset', () => {
    const d: ReportDefinition = {
      key: 'x', name: 'x',
      dataset: { form: 'orders', columns: [
        { id: 'net', kind: 'expr', label: 'net', expr: '(record.total ?? 0) - record.postage', format: 'money' },
        { id: 'big', kind: 'expr', label: 'big', expr: "record.total >= 10000 && !(record.status === 'cancelled') || record.paid_at === null" },
        { id: 'r', kind: 'expr', label: 'r', expr: 'num.round(record.total / 100, 1) + num.max(1, 2) % 2 + str.len(record.order_no)' },
      ] },
      dimensions: [{ id: 'big', field: '$big' }], measures: [{ id: 'net', agg: 'sum', field: '$net' }, { id: 'r', agg: 'avg', field: '$r' }], visual: { type: 'table' },
    };
    const c = compileReport(d, catalog, { now: NOW });
    expect(c.main.sql).toContain(`((coalesce(t."f_f_total", 0) - t."f_f_postage"))`);
    expect(c.main.sql).toContain(`(((t."f_f_total" >= 10000) and (not (t."f_f_status" = $1::text))) or (t."f_f_paid_at" is null)) as "big"`);
    expect(c.main.sql).toContain(`round((((t."f_f_total")::numeric / nullif(100, 0)))::numeric, (1)::int) + mod(greatest(1, 2), nullif(2, 0))`);
    expect(c.measures.find((m) => m.id === 'net')).toMatchObject({ format: 'money' });
    const bad = (expr: string) => {
      try {
        compileReport({ ...d, dataset: { form: 'orders', columns: [{ id: 'x', kind: 'expr', label: 'x', expr }] }, dimensions: [{ id: 'x', field: '$x' }], measures: [{ id: 'n', agg: 'count' }] }, catalog, { now: NOW });
      } catch (e) {
        return (e as ReportError).code;
      }
      return 'ok';
    };
    expect(bad('record.lines.map(l => l.qty)')).toBe('REPORT_EXPR_UNSUPPORTED');
    expect(bad('process.exit()')).toBe('REPORT_EXPR_UNSUPPORTED');
    expect(bad('`${record.total}`')).toBe('REPORT_EXPR_UNSUPPORTED');
    expect(bad('x = 1')).toBe('REPORT_EXPR_UNSUPPORTED');
    expect(bad('return 1;')).toBe('REPORT_EXPR_UNSUPPORTED');
    expect(bad('record.total > ')).toBe('REPORT_EXPR_INVALID');
    expect(bad("record.total > 'a'")).toBe('REPORT_EXPR_INVALID');
    expect(bad('record.nope + 1')).toBe('REPORT_FIELD_UNKNOWN');
  });
  it('the default order is the first time dimension ascending, else the first measure descending', () => {
    expect(compileReport(fx('gmv-by-month'), catalog, { now: NOW }).main.sql).toContain('order by g."month" asc nulls last\nlimit');
    expect(compileReport(fx('orders-by-status'), catalog, { now: NOW }).main.sql).toContain('order by g."orders" desc nulls last, g."status" asc nulls last');
  });
  it('a kpi has no order and no limit; compare gives the previous period', () => {
    const c = compileReport(fx('aov-kpi'), catalog, { now: NOW, params: { range: '2024-05-01..2024-05-10' } });
    expect(c.main.sql).not.toContain('limit');
    expect(c.previous!.parameters).toEqual(['paid', 'received', '2024-04-20T16:00:00.000Z', '2024-04-30T16:00:00.000Z']);
    expect(compileReport(fx('aov-kpi'), catalog, { now: NOW, params: { range: 'all' } }).previous).toBeUndefined();
  });
  it('a tree needs its root', () => {
    expect(() => compileReport(fx('referral-tree'), catalog, { now: NOW })).toThrow(expect.objectContaining({ code: 'REPORT_PARAM_INVALID', path: '/params/promoter' }));
  });
  it('compile errors speak the requested locale', () => {
    const d: ReportDefinition = { ...fx('orders-by-status'), dimensions: [{ id: 'x', field: 'nope' }] };
    expect(() => compileReport(d, catalog, { now: NOW, locale: 'en' })).toThrow('Unknown field path "nope"');
    expect(() => compileReport(d, catalog, { now: NOW })).toThrow('字段路径 "nope" 无法解析');
  });
});
