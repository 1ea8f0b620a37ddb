import type { Locale } from '@kiln/engine-forms';
import { flowText } from '../../lib/flow-text';
import type { FlowText, TimelineEntry } from '../../lib/flow-types';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** History types that concern a deadline: marked in the timeline. */
export const SLA_TYPES: ReadonlySet<string> = new Set(['sla.reminded', 'sla.escalated']);

/** Bookkeeping steps (a token entering or leaving a node): hidden until asked for. */
export const QUIET_TYPES: ReadonlySet<string> = new Set(['entered', 'left']);

/** Node id → name, from the entries that carry both (a return's target is only an id). */
export function nodeNames(entries: readonly TimelineEntry[]): Map<string, FlowText> {
  const names = new Map<string, FlowText>();
  for (const e of entries) if (e.node && e.nodeName) names.set(e.node, e.nodeName);
  return names;
}

/** The i18n key of a history type (`task.approved` → `timeline.type.task_approved`; dots would nest). */
const typeKey = (type: string) => `timeline.type.${type.replace(/\./g, '_')}`;

const asText = (v: unknown): FlowText | undefined =>
  typeof v === 'string' || (v !== null && typeof v === 'object' && typeof (v as { 'zh-CN'?: unknown })['zh-CN'] === 'string') ? (v as FlowText) : undefined;

/**
 * What happened, in words: the type's label, then what the entry adds — who else it concerns
 * (transfer target, added signer, new assignee), a return target, a signer's position, an
 * outcome, a failure's message. Unknown types read as their raw code.
 */
export function timelineWhat(e: TimelineEntry, locale: Locale, t: T, names: ReadonlyMap<string, FlowText> = new Map()): string {
  const parts = [t(typeKey(e.type), { defaultValue: e.type })];
  const d = e.detail ?? {};
  if (e.to?.name) parts.push(`→ ${e.to.name}`);
  if (e.type === 'task.returned') {
    const id = typeof d.to === 'string' ? d.to : undefined;
    const target = asText(d.toName) ?? asText(d.nodeName) ?? (id ? (names.get(id) ?? id) : undefined);
    if (target) parts.push(`→ ${flowText(target, locale)}`);
  }
  if (e.type === 'task.signer_added' && (d.position === 'before' || d.position === 'after')) parts.push(`(${t(`task.position.${d.position}`)})`);
  if (e.outcome && (e.type === 'finished' || e.type === 'node.auto' || e.type === 'subflow.finished' || e.type === 'sla.escalated')) {
    parts.push(`· ${t(`timeline.outcome.${e.outcome}`, { defaultValue: e.outcome })}`);
  }
  if (e.type === 'failed' && typeof d.message === 'string') parts.push(`· ${d.message}`);
  return parts.join(' ');
}
