import type { FieldDefinition } from '@kiln/engine-forms';

type Data = Record<string, unknown>;

/** The record as form data: only the form's (visible) fields, nulls dropped (the schema is closed). */
export function recordFormData(record: Data | null, fields: readonly FieldDefinition[]): Data {
  const keys = new Set(fields.map((f) => f.key));
  return Object.fromEntries(Object.entries(record ?? {}).filter(([k, v]) => keys.has(k) && v !== null));
}

/**
 * The `data` of approve / reject: the editable fields whose value changed, a cleared one as
 * null. Undefined when nothing changed, so the request carries no `data` at all.
 */
export function editedData(values: Data, original: Data, editable: readonly string[]): Data | undefined {
  const out: Data = {};
  for (const key of editable) {
    const now = values[key];
    const was = original[key];
    if (JSON.stringify(now ?? null) === JSON.stringify(was ?? null)) continue;
    out[key] = now === undefined ? null : now;
  }
  return Object.keys(out).length ? out : undefined;
}
