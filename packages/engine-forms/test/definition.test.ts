import { describe, expect, it } from 'vitest';
import { FORM_ERRORS, FORMULA_MAX_LENGTH, validateFormDefinition, type FormDefinition } from '../src/index.js';
import { fixtureNames, readFixture, validDefinitions, type ErrorFixture } from './fixtures.js';

const valid = validDefinitions();
const formKeys = valid.map((v) => v.def.key);

describe('valid-*.json definitions', () => {
  it('there are valid fixtures', () => expect(valid.length).toBeGreaterThanOrEqual(3));
  for (const { name, def } of valid) {
    it(`${name} has no problems`, () => {
      const formFieldKeys = Object.fromEntries(valid.map((v) => [v.def.key, v.def.fields.map((f) => f.key)]));
      expect(validateFormDefinition(def, { formKeys, formFieldKeys })).toEqual([]);
    });
  }
});

describe('error-*.json definitions', () => {
  const files = fixtureNames('error-');
  it('there are error fixtures', () => expect(files.length).toBeGreaterThanOrEqual(15));
  for (const file of files) {
    const fx = readFixture<ErrorFixture>(file);
    it(`${file}: ${fx.description}`, () => {
      const problems = validateFormDefinition(fx.definition, fx.context);
      const got = problems.map((p) => `${p.path} ${p.code}`).sort();
      expect(got).toEqual(fx.problems.map((p) => `${p.path} ${p.code}`).sort());
      for (const p of problems) {
        expect(p.code in FORM_ERRORS, p.code).toBe(true);
        expect(p.message['zh-CN']).not.toBe('');
        expect(p.message.en).not.toBe('');
        expect(p.message.en).not.toMatch(/\{[a-z]\w*\}/);
        expect(p.message['zh-CN']).not.toMatch(/\{[a-z]\w*\}/);
      }
    });
  }
});

describe('validateFormDefinition', () => {
  const orders = readFixture<FormDefinition>('valid-orders.json');

  it('relation targets are checked against ctx.formKeys', () => {
    const problems = validateFormDefinition(orders, { formKeys: ['orders'] });
    expect(problems.map((p) => [p.path, p.code])).toEqual([['/fields/1/target', 'FORM_DEF_RELATION_TARGET']]);
    expect(problems[0].message).toEqual({ 'zh-CN': '关联的表单 “customers” 不存在', en: 'The related form "customers" does not exist' });
  });

  it('formula expressions may be up to FORMULA_MAX_LENGTH characters', () => {
    const def = (expression: string) => ({
      formatVersion: 1,
      key: 'x',
      title: { 'zh-CN': 'x', en: 'x' },
      fields: [{ id: 'f_f', key: 'f', type: 'formula', label: { 'zh-CN': '式', en: 'F' }, expression, resultType: 'number' }],
    });
    const longest = '1' + ' '.repeat(FORMULA_MAX_LENGTH - 1);
    expect(validateFormDefinition(def(longest), { formKeys: ['x'] })).toEqual([]);
    const problems = validateFormDefinition(def(longest + ' '), { formKeys: ['x'] });
    expect(problems).toEqual([
      {
        path: '/fields/0/expression',
        code: 'FORM_DEF_FORMULA_EXPRESSION',
        message: { 'zh-CN': '公式表达式为空或超过 4000 个字符', en: 'The formula expression is empty or longer than 4000 characters' },
      },
    ]);
  });

  it('names the forbidden formula property in both languages', () => {
    const def = {
      formatVersion: 1,
      key: 'x',
      title: { 'zh-CN': 'x', en: 'x' },
      fields: [{ id: 'f_f', key: 'f', type: 'formula', label: { 'zh-CN': '式', en: 'F' }, expression: '1', resultType: 'money', unique: true }],
    };
    expect(validateFormDefinition(def, { formKeys: ['x'] })).toEqual([
      {
        path: '/fields/0/unique',
        code: 'FORM_DEF_FORMULA_PROPERTY',
        message: { 'zh-CN': '公式字段的值由服务器计算，不能设置 unique', en: 'A formula field is computed by the server and cannot have unique' },
      },
    ]);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 'x', 42, { fields: [null, 1, 'a'] }, { fields: [{ type: 'subtable', fields: 'x' }] }, { public: 'x', fields: [] }]) {
      expect(() => validateFormDefinition(junk, { formKeys: [] })).not.toThrow();
      expect(validateFormDefinition(junk, { formKeys: [] }).length).toBeGreaterThan(0);
    }
  });

  it('does not mutate the definition', () => {
    const copy = structuredClone(orders);
    validateFormDefinition(orders, { formKeys: ['orders', 'customers'] });
    expect(orders).toEqual(copy);
  });
});
