import type { TriggerEvent, TriggerRuleDefinition } from '../types.js';

/** Events whose facts include the record of a form (`record`, `old`). */
export const RECORD_EVENTS: readonly TriggerEvent[] = Object.freeze(['record.created', 'record.updated', 'record.deleted', 'record.saved', 'form.submitted']);

/** Whether `event` is a record event (its trigger names a `form`). */
export function recordEvent(event: unknown): boolean {
  return (RECORD_EVENTS as readonly unknown[]).includes(event);
}

/** The form whose records fire a trigger rule, or undefined (schedule, webhook, flow node, malformed). */
export function triggerForm(def: Pick<TriggerRuleDefinition, 'trigger'>): string | undefined {
  const t = def.trigger as unknown as Record<string, unknown> | undefined;
  if (!t || typeof t !== 'object' || !recordEvent(t.event)) return undefined;
  return typeof t.form === 'string' ? t.form : undefined;
}
