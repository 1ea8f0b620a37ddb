import { useEffect, useState } from 'react';
import type { FormDefinition, RelationField } from '@kiln/engine-forms';
import { formAccess } from './access';
import { appMeta, displayField } from './metadata';
import { listRecords, type RecordRow } from './records-api';

/** Relation field key → (record id → label). */
export type RelationLabels = Map<string, Map<number, string>>;

/**
 * Resolves the labels of the related records shown on one page of a list: one `$in` query per
 * relation field. A failure, or a target form the caller may not read (not even asked), leaves
 * that column showing ids.
 */
export function useRelationLabels(app: string, def: FormDefinition | undefined, rows: RecordRow[] | undefined): RelationLabels {
  const [labels, setLabels] = useState<RelationLabels>(new Map());
  useEffect(() => {
    if (!def || !rows?.length) return;
    let alive = true;
    const relations = def.fields.filter((f): f is RelationField => f.type === 'relation');
    void Promise.all(
      relations.map(async (f) => {
        const ids = [...new Set(rows.flatMap((r) => (Array.isArray(r[f.key]) ? (r[f.key] as unknown[]) : [r[f.key]])).filter((v): v is number => typeof v === 'number'))];
        if (!ids.length) return [f.key, new Map<number, string>()] as const;
        try {
          const meta = await appMeta(app);
          if (!formAccess(meta.access, f.target).read) return [f.key, new Map<number, string>()] as const;
          const key = displayField(meta.forms[f.target], f.display)?.key;
          if (!key) return [f.key, new Map<number, string>()] as const;
          const page = await listRecords(app, f.target, { filter: { id: { $in: ids } }, limit: ids.length });
          return [f.key, new Map(page.items.filter((r) => r[key] != null && r[key] !== '').map((r) => [r.id, String(r[key])]))] as const;
        } catch {
          return [f.key, new Map<number, string>()] as const;
        }
      }),
    ).then((pairs) => {
      if (alive) setLabels(new Map(pairs));
    });
    return () => {
      alive = false;
    };
  }, [app, def, rows]);
  return labels;
}
