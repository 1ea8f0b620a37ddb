import type { LookupPort } from '../abi.js';
import type { RuleError } from '../types.js';
import { ruleError } from './host-errors.js';

/** The `db.*` methods, in the order of the LookupPort interface. */
export const LOOKUP_METHODS = ['get', 'find', 'all', 'count', 'sum'] as const;
export type LookupMethod = (typeof LOOKUP_METHODS)[number];

interface Request {
  method: LookupMethod;
  args: unknown[];
}

const isMethod = (m: unknown): m is LookupMethod => (LOOKUP_METHODS as readonly unknown[]).includes(m);

/** How a request reads in an error message: `db.get("customers", 3)`. */
const show = (r: Request): string => `db.${r.method}(${r.args.map((a) => JSON.stringify(a)).join(', ')})`;

/** Calls the port method a request names; arguments were checked by the prelude. */
function callPort(port: LookupPort, { method, args }: Request): Promise<unknown> {
  const [form, a, b] = args as [string, never, never];
  switch (method) {
    case 'get': return port.get(form, a);
    case 'find': return port.find(form, a);
    case 'all': return args.length > 2 ? port.all(form, a, b) : port.all(form, a);
    case 'count': return port.count(form, a);
    case 'sum': return port.sum(form, a, b);
  }
}

/**
 * The lookups of one evaluation. `answer` is what the isolate's `db.*` reach synchronously: a hit
 * in the memo (keyed by the JSON of method and arguments) or a miss, which is recorded here —
 * on the host, where a `try/catch` in the rule cannot erase it. Between attempts the sandbox
 * calls `fetchPending`, which asks the port for every recorded miss (at most `max` port calls
 * per evaluation) and fills the memo.
 * @internal
 */
export class LookupMemo {
  /** Port calls made so far. */
  calls = 0;
  // Created on first use (most evaluations make no lookup), unless the caller shares one.
  private answers: Map<string, unknown> | null;
  private pending: Map<string, Request> | null = null;

  /** `shared`: answers shared with other evaluations (`RunOptions.memo`), read and filled here. */
  constructor(
    private readonly port: LookupPort | undefined,
    private readonly max: number,
    shared?: Map<string, unknown>,
  ) {
    this.answers = shared ?? null;
  }

  /** Misses recorded since the last `fetchPending`. */
  get hasPending(): boolean {
    return this.pending !== null && this.pending.size > 0;
  }

  readonly answer = (method: unknown, args: unknown): [unknown] | null => {
    const key = JSON.stringify([method, args]);
    if (this.answers?.has(key)) return [this.answers.get(key)];
    this.pending ??= new Map();
    if (isMethod(method) && Array.isArray(args)) this.pending.set(key, { method, args });
    else this.pending.set(key, { method: 'get', args: [] }); // unreachable from the prelude; fails below
    return null;
  };

  /** Fetches every recorded miss; an error when the port fails, is missing, or the cap is hit. */
  async fetchPending(): Promise<RuleError | null> {
    const requests = [...(this.pending ?? [])];
    this.pending = null;
    const answers = (this.answers ??= new Map());
    const first = requests[0][1];
    if (!this.port) return ruleError('RULE_LOOKUP_FAILED', `${show(first)} needs a lookup port; none was given`);
    if (this.calls + requests.length > this.max) {
      return ruleError('RULE_LOOKUP_FAILED', `The evaluation needs more than ${this.max} lookups (at ${show(first)})`);
    }
    for (const [key, request] of requests) {
      if (request.args.length === 0) return ruleError('RULE_LOOKUP_FAILED', 'Malformed lookup request');
      this.calls++;
      try {
        answers.set(key, await callPort(this.port, request));
      } catch (e) {
        return ruleError('RULE_LOOKUP_FAILED', `${show(request)} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return null;
  }
}
