import { describe, expect, it } from 'vitest';
import {
  createField,
  createRecordValidator,
  compileForm,
  FIELD_CATEGORIES,
  FIELD_ID_PATTERN,
  FIELD_TYPE_INFO,
  FIELD_TYPES,
  KEY_PATTERN,
  validateFormDefinition,
  type FieldDefinition,
} from '../src/index.js';

describe('FIELD_TYPE_INFO', () => {
  it('describes every field type', () => {
    expect(Object.keys(FIELD_TYPE_INFO).sort()).toEqual([...FIELD_TYPES].sort());
    for (const t of FIELD_TYPES) {
      const info = FIELD_TYPE_INFO[t];
      expect(info.label['zh-CN']).not.toBe('');
      expect(info.label.en).not.toBe('');
      expect(FIELD_CATEGORIES).toContain(info.category);
      if (info.supportsUnique) expect(info.scalar).toBe(true);
    }
  });
  it('marks list-valued types non-scalar', () => {
    expect(FIELD_TYPE_INFO.multiselect.scalar).toBe(false);
    expect(FIELD_TYPE_INFO.subtable.scalar).toBe(false);
    expect(FIELD_TYPE_INFO.phone.supportsUnique).toBe(true);
    expect(FIELD_TYPE_INFO.textarea.supportsUnique).toBe(false);
  });
  it('formula: an advanced, single-value type that is never unique', () => {
    expect(FIELD_TYPE_INFO.formula).toMatchObject({ label: { 'zh-CN': '公式', en: 'Formula' }, category: 'advanced', scalar: true, supportsUnique: false });
    expect(FIELD_TYPE_INFO.formula.defaults()).toEqual({ expression: '', resultType: 'number' });
  });
  it('defaults() returns a fresh object each call', () => {
    const a = FIELD_TYPE_INFO.select.defaults() as { options: unknown[] };
    a.options.push('x');
    expect((FIELD_TYPE_INFO.select.defaults() as { options: unknown[] }).options).toHaveLength(2);
  });
});

describe('createField', () => {
  it('makes a fresh id and the first free key', () => {
    const f = createField('text', ['text_1', 'text_3'], 'zh-CN');
    expect(f.id).toMatch(/^f_[a-z0-9]{8}$/);
    expect(f.id).toMatch(FIELD_ID_PATTERN);
    expect(f.key).toBe('text_2');
    expect(f.key).toMatch(KEY_PATTERN);
    expect(f.label).toEqual({ 'zh-CN': '单行文本 2', en: 'Text 2' });
    expect(createField('phone', [], 'en').key).toBe('phone_1');
  });
  it('ids differ between calls', () => {
    const ids = new Set(Array.from({ length: 200 }, () => createField('text', [], 'zh-CN').id));
    expect(ids.size).toBe(200);
  });
  it('makes a formula with an empty expression and a number result', () => {
    const f = createField('formula', ['formula_1'], 'en');
    expect(f).toMatchObject({ key: 'formula_2', type: 'formula', expression: '', resultType: 'number', label: { 'zh-CN': '公式 2', en: 'Formula 2' } });
    const def = { formatVersion: 1 as const, key: 'x', title: { 'zh-CN': 'x', en: 'x' }, fields: [f] };
    // A new formula is not publishable until it has an expression.
    expect(validateFormDefinition(def, { formKeys: ['x'] }).map((p) => `${p.path} ${p.code}`)).toEqual(['/fields/0/expression FORM_DEF_FORMULA_EXPRESSION']);
  });
  it('a form of one new field of every type (except relation and formula, which need a target / an expression) is publishable and compiles', () => {
    const fields: FieldDefinition[] = [];
    for (const t of FIELD_TYPES) {
      if (t === 'relation' || t === 'subtable') continue;
      fields.push(createField(t, fields.map((f) => f.key), 'zh-CN'));
    }
    const sub = createField('subtable', fields.map((f) => f.key), 'zh-CN');
    if (sub.type === 'subtable') sub.fields.push(createField('number', [], 'zh-CN'));
    fields.push(sub);
    const rel = createField('relation', fields.map((f) => f.key), 'zh-CN');
    if (rel.type === 'relation') rel.target = 'customers';
    fields.push(rel);
    const formula = fields.find((f) => f.type === 'formula');
    if (formula?.type === 'formula') formula.expression = 'record.number_1 * 2';
    const def = { formatVersion: 1 as const, key: 'new_form', title: { 'zh-CN': '新表单', en: 'New form' }, fields };
    expect(validateFormDefinition(def, { formKeys: ['customers', 'new_form'] })).toEqual([]);
    const r = createRecordValidator(def).validate({}, { locale: 'zh-CN', mode: 'create' });
    expect(r).toMatchObject({ ok: true, value: { boolean_1: false } });
    expect(compileForm(def).schema.properties?.formula_1).toMatchObject({ type: ['number', 'null'], readOnly: true });
  });
});
