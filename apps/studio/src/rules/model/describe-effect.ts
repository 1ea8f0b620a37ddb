import { formatFen, type FormDefinition } from '@kiln/engine-forms';
import type { Effect, RecordRef } from '@kiln/engine-rules';
import { pick } from '../../ui/localized';

/** An effect as a sentence plus `field = value` pairs, for the test console. */
export interface EffectText {
  /** i18n key under `rules.effects` and its parameters. */
  key: string;
  params: Record<string, string | number>;
  values: [string, string][];
}

function isRef(v: unknown): v is RecordRef {
  return !!v && typeof v === 'object' && typeof (v as RecordRef).$ref === 'string';
}

/** A value as people read it: money fields as `¥20.00 (2000)`, refs as `→ action`, others as JSON. */
export function showValue(v: unknown, fieldType?: string): string {
  if (isRef(v)) return `→ ${v.$ref}`;
  if (fieldType === 'money' && typeof v === 'number') return `${formatFen(v)} (${v})`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return '—';
  return JSON.stringify(v);
}

function pairs(values: Record<string, unknown>, form: FormDefinition | undefined): [string, string][] {
  const types = new Map((form?.fields ?? []).map((f) => [f.key, f.type] as const));
  return Object.entries(values).map(([k, v]) => [k, showValue(v, types.get(k))]);
}

/**
 * Describes one effect of a dry run, e.g. `create orders` with `total = ¥20.00 (2000)`.
 * Form keys become their titles in `locale` when the app has a draft of that form.
 */
export function describeEffect(e: Effect, forms: Readonly<Record<string, FormDefinition>>, locale: string): EffectText {
  const formName = (key: string) => pick(forms[key]?.title, locale, key);
  switch (e.type) {
    case 'create':
      return { key: 'create', params: { form: formName(e.form) }, values: pairs(e.values, forms[e.form]) };
    case 'update':
      return { key: 'update', params: { form: formName(e.form), id: showValue(e.id) }, values: pairs(e.values, forms[e.form]) };
    case 'upsert':
      return {
        key: 'upsert',
        params: { form: formName(e.form), match: pairs(e.match, forms[e.form]).map(([k, v]) => `${k} = ${v}`).join(', ') },
        values: pairs(e.values, forms[e.form]),
      };
    case 'ledger':
      return {
        key: 'ledger',
        params: { form: formName(e.form), count: e.entries.length, key: e.key },
        values: e.entries.map((entry, i) => [`#${i + 1}`, pairs(entry, forms[e.form]).map(([k, v]) => `${k} = ${v}`).join(', ')]),
      };
    case 'flow':
      return { key: 'flow', params: { flow: e.flow, record: e.record === null ? '—' : showValue(e.record) }, values: [] };
    case 'connector':
      return {
        key: 'connector',
        params: { connector: e.connector, operation: e.operation ?? '—' },
        values: [['payload', showValue(e.payload)]],
      };
    case 'notify':
      return {
        key: 'notify',
        params: { who: [...e.users.map((u) => `#${u}`), ...e.roles].join(', ') || '—', title: e.title },
        values: e.body ? [['body', e.body]] : [],
      };
    case 'reject':
      return {
        key: 'reject',
        params: { message: typeof e.message === 'string' ? e.message : pick(e.message, locale), field: e.field ?? '—' },
        values: [],
      };
  }
}
