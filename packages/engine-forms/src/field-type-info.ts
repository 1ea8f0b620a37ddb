import type { FieldDefinition, FieldType, LocalizedText } from './types.js';

/** Palette groups of the studio. */
export const FIELD_CATEGORIES = ['basic', 'choice', 'datetime', 'contact', 'relation', 'advanced'] as const;
export type FieldCategory = (typeof FIELD_CATEGORIES)[number];

/** What the studio and the validators need to know about a field type. */
export interface FieldTypeInfo {
  label: LocalizedText;
  category: FieldCategory;
  /**
   * One value per record (not an array or rows): may be a de-duplication key, is filtered and
   * sorted, and may be filled from a link parameter (except formulas, which the server computes).
   */
  scalar: boolean;
  /** May be marked `unique` (a database unique index). */
  supportsUnique: boolean;
  /** Type-specific properties of a new field (labels, id and key come from createField). */
  defaults(): Partial<FieldDefinition>;
}

/**
 * Per field type: palette label, category, whether it is scalar / may be unique, and the
 * type-specific defaults of a new field. `defaults()` returns a fresh object each call.
 */
export const FIELD_TYPE_INFO: Record<FieldType, FieldTypeInfo> = {
  text: { label: { 'zh-CN': '单行文本', en: 'Text' }, category: 'basic', scalar: true, supportsUnique: true, defaults: () => ({ maxLength: 200 }) },
  textarea: { label: { 'zh-CN': '多行文本', en: 'Long text' }, category: 'basic', scalar: true, supportsUnique: false, defaults: () => ({}) },
  number: { label: { 'zh-CN': '数字', en: 'Number' }, category: 'basic', scalar: true, supportsUnique: true, defaults: () => ({}) },
  money: { label: { 'zh-CN': '金额', en: 'Money' }, category: 'basic', scalar: true, supportsUnique: false, defaults: () => ({ min: 0 }) },
  boolean: { label: { 'zh-CN': '是/否', en: 'Yes/No' }, category: 'choice', scalar: true, supportsUnique: false, defaults: () => ({ default: false }) },
  select: {
    label: { 'zh-CN': '单选', en: 'Select' },
    category: 'choice',
    scalar: true,
    supportsUnique: false,
    defaults: () => ({ options: defaultOptions() }),
  },
  multiselect: {
    label: { 'zh-CN': '多选', en: 'Multi-select' },
    category: 'choice',
    scalar: false,
    supportsUnique: false,
    defaults: () => ({ options: defaultOptions() }),
  },
  date: { label: { 'zh-CN': '日期', en: 'Date' }, category: 'datetime', scalar: true, supportsUnique: false, defaults: () => ({}) },
  datetime: { label: { 'zh-CN': '日期时间', en: 'Date & time' }, category: 'datetime', scalar: true, supportsUnique: false, defaults: () => ({}) },
  phone: { label: { 'zh-CN': '手机号', en: 'Phone' }, category: 'contact', scalar: true, supportsUnique: true, defaults: () => ({}) },
  email: { label: { 'zh-CN': '邮箱', en: 'Email' }, category: 'contact', scalar: true, supportsUnique: true, defaults: () => ({}) },
  region: { label: { 'zh-CN': '地区', en: 'Region' }, category: 'contact', scalar: true, supportsUnique: false, defaults: () => ({ level: 'district' }) },
  relation: { label: { 'zh-CN': '关联记录', en: 'Relation' }, category: 'relation', scalar: true, supportsUnique: false, defaults: () => ({ target: '', many: false }) },
  user: { label: { 'zh-CN': '成员', en: 'User' }, category: 'relation', scalar: true, supportsUnique: false, defaults: () => ({}) },
  subtable: { label: { 'zh-CN': '子表', en: 'Sub-table' }, category: 'advanced', scalar: false, supportsUnique: false, defaults: () => ({ fields: [] }) },
  linkparam: { label: { 'zh-CN': '链接参数', en: 'Link parameter' }, category: 'advanced', scalar: true, supportsUnique: false, defaults: () => ({ linkParam: 'ref' }) },
  autonumber: { label: { 'zh-CN': '自动编号', en: 'Autonumber' }, category: 'advanced', scalar: true, supportsUnique: true, defaults: () => ({ mode: 'sequence', prefix: '', digits: 6 }) },
  // One stored value per record (filters and sorts like its result type), but never typed in.
  formula: { label: { 'zh-CN': '公式', en: 'Formula' }, category: 'advanced', scalar: true, supportsUnique: false, defaults: () => ({ expression: '', resultType: 'number' }) },
};

function defaultOptions() {
  return [
    { value: 'option_1', label: { 'zh-CN': '选项 1', en: 'Option 1' } },
    { value: 'option_2', label: { 'zh-CN': '选项 2', en: 'Option 2' } },
  ];
}

/**
 * Whether a field holds one value per record. A relation is scalar unless `many`.
 * @internal
 */
export function isScalarField(field: Pick<FieldDefinition, 'type'> & { many?: boolean }): boolean {
  const info = FIELD_TYPE_INFO[field.type];
  return info.scalar && !(field.type === 'relation' && field.many === true);
}
