import { describe, expect, it } from 'vitest';
import {
  compileFieldSchema,
  compileFieldUiSchema,
  compileForm,
  formulaValueField,
  JSON_SCHEMA_2020_12,
  type FormDefinition,
  type FormulaField,
  type JsonSchema,
} from '../src/index.js';
import { readFixture, validDefinitions } from './fixtures.js';

const def = readFixture<FormDefinition>('valid-all-types.json');
const zh = compileForm(def);
const en = compileForm(def, { locale: 'en' });
const p = (key: string, c = zh): JsonSchema => c.schema.properties![key];

describe('compileForm schema', () => {
  it('is a closed 2020-12 object schema keyed by field key', () => {
    expect(zh.schema.$schema).toBe(JSON_SCHEMA_2020_12);
    expect(zh.schema.type).toBe('object');
    expect(zh.schema.additionalProperties).toBe(false);
    expect(Object.keys(zh.schema.properties!)).toEqual(def.fields.map((f) => f.key));
    expect(zh.schema.required).toEqual(['name', 'status', 'phone']);
  });

  it('localizes titles and descriptions, zh-CN by default, en falling back to zh-CN when empty', () => {
    expect(zh.schema.title).toBe('全部字段');
    expect(en.schema.title).toBe('All field types');
    expect(en.schema.description).toBe('One field of every type');
    expect(p('phone').title).toBe('手机号');
    expect(p('phone', en).title).toBe('Phone');
    expect(p('cn_name', en).title).toBe('中文名');
    expect(p('note', en).description).toBe('Optional');
  });

  it('maps every type to its API value shape', () => {
    expect(p('name')).toMatchObject({ type: 'string', minLength: 2, maxLength: 20 });
    expect(p('code')).toMatchObject({ type: 'string', pattern: '^[A-Z]+\\d{3}$' });
    expect(p('note')).toMatchObject({ type: 'string', maxLength: 20000 });
    expect(p('qty')).toMatchObject({ type: 'integer', minimum: 1, maximum: 999, default: 1 });
    expect(p('rate')).toMatchObject({ type: 'number', minimum: 0 });
    expect(p('price')).toMatchObject({ type: 'integer', minimum: 0, maximum: 1000000 });
    expect(p('vip')).toMatchObject({ type: 'boolean', default: false });
    expect(p('status')).toMatchObject({ type: 'string', enum: ['pending', 'paid'], default: 'pending' });
    expect(p('tags')).toMatchObject({ type: 'array', uniqueItems: true, minItems: 1, maxItems: 2, items: { type: 'string', enum: ['new', 'hot', 'vip'] } });
    expect(p('birthday')).toMatchObject({ type: 'string', format: 'date', formatMinimum: '1900-01-01', formatMaximum: '2030-12-31' });
    expect(p('paid_at')).toMatchObject({ type: 'string', format: 'date-time', formatMinimum: '2020-01-01T00:00:00+08:00' });
    expect(p('phone')).toMatchObject({ type: 'string', pattern: '^1[3-9]\\d{9}$' });
    expect(p('email')).toMatchObject({ type: 'string', format: 'email' });
    expect(p('region')).toMatchObject({ type: 'string', pattern: '^\\d{6}$', default: '440305' });
    expect(p('customer')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(p('campaigns')).toMatchObject({ type: 'array', uniqueItems: true, items: { type: 'integer', minimum: 1 } });
    expect(p('owner')).toMatchObject({ type: 'integer' });
    expect(p('lines')).toMatchObject({
      type: 'array',
      minItems: 0,
      maxItems: 3,
      items: { type: 'object', additionalProperties: false, required: ['sku', 'qty'], properties: { qty: { type: 'integer', default: 1 } } },
    });
    expect(p('ref')).toMatchObject({ type: 'string', maxLength: 16 });
    expect(p('order_no')).toMatchObject({ type: 'string', readOnly: true });
  });

  it('never marks autonumber required', () => {
    const s = compileFieldSchema({ id: 'f_a', key: 'a', type: 'autonumber', label: { 'zh-CN': '号', en: 'No' }, mode: 'sequence', required: true }, 'en');
    expect(s).toEqual({ type: 'string', readOnly: true, title: 'No' });
    const c = compileForm({ formatVersion: 1, key: 'x', title: { 'zh-CN': 'x', en: 'x' }, fields: [{ id: 'f_a', key: 'a', type: 'autonumber', label: { 'zh-CN': '号', en: 'No' }, mode: 'sequence', required: true }] });
    expect(c.schema.required).toBeUndefined();
  });

  it('compiles every valid fixture to JSON-serialisable output', () => {
    for (const { def: d } of validDefinitions()) {
      const c = compileForm(d, { locale: 'en' });
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
  });
});

describe('compileForm uiSchema (@rjsf/core v6)', () => {
  const ui = zh.uiSchema;
  it('orders fields as defined', () => expect(ui['ui:order']).toEqual(def.fields.map((f) => f.key)));
  it('sets widgets and options', () => {
    expect(ui.price).toMatchObject({ 'ui:widget': 'money' });
    expect(ui.phone).toMatchObject({ 'ui:widget': 'phone' });
    expect(ui.region).toMatchObject({ 'ui:widget': 'region', 'ui:options': { level: 'district' } });
    expect(ui.city).toMatchObject({ 'ui:options': { level: 'city' } });
    expect(ui.customer).toEqual({ 'ui:widget': 'relation', 'ui:options': { target: 'customers', many: false, display: 'name' } });
    expect(ui.campaigns).toMatchObject({ 'ui:widget': 'relation', 'ui:options': { target: 'customers', many: true } });
    expect(ui.owner).toMatchObject({ 'ui:widget': 'user' });
    expect(ui.ref).toMatchObject({ 'ui:widget': 'hidden' });
    expect(ui.order_no).toMatchObject({ 'ui:readonly': true });
    expect(ui.note).toMatchObject({ 'ui:widget': 'textarea', 'ui:help': '可选' });
    expect(ui.name).toMatchObject({ 'ui:placeholder': '请输入姓名' });
    expect(en.uiSchema.name).toMatchObject({ 'ui:placeholder': 'Your name' });
  });
  it('labels enum options in the locale', () => {
    expect(ui.status).toMatchObject({ 'ui:enumNames': ['待付款', '已付款'] });
    expect(en.uiSchema.status).toMatchObject({ 'ui:enumNames': ['Pending', 'Paid'] });
    expect(en.uiSchema.tags).toMatchObject({ items: { 'ui:enumNames': ['New', 'Hot', 'VIP'] } });
  });
  it('nests sub-table UI under items', () => {
    expect(ui.lines).toMatchObject({ items: { 'ui:order': ['sku', 'qty', 'unit_price', 'ship_to'], unit_price: { 'ui:widget': 'money' }, ship_to: { 'ui:widget': 'region', 'ui:options': { level: 'city' } } } });
  });
});

describe('formula fields', () => {
  const inv = readFixture<FormDefinition>('valid-formula.json');
  const c = compileForm(inv, { locale: 'en' });
  const q = (key: string): JsonSchema => c.schema.properties![key];

  it('compile to a read-only, nullable schema of their result type', () => {
    expect(q('total')).toEqual({ type: ['integer', 'null'], readOnly: true, title: 'Total', description: 'Sum of the lines' });
    expect(q('fee')).toEqual({ type: ['integer', 'null'], readOnly: true, title: 'Fee' });
    expect(q('ratio')).toEqual({ type: ['number', 'null'], readOnly: true, title: 'Ratio' });
    expect(q('full_name')).toEqual({ type: ['string', 'null'], readOnly: true, title: 'Full name' });
    expect(q('big')).toEqual({ type: ['boolean', 'null'], readOnly: true, title: 'Large' });
    expect(q('due_on')).toEqual({ type: ['string', 'null'], format: 'date', readOnly: true, title: 'Due on' });
    expect(q('remind_at')).toEqual({ type: ['string', 'null'], format: 'date-time', readOnly: true, title: 'Remind at' });
    expect(c.schema.required).toEqual(['first']);
  });

  it('are never required and never carry a default, even in an unchecked draft', () => {
    const f: FormulaField = { id: 'f_x', key: 'x', type: 'formula', label: { 'zh-CN': '甲', en: 'X' }, expression: '1', resultType: 'number', required: true, default: 3 };
    expect(compileFieldSchema(f, 'en')).toEqual({ type: ['number', 'null'], readOnly: true, title: 'X' });
    const d: FormDefinition = { formatVersion: 1, key: 'x', title: { 'zh-CN': 'x', en: 'x' }, fields: [f] };
    expect(compileForm(d).schema.required).toBeUndefined();
    const junk = { ...f, resultType: 'currency' } as unknown as FormulaField;
    expect(compileFieldSchema(junk, 'en')).toEqual({ readOnly: true, title: 'X' });
  });

  it('use the read-only `formula` widget with the result type and scale', () => {
    expect(c.uiSchema.ratio).toEqual({ 'ui:widget': 'formula', 'ui:readonly': true, 'ui:options': { resultType: 'number', scale: 2 } });
    expect(c.uiSchema.total).toEqual({ 'ui:widget': 'formula', 'ui:readonly': true, 'ui:options': { resultType: 'money' }, 'ui:help': 'Sum of the lines' });
    expect(compileFieldUiSchema(inv.fields.find((f) => f.key === 'due_on')!)).toMatchObject({ 'ui:options': { resultType: 'date' } });
  });

  it('formulaValueField gives the field its value behaves like', () => {
    const byKey = (k: string) => inv.fields.find((f) => f.key === k) as FormulaField;
    expect(formulaValueField(byKey('ratio'))).toEqual({ id: 'f_i_ratio', key: 'ratio', type: 'number', scale: 2, label: { 'zh-CN': '比例', en: 'Ratio' } });
    expect(formulaValueField(byKey('total'))).toMatchObject({ key: 'total', type: 'money', description: { en: 'Sum of the lines' } });
    expect(formulaValueField(byKey('full_name')).type).toBe('text');
    expect(formulaValueField(byKey('big')).type).toBe('boolean');
    expect(formulaValueField(byKey('due_on')).type).toBe('date');
    expect(formulaValueField(byKey('remind_at')).type).toBe('datetime');
  });
});
