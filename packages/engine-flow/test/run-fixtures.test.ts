import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { step, type FlowDefinition, type FlowEvent, type InstanceState, type StepOptions } from '../src/index.js';

// test-data/run-*.json: interpreter cases. Each step applies one event to the state of the
// previous one and checks what it asks for (see README "Fixtures").
const dir = new URL('../test-data/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
const files = readdirSync(dir).filter((f) => f.startsWith('run-') && f.endsWith('.json')).sort();

interface Expect {
  status?: string;
  /** Every task of the instance → its status (exact). */
  tasks?: Record<string, string>;
  /** Pending timers → kind (exact). */
  timers?: Record<string, string>;
  /** The commands of the step, each matched partially, in order, exact count. */
  commands?: Record<string, unknown>[];
  /** Commands of the step that must appear in this order (others may come between). */
  commandsInclude?: Record<string, unknown>[];
  error?: string;
  /** History types appended by the step (exact). */
  history?: string[];
  /** History types appended by the step that must appear in this order. */
  historyInclude?: string[];
  /** History entries appended by the step that must appear in this order, each matched partially. */
  historyMatch?: Record<string, unknown>[];
  /** Matched partially against the new state. */
  state?: Record<string, unknown>;
  /** The event changed nothing: same state object, no commands, no error (late timers). */
  unchanged?: boolean;
}

interface RunFixture {
  description: string;
  definition?: FlowDefinition;
  definitionFile?: string;
  at?: string;
  options?: StepOptions;
  steps: { name?: string; event: Omit<FlowEvent, 'at'> & { at?: string }; expect: Expect }[];
}

/** Whether `want` appears in `have` in order (a subsequence), each item matched by `match`. */
function subsequence<T, W>(have: readonly T[], want: readonly W[], match: (h: T, w: W) => boolean): boolean {
  let i = 0;
  for (const h of have) if (i < want.length && match(h, want[i]!)) i++;
  return i === want.length;
}
const partial = (h: unknown, w: Record<string, unknown>) => {
  try {
    expect(h).toMatchObject(w);
    return true;
  } catch {
    return false;
  }
};

describe('run-*.json', () => {
  it('there are run fixtures', () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    const fx = read<RunFixture>(file);
    const def = fx.definition ?? read<FlowDefinition>(fx.definitionFile!);
    it(`${file}: ${fx.description}`, () => {
      let state: InstanceState | null = null;
      let at = fx.at ?? '2024-09-13T01:00:00Z';
      fx.steps.forEach((s, i) => {
        at = s.event.at ?? at;
        const label = `${file} step ${i} (${s.name ?? s.event.type})`;
        const before = state;
        const res = step(def, state, { ...s.event, at } as FlowEvent, fx.options);
        const ex = s.expect;
        const entries = res.state.history.slice(before && !res.error ? before.history.length : res.error ? res.state.history.length : 0);
        const added = entries.map((h) => h.type);
        if (ex.error) {
          expect(res.error?.code, label).toBe(ex.error);
          expect(res.commands, label).toEqual([]);
          if (before) expect(res.state, label).toBe(before);
        } else {
          expect(res.error, label).toBeUndefined();
        }
        if (ex.unchanged) {
          expect(res.state, label).toBe(before);
          expect(res.commands, label).toEqual([]);
        }
        if (ex.status) expect(res.state.status, label).toBe(ex.status);
        if (ex.tasks) expect(Object.fromEntries(Object.values(res.state.tasks).map((t) => [t.id, t.status])), label).toEqual(ex.tasks);
        if (ex.timers) expect(Object.fromEntries(Object.values(res.state.timers).map((t) => [t.id, t.kind])), label).toEqual(ex.timers);
        if (ex.commands) expect(res.commands, label).toMatchObject(ex.commands);
        if (ex.commandsInclude) expect(subsequence(res.commands, ex.commandsInclude, partial), `${label}: commands ${JSON.stringify(res.commands)}`).toBe(true);
        if (ex.history) expect(added, label).toEqual(ex.history);
        if (ex.historyInclude) expect(subsequence(added, ex.historyInclude, (h, w) => h === w), `${label}: history ${JSON.stringify(added)}`).toBe(true);
        if (ex.historyMatch) expect(subsequence(entries, ex.historyMatch, partial), `${label}: history ${JSON.stringify(entries)}`).toBe(true);
        if (ex.state) expect(res.state, label).toMatchObject(ex.state);
        state = res.state;
      });
    });
  }
});
