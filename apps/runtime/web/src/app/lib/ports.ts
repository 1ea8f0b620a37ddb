import type { KilnFormPorts, PickerOption } from '@kiln/form-react';
import { api } from '../../shared/api';
import { formAccess } from './access';
import { appMeta, displayField } from './metadata';
import { getRecord, listRecords, type RecordRow } from './records-api';

/** The text a picker shows for a record: its display field, else `#id`. */
export function recordLabel(row: RecordRow, key: string | undefined): string {
  const v = key ? row[key] : undefined;
  return v === undefined || v === null || v === '' ? `#${row.id}` : `${String(v)} (#${row.id})`;
}

/**
 * KilnForm ports for the operator UI of `app`: relation pickers search the target form's
 * display field (`$contains`), user pickers use `/api/users/search`. A target form the caller
 * may not read is never asked: no choices, and stored values show as `#id`.
 */
export function operatorPorts(app: string): KilnFormPorts {
  const keyOf = async (target: string) => {
    const meta = await appMeta(app);
    return displayField(meta.forms[target])?.key;
  };
  const readable = async (target: string) => formAccess((await appMeta(app)).access, target).read;
  return {
    async searchRecords(target, query) {
      if (!(await readable(target))) return [];
      const key = await keyOf(target);
      const q = query.trim();
      let filter: Record<string, unknown> | undefined;
      if (q) filter = /^#?\d+$/.test(q) ? { id: Number(q.replace('#', '')) } : key ? { [key]: { $contains: q } } : undefined;
      const page = await listRecords(app, target, { filter, limit: 20, sort: '-id' });
      return page.items.map((r): PickerOption => ({ id: r.id, label: recordLabel(r, key) }));
    },
    async labelOfRecord(target, id) {
      if (!(await readable(target))) return `#${id}`;
      const key = await keyOf(target);
      return recordLabel(await getRecord(app, target, id), key);
    },
    async searchUsers(query) {
      const r = await api<{ items: { id: number; email: string; displayName?: string | null }[] }>(
        `/api/users/search?q=${encodeURIComponent(query.trim())}`,
      );
      return r.items.map((u) => ({ id: u.id, label: u.displayName ? `${u.displayName} <${u.email}>` : u.email }));
    },
  };
}
