/**
 * The contract between the compiler (rule definitions → one JavaScript program) and the
 * isolated-vm sandbox that runs it. Both sides import these types; nothing here does I/O.
 *
 * ## The program
 *
 * `compileProgram()` turns the rules of one app version into a `Program`: a script whose
 * completion value is an object of entry points
 *
 * ```js
 * ({
 *   rules:  { [ruleKey]:  function (facts) { return RuleOutcome } },
 *   tables: { [tableKey]: function (facts) { return TableOutcome } },
 *   exprs:  { [exprId]:   function (facts) { return value } },   // formulas, ad-hoc expressions
 * })
 * ```
 *
 * The script is compiled in the sandbox with the file name `PROGRAM_FILENAME` and runs in strict
 * mode. Every user expression becomes its own function on its own lines, so the generated code
 * can map an error's `stack` position (`kiln:program:LINE:COL`) back to the expression's path and
 * line/column. Generated code catches errors per expression and throws
 * `{ [RULE_ERROR_TAG]: RuleError }` (a plain object), which the sandbox copies out as data.
 *
 * ## What the sandbox provides (globals, installed before the program runs, then frozen)
 *
 * - the helper library: `money`, `num`, `str`, `list`, `date` (see `helpers.ts` for the
 *   signatures the static checker knows), `now()` / `today()` from the runtime clock (`Date` and
 *   `Date.now()` read the same clock), `ref(actionId)` → `{ $ref: actionId }`;
 * - `db`: lookups through the host's `LookupPort` (`db.get(form, id)`, `db.find(form, filter)`,
 *   `db.all(form, filter, opts?)`, `db.count(form, filter)`, `db.sum(form, field, filter)`),
 *   synchronous from the rule's point of view (see `Sandbox.run`);
 * - `__kiln`: internal support for generated code (`__kiln.fail(code, message, path, err?)`
 *   builds and throws the tagged error object, mapping `err.stack` to line/column).
 *
 * Nothing else: no `process`, `require`, `import()`, timers, network, or host objects. Built-in
 * prototypes and the globals are frozen so one evaluation cannot change what the next one sees.
 */
import type { RuleError } from './types.js';

/** File name the sandbox compiles a program under (appears in error stacks). */
export const PROGRAM_FILENAME = 'kiln:program';

/** Property name of the tagged error object generated code throws. */
export const RULE_ERROR_TAG = '__kilnRuleError';

/** A compiled program: its source and a content hash (the sandbox's compile-cache key). */
export interface Program {
  /** sha-like hex of the source (plus the semantics version); equal hashes ⇒ equal programs. */
  hash: string;
  source: string;
}

/** Which entry point of a program to call. */
export interface EntryCall {
  kind: 'rules' | 'tables' | 'exprs';
  key: string;
}

/** A filter in the records API shape: `{ field: value }` or `{ field: { $gt, $in, … } }`. */
export type LookupFilter = Record<string, unknown>;

/** A record as lookups return it: fields by key plus `id`, `createdAt`, `updatedAt`. */
export type LookupRecord = Record<string, unknown> & { id: number };

/**
 * Lookups a rule may make, answered by the runtime (inside the transaction of the write being
 * processed). The sandbox memoises answers per evaluation.
 */
export interface LookupPort {
  get(form: string, id: number): Promise<LookupRecord | null>;
  find(form: string, filter: LookupFilter): Promise<LookupRecord | null>;
  all(form: string, filter: LookupFilter, opts?: { limit?: number; sort?: string }): Promise<LookupRecord[]>;
  count(form: string, filter: LookupFilter): Promise<number>;
  sum(form: string, field: string, filter: LookupFilter): Promise<number>;
}

/** Per-evaluation settings. */
export interface RunOptions {
  /** The runtime clock's current time, ISO 8601; `now()`, `today()`, `Date` read it. */
  now: string;
  /** Time zone for `today()` and date helpers (default `Asia/Shanghai`). */
  timeZone?: string;
  lookup?: LookupPort;
  /** Per-evaluation CPU time limit in ms (default from the sandbox options). */
  timeoutMs?: number;
  /**
   * Lookup answers shared between evaluations (keyed by method and arguments), e.g. by every
   * rule a write fires: answers fetched by one evaluation save the next one its restarts. The
   * caller owns freshness — clear it whenever the data behind the port may have changed.
   */
  memo?: Map<string, unknown>;
}

/** Result of one evaluation: the entry point's value, or an error as data. */
export type RunResult<T = unknown> =
  | { ok: true; value: T; durationUs: number; lookups: number }
  | { ok: false; error: RuleError; durationUs: number; lookups: number };
