import type { TriggerEvent, TriggerSpec } from '@kiln/engine-rules';

/** Events that fire on a record of a form (they carry `form`). */
export const RECORD_EVENTS: readonly TriggerEvent[] = ['record.created', 'record.updated', 'record.saved', 'record.deleted', 'form.submitted'];

/** Events whose `old` / `changed` facts are meaningful and that can be narrowed to changed fields. */
export const CHANGE_EVENTS: readonly TriggerEvent[] = ['record.updated', 'record.saved'];

/** The form a trigger fires on, or `''` for schedule / webhook / flow triggers. */
export function triggerForm(spec: TriggerSpec): string {
  return 'form' in spec ? spec.form : '';
}

/** A trigger of another event, keeping the form (and changed fields) when both events have them. */
export function changeEvent(spec: TriggerSpec, event: TriggerEvent): TriggerSpec {
  const form = triggerForm(spec);
  switch (event) {
    case 'record.created':
    case 'record.deleted':
    case 'form.submitted':
      return { event, form };
    case 'record.updated':
    case 'record.saved': {
      const fields = 'fields' in spec ? spec.fields : undefined;
      return fields?.length ? { event, form, fields } : { event, form };
    }
    case 'schedule':
      return { event, cron: '0 3 * * *' };
    case 'webhook':
      return { event, hook: '' };
    case 'flow.node':
      return { event, flow: '', node: '' };
  }
}

/** Cron presets offered next to the cron input (five fields: minute hour day month weekday). */
export const CRON_PRESETS = [
  { id: 'hourly', cron: '0 * * * *' },
  { id: 'daily3', cron: '0 3 * * *' },
  { id: 'daily9', cron: '0 9 * * *' },
  { id: 'weekly', cron: '0 9 * * 1' },
  { id: 'monthly', cron: '0 0 1 * *' },
] as const;

/** True when `cron` has five space-separated fields of cron characters (a quick shape check). */
export function looksLikeCron(cron: string): boolean {
  const parts = cron.trim().split(/\s+/);
  return parts.length === 5 && parts.every((p) => /^[\d*,/\-A-Za-z?LW#]+$/.test(p));
}
