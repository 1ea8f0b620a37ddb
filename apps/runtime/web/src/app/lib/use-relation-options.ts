import { useEffect, useState } from 'react';
import { appMeta, displayField } from './metadata';
import { listRecords } from './records-api';

/** One choice of a relation filter: a record id and the text the record shows. */
export interface RelationOption {
  value: string;
  label: string;
}

/**
 * The records of `form` (first 200) as choices for a relation filter, labelled by the form's
 * first text-like field (or `#id`).
 */
export function useRelationOptions(app: string, form: string | undefined): { options: RelationOption[]; loading: boolean; error?: unknown } {
  const [state, setState] = useState<{ options: RelationOption[]; loading: boolean; error?: unknown }>({ options: [], loading: !!form });
  useEffect(() => {
    if (!form) return;
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    Promise.all([appMeta(app), listRecords(app, form, { limit: 200 })]).then(
      ([meta, page]) => {
        const key = displayField(meta.forms[form])?.key;
        const options = page.items.map((r) => {
          const text = key && r[key] != null && r[key] !== '' ? String(r[key]) : '';
          return { value: String(r.id), label: text ? `${text}` : `#${r.id}` };
        });
        if (alive) setState({ options, loading: false });
      },
      (error: unknown) => alive && setState({ options: [], loading: false, error }),
    );
    return () => {
      alive = false;
    };
  }, [app, form]);
  return state;
}
