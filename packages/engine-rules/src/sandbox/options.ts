import type { RunOptions } from '../abi.js';
import type { RuleError } from '../types.js';
import { ruleError } from './host-errors.js';
import type { EvalEnv } from './isolate-slot.js';
import type { SandboxOptions } from './types.js';

/** Sandbox options with defaults applied. @internal */
export type SandboxSettings = Required<SandboxOptions>;

/** Defaults of `createSandbox` (see `SandboxOptions`). */
export const SANDBOX_DEFAULTS: Readonly<SandboxSettings> = Object.freeze({ poolSize: 2, memoryMb: 64, timeoutMs: 50, maxLookups: 200, programCacheSize: 200 });

const MINIMUM: Readonly<SandboxSettings> = { poolSize: 1, memoryMb: 8, timeoutMs: 1, maxLookups: 0, programCacheSize: 1 };

/**
 * Checks `createSandbox` options and applies the defaults. Throws a TypeError for an unknown key
 * or a value that is not an integer at or above its minimum: a wiring mistake, not rule data.
 * @internal
 */
export function sandboxSettings(opts: SandboxOptions = {}): SandboxSettings {
  const out: SandboxSettings = { ...SANDBOX_DEFAULTS };
  for (const [key, value] of Object.entries(opts)) {
    if (!(key in SANDBOX_DEFAULTS)) throw new TypeError(`createSandbox: unknown option '${key}'`);
    if (value === undefined) continue;
    const k = key as keyof SandboxSettings;
    if (!Number.isInteger(value) || value < MINIMUM[k]) throw new TypeError(`createSandbox: ${key} must be an integer ≥ ${MINIMUM[k]}`);
    out[k] = value;
  }
  return out;
}

const RUN_KEYS = new Set(['now', 'timeZone', 'lookup', 'timeoutMs', 'memo']);
const knownZones = new Set<string>(['Asia/Shanghai', 'UTC']);

function validZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

let lastNow = '';
let lastNowMs = NaN;
/** `Date.parse` with a one-entry cache: batches and bursts of evaluations share one clock reading. */
function parseNow(now: unknown): number {
  if (typeof now !== 'string') return NaN;
  if (now !== lastNow) {
    lastNow = now;
    lastNowMs = Date.parse(now);
  }
  return lastNowMs;
}

/** A checked RunOptions: the evaluation environment plus its time limit. @internal */
export interface RunSettings extends EvalEnv {
  timeoutMs: number;
}

/** Checks RunOptions; invalid options become a RULE_RUNTIME error (data, like every other failure). @internal */
export function runSettings(opts: RunOptions, settings: SandboxSettings): RunSettings | RuleError {
  for (const key in opts) if (!RUN_KEYS.has(key)) return ruleError('RULE_RUNTIME', `Unknown run option '${key}'`);
  const nowMs = parseNow(opts.now);
  if (!Number.isFinite(nowMs)) return ruleError('RULE_RUNTIME', `RunOptions.now must be an ISO date-time, got ${JSON.stringify(opts.now)}`);
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  if (typeof timeZone !== 'string' || !validZone(timeZone)) return ruleError('RULE_RUNTIME', `Unknown time zone ${JSON.stringify(timeZone)}`);
  const timeoutMs = opts.timeoutMs ?? settings.timeoutMs;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return ruleError('RULE_RUNTIME', 'RunOptions.timeoutMs must be a positive number');
  return { nowMs, timeZone, timeoutMs };
}
