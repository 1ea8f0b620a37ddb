import type { FormDefinition } from '@kiln/engine-forms';
import type { Catalog, FormStorageInfo, StorageColumn } from '../catalog.js';

const SQL_TYPE: Record<string, string> = {
  number: 'numeric', money: 'bigint', user: 'bigint', boolean: 'boolean', multiselect: 'text[]', date: 'date', datetime: 'timestamptz', subtable: 'jsonb',
};

const FORMULA_SQL: Record<string, string> = { number: 'numeric', money: 'bigint', boolean: 'boolean', date: 'date', datetime: 'timestamptz', text: 'text' };

/**
 * A catalog for checks that have form definitions but no storage (validation, the studio
 * palette): tables and columns named the way publish names them. Its SQL is never run. @internal
 */
export function syntheticCatalog(forms: Readonly<Record<string, FormDefinition>>): Catalog {
  const storage: Record<string, FormStorageInfo> = {};
  Object.keys(forms).forEach((key, i) => {
    const columns: Record<string, StorageColumn> = {};
    for (const f of forms[key]?.fields ?? []) {
      if (!f || typeof f.id !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(f.id)) continue;
      const sqlType = f.type === 'relation' ? (f.many ? 'join' : 'bigint') : f.type === 'formula' ? (FORMULA_SQL[f.resultType] ?? 'text') : (SQL_TYPE[f.type] ?? 'text');
      columns[f.id] = { column: `f_${f.id}`, sqlType, ...(sqlType === 'join' ? { joinTable: `rec_${i + 1}__${f.id}_rel` } : {}) };
    }
    storage[key] = { table: `rec_${i + 1}`, columns };
  });
  return { forms, storage };
}
