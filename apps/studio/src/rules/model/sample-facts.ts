import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';
import type { RuleDefinition, TriggerSpec } from '@kiln/engine-rules';
import type { RuleTestFacts } from '../../api/types';
import { fieldsOf } from './form-fields';
import { CHANGE_EVENTS, triggerForm } from './trigger-ops';

const today = () => new Date().toISOString().slice(0, 10);

/** A plausible value for a field, in its API shape (money in fen, dates as ISO strings). */
export function sampleValue(f: FieldDefinition): unknown {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return f.label?.en ? `Sample ${f.label.en}`.slice(0, 40) : 'sample';
    case 'number':
      return 10;
    case 'money':
      return 20000;
    case 'boolean':
      return true;
    case 'select':
      return f.options?.[0]?.value ?? 'a';
    case 'multiselect':
      return f.options?.[0] ? [f.options[0].value] : [];
    case 'date':
      return today();
    case 'datetime':
      return new Date().toISOString();
    case 'phone':
      return '13800138000';
    case 'email':
      return 'demo@example.com';
    case 'region':
      return '110101';
    case 'relation':
      return f.many ? [1] : 1;
    case 'user':
      return 1;
    case 'subtable':
      return [sampleRecord(f.fields ?? [], false)];
    case 'linkparam':
      return 'ref123';
    case 'autonumber':
      return f.mode === 'shortcode' ? 'K7P2QX' : `${f.prefix ?? ''}000001`;
  }
}

/** Another plausible value, for `old` of the fields that changed. */
function otherValue(f: FieldDefinition): unknown {
  const v = sampleValue(f);
  if (typeof v === 'number') return Math.max(0, v - (f.type === 'money' ? 5000 : 5));
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return f.type === 'select' ? (f.options?.[1]?.value ?? null) : null;
  return null;
}

/** A sample record of `fields` (with `id` at the top level). */
export function sampleRecord(fields: readonly FieldDefinition[], withId = true): Record<string, unknown> {
  const rec: Record<string, unknown> = withId ? { id: 1 } : {};
  for (const f of fields) rec[f.key] = sampleValue(f);
  return rec;
}

function triggerFacts(spec: TriggerSpec, forms: Readonly<Record<string, FormDefinition>>): RuleTestFacts {
  const fields = fieldsOf(forms, triggerForm(spec));
  switch (spec.event) {
    case 'schedule':
      return { event: { at: new Date().toISOString(), cron: spec.cron } };
    case 'webhook':
      return { event: { hook: spec.hook, body: {} } };
    case 'flow.node':
      return { record: { id: 1 }, event: { flow: spec.flow, node: spec.node } };
    default: {
      const record = sampleRecord(fields);
      if (!CHANGE_EVENTS.includes(spec.event)) return { record };
      const narrowed = 'fields' in spec && spec.fields?.length ? spec.fields : undefined;
      const changed = narrowed ?? fields.filter((f) => f.type !== 'subtable').slice(0, 1).map((f) => f.key);
      const old = { ...record };
      for (const key of changed) {
        const f = fields.find((x) => x.key === key);
        if (f) old[key] = otherValue(f);
      }
      return { record, old, changed };
    }
  }
}

/**
 * Sample facts for the test console: for a trigger rule, a record of its form (plus `old` and
 * `changed` for update events, `event` for schedule / webhook / flow); for a decision table, a
 * record with the fields its input columns read (`record.amount` → `amount`), typed from the
 * app's forms where a form has a field of that key.
 */
export function sampleFacts(rule: RuleDefinition, forms: Readonly<Record<string, FormDefinition>>): RuleTestFacts {
  if (rule.type === 'trigger') return triggerFacts(rule.trigger, forms);
  const record: Record<string, unknown> = { id: 1 };
  const known = new Map<string, FieldDefinition>();
  for (const form of Object.values(forms)) for (const f of form.fields ?? []) if (!known.has(f.key)) known.set(f.key, f);
  for (const input of rule.inputs) {
    for (const m of input.expression.matchAll(/\brecord\.([A-Za-z_$][\w$]*)/g)) {
      const f = known.get(m[1]);
      if (!(m[1] in record)) record[m[1]] = f ? sampleValue(f) : 0;
    }
  }
  return { record };
}
