/**
 * The runtime's clock port. Every engine and job reads time from here, never from `Date.now()`,
 * so tests can move time (KILN_TEST_CLOCK=1, contract "Time").
 */
export interface Clock {
  /** Current time. */
  now(): Date;
  /** Whether this clock can be set by tests. */
  readonly manual: boolean;
}

/** Callback run after the manual clock moves, to run every timer and job now due. */
export type DueRunner = (now: Date) => Promise<void>;

/** Wall-clock time. */
export class SystemClock implements Clock {
  readonly manual = false;
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that only moves when told to. `set`/`advance` await every registered due-runner before
 * resolving, so a test's next request sees the effects of every timer that fell due.
 */
export class ManualClock implements Clock {
  readonly manual = true;
  private current: number;
  private readonly runners: DueRunner[] = [];

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Registers a runner that `set`/`advance` await. */
  onAdvance(runner: DueRunner): void {
    this.runners.push(runner);
  }

  async set(to: Date): Promise<Date> {
    this.current = to.getTime();
    for (const run of this.runners) await run(this.now());
    return this.now();
  }

  async advance(ms: number): Promise<Date> {
    return this.set(new Date(this.current + ms));
  }
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration of weeks/days/hours/minutes/seconds (`P3D`, `PT1H30M`) to ms; null if invalid. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, min, s] = m;
  return ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000;
}
