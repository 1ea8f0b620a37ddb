/**
 * How the push fakes reach their targets: one POST / GET with a deadline; a target that cannot
 * be reached is reported as status 0 (the platform would simply try again later).
 * @internal
 */
import type { PushReply } from './types.js';

const TIMEOUT_MS = 10_000;

/** Sends one request and returns the target's status and body (status 0 on a network error). */
export async function sendTo(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<PushReply> {
  try {
    const res = await fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: res.status, body: await res.text() };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { status: 0, body: `unreachable: ${(e as Error).message}${cause ? ` (${cause})` : ''}` };
  }
}

/** Keeps timestamps of calls in the last minute (a sliding window), per key. */
export class MinuteWindow {
  private readonly calls = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}
  /** Whether a call now would be within the limit (nothing is recorded). */
  available(key: string, now = Date.now()): boolean {
    return (this.calls.get(key) ?? []).filter((t) => now - t < 60_000).length < this.perMinute;
  }
  /** Records a call now; false when it is over the limit (the call is then not counted). */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < 60_000);
    const ok = recent.length < this.perMinute;
    if (ok) recent.push(now);
    this.calls.set(key, recent);
    return ok;
  }
  clear(): void {
    this.calls.clear();
  }
}
