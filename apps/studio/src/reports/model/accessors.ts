import type { Localized, When } from '@kiln/engine-reports';

/**
 * How a property panel reads and writes one property of an element: the panels edit a flat
 * record (`label-zh`, `agg`, `when-param`, …) — one formily field per property, whose name is
 * also its test id `prop-<name>` — and these map it onto the definition.
 */
export interface Accessor<T> {
  get: (x: T) => unknown;
  set: (x: T, value: unknown) => T;
}

export type Accessors<T> = Readonly<Record<string, Accessor<T>>>;

const empty = (v: unknown) => v === undefined || v === null || v === '';

/** A plain property; an empty value removes it. */
export function plain<T extends object>(prop: string): Accessor<T> {
  return {
    get: (x) => (x as Record<string, unknown>)[prop],
    set: (x, v) => {
      const next = { ...x } as Record<string, unknown>;
      if (empty(v)) delete next[prop];
      else next[prop] = v;
      return next as T;
    },
  };
}

/** One language of a localized text property (`label`): both languages empty removes it. */
export function localized<T extends object>(prop: string, lang: 'zh-CN' | 'en', keep = false): Accessor<T> {
  return {
    get: (x) => {
      const v = (x as Record<string, unknown>)[prop] as Localized | undefined;
      return typeof v === 'string' ? v : (v?.[lang] ?? '');
    },
    set: (x, value) => {
      const cur = (x as Record<string, unknown>)[prop] as Localized | undefined;
      const base = typeof cur === 'string' ? { 'zh-CN': cur, en: cur } : { 'zh-CN': '', en: '', ...cur };
      const text = { ...base, [lang]: String(value ?? '') };
      const next = { ...x } as Record<string, unknown>;
      if (keep || text['zh-CN'] || text.en) next[prop] = text;
      else delete next[prop];
      return next as T;
    },
  };
}

/** The `when` switch: its parameter (empty removes the switch) and the value it must equal. */
export function whenAccessors<T extends { when?: When }>(firstOption: (param: string) => string): Accessors<T> {
  return {
    'when-param': {
      get: (x) => x.when?.param,
      set: (x, v) => {
        const { when: _w, ...rest } = x;
        return (empty(v) ? rest : { ...rest, when: { param: String(v), equals: x.when?.param === v ? x.when.equals : firstOption(String(v)) } }) as T;
      },
    },
    'when-equals': {
      get: (x) => x.when?.equals,
      set: (x, v) => (x.when ? { ...x, when: { ...x.when, equals: String(v ?? '') } } : x),
    },
  };
}

/** The panel record of an element. */
export function toValues<T>(x: T, accessors: Accessors<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(accessors)) out[name] = a.get(x);
  return out;
}

/** Applies one panel property to an element (unknown names change nothing). */
export function applyValue<T>(x: T, accessors: Accessors<T>, name: string, value: unknown): T {
  const a = accessors[name];
  return a ? a.set(x, value) : x;
}
