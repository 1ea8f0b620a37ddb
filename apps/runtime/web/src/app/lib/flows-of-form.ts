import type { FlowText } from './flow-types';
import type { AppMeta } from './metadata';

/** What the record page needs of a published flow definition. */
export interface FlowSummary {
  key: string;
  name: FlowText | null;
  form: string;
  /** The start node's trigger (`manual`: a person starts it from the record). */
  trigger: string | undefined;
  enabled: boolean;
}

interface FlowDefLike {
  key?: string;
  name?: FlowText;
  form?: string;
  enabled?: boolean;
  nodes?: { type?: string; data?: { trigger?: string } }[];
}

/**
 * The published flows that run on records of `form`, in definition order. The app metadata
 * carries them as `flows` (a map by key) next to `forms`; `metadata.flows` and an array are
 * accepted too, so the page does not depend on the exact nesting.
 */
export function flowsOfForm(meta: AppMeta, form: string): FlowSummary[] {
  const m = meta as AppMeta & { flows?: unknown; metadata?: { flows?: unknown } };
  const raw = m.flows ?? m.metadata?.flows ?? {};
  const entries: [string, FlowDefLike][] = Array.isArray(raw)
    ? (raw as FlowDefLike[]).map((f) => [f.key ?? '', f])
    : Object.entries(raw as Record<string, FlowDefLike>);
  return entries
    .filter(([, f]) => f && f.form === form)
    .map(([key, f]) => ({
      key: f.key ?? key,
      name: f.name ?? null,
      form,
      trigger: f.nodes?.find((n) => n.type === 'start')?.data?.trigger,
      enabled: f.enabled !== false,
    }));
}
