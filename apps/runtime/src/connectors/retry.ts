import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { parseDuration } from '../clock.js';

/** A connector's retry policy with defaults filled in. */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 8 attempts, first retry after 30 s, delays capped at 1 h. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, initialDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** The retry policy of a definition (`retry.maxAttempts`, `initialDelay`, `maxDelay` as ISO 8601 durations). */
export function retryPolicy(def: Pick<ConnectorDefinition, 'retry'> | null | undefined): RetryPolicy {
  const r = def?.retry;
  const ms = (d: string | undefined, fallback: number) => (d ? parseDuration(d) ?? fallback : fallback);
  return {
    maxAttempts: r?.maxAttempts && r.maxAttempts > 0 ? r.maxAttempts : DEFAULT_RETRY.maxAttempts,
    initialDelayMs: ms(r?.initialDelay, DEFAULT_RETRY.initialDelayMs),
    maxDelayMs: ms(r?.maxDelay, DEFAULT_RETRY.maxDelayMs),
  };
}

/**
 * The wait before the next attempt after `attempts` failed ones: exponential
 * (`initialDelay·2^(attempts−1)`, at most `maxDelay`) with jitter — uniformly 50–100 % of it,
 * so deliveries that failed together do not all come back at the same moment.
 */
export function backoffMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + 0.5 * random()));
}
