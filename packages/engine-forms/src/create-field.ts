import { FIELD_TYPE_INFO } from './field-type-info.js';
import type { FieldDefinition, FieldType, Locale } from './types.js';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh field id: `f_` + 8 random characters of [a-z0-9] (crypto-random when available;
 * works in Node and browsers). 36^8 ≈ 2.8e12 ids, so collisions within a form are negligible;
 * the definition validator still rejects duplicates.
 */
export function newFieldId(): string {
  const bytes = new Uint8Array(8);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = 'f_';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

/**
 * Makes a new field of `type` for the studio palette: a fresh id, the first free key of the form
 * `<type>_<n>` (`text_1`, `text_2`…) not in `existingKeys`, the type's palette label as label in
 * both languages (numbered like the key) and the type's defaults.
 *
 * @example createField('phone', ['phone_1'], 'zh-CN') // → { id: 'f_x8…', key: 'phone_2', type: 'phone', label: { 'zh-CN': '手机号 2', en: 'Phone 2' } }
 */
export function createField(type: FieldType, existingKeys: readonly string[], _locale: Locale = 'zh-CN'): FieldDefinition {
  const info = FIELD_TYPE_INFO[type];
  const taken = new Set(existingKeys);
  let n = 1;
  while (taken.has(`${type}_${n}`)) n++;
  const field = {
    ...info.defaults(),
    id: newFieldId(),
    key: `${type}_${n}`,
    type,
    label: { 'zh-CN': `${info.label['zh-CN']} ${n}`, en: `${info.label.en} ${n}` },
  };
  return field as FieldDefinition;
}
