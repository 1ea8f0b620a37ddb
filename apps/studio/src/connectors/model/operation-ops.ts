import type { ConnectorDefinition, OperationDefinition, StepDefinition } from '@kiln/engine-connectors';
import { uniqueName } from './keys';

/** The operation keys of a definition, in their stored order. */
export function operationKeys(def: ConnectorDefinition): string[] {
  return Object.keys(def.operations ?? {});
}

/** A new operation: one POST step to the base URL, its body the input. */
export function newOperation(): OperationDefinition {
  return { steps: [{ id: 'call', method: 'POST', path: '/', body: 'input' }], sample: { input: {} } };
}

/** Adds an operation under a free key (`operation`, `operation_2`, …); returns the definition and the key. */
export function addOperation(def: ConnectorDefinition): { def: ConnectorDefinition; key: string } {
  const key = uniqueName('operation', operationKeys(def));
  return { def: { ...def, operations: { ...def.operations, [key]: newOperation() } }, key };
}

/** Applies `fn` to operation `key` (unknown keys change nothing). */
export function updateOperation(def: ConnectorDefinition, key: string, fn: (op: OperationDefinition) => OperationDefinition): ConnectorDefinition {
  const op = def.operations?.[key];
  if (!op) return def;
  return { ...def, operations: { ...def.operations, [key]: fn(op) } };
}

/**
 * Renames an operation, keeping its place in the list, and the inbound `call` handlers that
 * name it. (Rules and flows of the app name operations too: they show a problem until fixed.)
 */
export function renameOperation(def: ConnectorDefinition, from: string, to: string): ConnectorDefinition {
  if (from === to || !def.operations?.[from] || def.operations[to]) return def;
  const operations: Record<string, OperationDefinition> = {};
  for (const [k, op] of Object.entries(def.operations)) operations[k === from ? to : k] = op;
  const next: ConnectorDefinition = { ...def, operations };
  if (def.inbound) {
    next.inbound = {
      ...def.inbound,
      handlers: def.inbound.handlers.map((h) => (h.action === 'call' && h.operation === from ? { ...h, operation: to } : h)),
    };
  }
  return next;
}

/** Removes an operation. */
export function removeOperation(def: ConnectorDefinition, key: string): ConnectorDefinition {
  if (!def.operations?.[key]) return def;
  const { [key]: _gone, ...operations } = def.operations;
  return { ...def, operations };
}

/** Adds a step at the end (a GET under a free id). */
export function addStep(op: OperationDefinition): OperationDefinition {
  const id = uniqueName('step', op.steps.map((s) => s.id));
  return { ...op, steps: [...op.steps, { id, method: 'GET', path: '/' }] };
}

/** Moves step `i` by `delta` places. */
export function moveStep(op: OperationDefinition, i: number, delta: -1 | 1): OperationDefinition {
  const j = i + delta;
  if (j < 0 || j >= op.steps.length) return op;
  const steps = [...op.steps];
  [steps[i], steps[j]] = [steps[j], steps[i]];
  return { ...op, steps };
}

/** Removes step `i` and its sample response. */
export function removeStep(op: OperationDefinition, i: number): OperationDefinition {
  const gone = op.steps[i];
  if (!gone) return op;
  const next: OperationDefinition = { ...op, steps: op.steps.filter((_, k) => k !== i) };
  const responses = op.sample?.responses;
  if (responses && gone.id in responses) {
    const { [gone.id]: _r, ...rest } = responses;
    next.sample = { ...op.sample, responses: rest };
  }
  return next;
}

/** Applies `fn` to step `i`. */
export function updateStep(op: OperationDefinition, i: number, fn: (s: StepDefinition) => StepDefinition): OperationDefinition {
  if (!op.steps[i]) return op;
  return { ...op, steps: op.steps.map((s, k) => (k === i ? fn(s) : s)) };
}

/** Renames step `i` (its sample response follows; later steps' `steps.<id>` are not rewritten). */
export function renameStep(op: OperationDefinition, i: number, to: string): OperationDefinition {
  const from = op.steps[i]?.id;
  if (from === undefined || from === to || op.steps.some((s) => s.id === to)) return op;
  const next = updateStep(op, i, (s) => ({ ...s, id: to }));
  const responses = op.sample?.responses;
  if (responses && from in responses) {
    const moved: NonNullable<typeof responses> = {};
    for (const [k, v] of Object.entries(responses)) moved[k === from ? to : k] = v;
    next.sample = { ...op.sample, responses: moved };
  }
  return next;
}

/** Sets (or with `undefined` removes) an optional string property of a step. */
export function setStepProp<K extends keyof StepDefinition>(s: StepDefinition, prop: K, value: StepDefinition[K] | undefined): StepDefinition {
  const next = { ...s };
  if (value === undefined || value === '') delete next[prop];
  else next[prop] = value;
  return next;
}

/** Sets (or with `''` removes) an optional string property of an operation. */
export function setOperationProp(op: OperationDefinition, prop: 'key' | 'result' | 'writeBack' | 'rule', value: string): OperationDefinition {
  const next = { ...op };
  if (value === '') delete next[prop];
  else next[prop] = value;
  return next;
}
