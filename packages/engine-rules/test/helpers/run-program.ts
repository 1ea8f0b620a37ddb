import { existsSync } from 'node:fs';
import vm from 'node:vm';
import { PROGRAM_FILENAME, RULE_ERROR_TAG, type EntryCall, type LookupFilter, type LookupPort, type LookupRecord, type Program, type RuleError, type RunResult } from '../../src/index.js';

/**
 * A minimal stand-in for the sandbox prelude, for running compiled programs under node:vm in
 * tests when the real isolated-vm sandbox is not available: the helper globals the tests use,
 * `ref`, synchronous `db.*` over a fake store (`__db`), and `__kiln.fail` with the ABI's
 * position mapping (first `kiln:program:L:C` frame, relative to the expression's origin).
 */
export const STANDIN_PRELUDE = String.raw`
'use strict';
(function (g) {
  const TAG = '__kilnRuleError';
  function floor(x) { return Math.floor(x + 1e-9); }
  function toList(x) { return x === null || x === undefined ? [] : x; }
  g.money = {
    pct(fen, p) { return floor(fen * p / 100); },
    mul(fen, f) { return floor(fen * f); },
    share(fen, part, whole) { return Math.trunc(fen * part / whole); },
    fromYuan(y) { return Math.round(y * 100); },
    format(fen) { return '¥' + (fen / 100).toFixed(2); },
    sum(items, fn) { let s = 0; toList(items).forEach((x, i) => { s += fn ? fn(x, i) : x; }); return s; },
  };
  g.num = {
    floor: Math.floor, ceil: Math.ceil, abs: Math.abs,
    round(x, d) { const f = Math.pow(10, d || 0); return Math.round(x * f) / f; },
    clamp(x, a, b) { return Math.min(Math.max(x, a), b); },
    min(...a) { return Math.min(...a); }, max(...a) { return Math.max(...a); },
  };
  g.str = {
    lower: (s) => String(s).toLowerCase(), upper: (s) => String(s).toUpperCase(), trim: (s) => String(s).trim(),
    len: (s) => String(s).length, contains: (s, p) => String(s).includes(p), startsWith: (s, p) => String(s).startsWith(p),
    pad: (s, n, f) => String(s).padStart(n, f === undefined ? ' ' : f), concat: (...p) => p.map((x) => (x == null ? '' : String(x))).join(''),
  };
  g.list = {
    sum(items, fn) { return g.money.sum(items, fn); },
    count(items, fn) { return fn ? toList(items).filter(fn).length : toList(items).length; },
    map: (items, fn) => toList(items).map(fn), filter: (items, fn) => toList(items).filter(fn),
    find: (items, fn) => { const r = toList(items).find(fn); return r === undefined ? null : r; },
    includes: (items, v) => toList(items).includes(v), unique: (items) => [...new Set(toList(items))],
    first: (items) => (toList(items).length ? items[0] : null), last: (items) => (toList(items).length ? items[items.length - 1] : null),
    range: (n) => Array.from({ length: n }, (_, i) => i),
  };
  g.now = () => g.__now;
  g.today = () => g.__now.slice(0, 10);
  g.date = {
    addDays: (at, n) => new Date(Date.parse(at) + n * 864e5).toISOString(),
    addHours: (at, n) => new Date(Date.parse(at) + n * 36e5).toISOString(),
    diffDays: (a, b) => Math.floor((Date.parse(b) - Date.parse(a)) / 864e5),
    day: (at) => String(at).slice(0, 10),
    startOfDay: (at) => String(at).slice(0, 10) + 'T00:00:00.000Z',
    isBefore: (a, b) => Date.parse(a) < Date.parse(b), isAfter: (a, b) => Date.parse(a) > Date.parse(b),
  };
  g.ref = (id) => ({ $ref: id });
  g.db = {
    get: (form, id) => g.__db.get(form, id), find: (form, f) => g.__db.find(form, f),
    all: (form, f, o) => g.__db.all(form, f, o), count: (form, f) => g.__db.count(form, f),
    sum: (form, field, f) => g.__db.sum(form, field, f),
  };
  const POS = /kiln:program:(\d+):(\d+)/;
  function fail(code, message, path, err, origin) {
    if (err !== null && typeof err === 'object' && Object.prototype.hasOwnProperty.call(err, TAG)) throw err;
    const e = { code: code, message: message || String(err) };
    if (Array.isArray(origin) && typeof origin[2] === 'string') e.rule = origin[2];
    if (typeof path === 'string') e.path = path;
    const m = err && typeof err.stack === 'string' ? POS.exec(err.stack) : null;
    if (m && Array.isArray(origin)) {
      const line = Number(m[1]) - origin[0] + 1;
      const column = line === 1 ? Number(m[2]) - origin[1] + 1 : Number(m[2]);
      if (line >= 1 && column >= 1) { e.line = line; e.column = column; }
    }
    const thrown = {};
    thrown[TAG] = e;
    throw thrown;
  }
  g.__kiln = { fail: fail };
})(globalThis);
`;

type Store = Record<string, LookupRecord[]>;

function matches(r: LookupRecord, filter: LookupFilter): boolean {
  return Object.entries(filter).every(([k, want]) => {
    const v = r[k];
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
      const ops = want as Record<string, unknown>;
      return Object.entries(ops).every(([op, x]) => {
        switch (op) {
          case '$in': return (x as unknown[]).includes(v);
          case '$ne': return v !== x;
          case '$gt': return (v as number) > (x as number);
          case '$gte': return (v as number) >= (x as number);
          case '$lt': return (v as number) < (x as number);
          case '$lte': return (v as number) <= (x as number);
          default: return false;
        }
      });
    }
    return v === want;
  });
}

/** Synchronous lookups over an in-memory store (what the stand-in prelude calls). */
export function fakeDb(store: Store) {
  const rows = (form: string) => store[form] ?? [];
  return {
    get: (form: string, id: number) => rows(form).find((r) => r.id === id) ?? null,
    find: (form: string, f: LookupFilter) => rows(form).find((r) => matches(r, f ?? {})) ?? null,
    all: (form: string, f: LookupFilter) => rows(form).filter((r) => matches(r, f ?? {})),
    count: (form: string, f: LookupFilter) => rows(form).filter((r) => matches(r, f ?? {})).length,
    sum: (form: string, field: string, f: LookupFilter) => rows(form).filter((r) => matches(r, f ?? {})).reduce((s, r) => s + ((r[field] as number) ?? 0), 0),
  };
}

/** The same store as a LookupPort (what the real sandbox takes). */
export function fakeLookup(store: Store): LookupPort {
  const db = fakeDb(store);
  return {
    get: async (form, id) => db.get(form, id),
    find: async (form, f) => db.find(form, f),
    all: async (form, f) => db.all(form, f),
    count: async (form, f) => db.count(form, f),
    sum: async (form, field, f) => db.sum(form, field, f),
  };
}

/** Options of one test evaluation. */
export interface TestRunOptions {
  now?: string;
  /** Records the lookups answer, by form key. */
  db?: Record<string, LookupRecord[]>;
}

/** Runs programs the way the runtime does: the real sandbox when there is one, else node:vm. */
export interface ProgramRunner {
  readonly kind: 'sandbox' | 'node:vm';
  run<T = unknown>(program: Program, call: EntryCall, facts: unknown, opts?: TestRunOptions): Promise<RunResult<T>>;
  dispose(): void;
}

const DEFAULT_NOW = '2024-05-01T08:00:00.000Z';

/** The stand-in: a fresh node:vm context per run, with the stand-in prelude and fake lookups. */
function nodeVmRunner(): ProgramRunner {
  return {
    kind: 'node:vm',
    async run<T>(program: Program, call: EntryCall, facts: unknown, opts: TestRunOptions = {}): Promise<RunResult<T>> {
      const ctx = vm.createContext({});
      vm.runInContext(STANDIN_PRELUDE, ctx);
      Object.assign(ctx, { __now: opts.now ?? DEFAULT_NOW, __db: fakeDb(opts.db ?? {}), __facts: JSON.stringify(facts ?? null) });
      const entries = new vm.Script(program.source, { filename: PROGRAM_FILENAME }).runInContext(ctx) as Record<string, Record<string, (f: unknown) => unknown>>;
      const fn = entries[call.kind]?.[call.key];
      if (!fn) return { ok: false, error: { code: 'RULE_INVALID', message: `no entry ${call.kind}.${call.key}` }, durationUs: 0, lookups: 0 };
      try {
        const value = fn(vm.runInContext('JSON.parse(__facts)', ctx));
        return { ok: true, value: (value === undefined ? undefined : JSON.parse(JSON.stringify(value))) as T, durationUs: 0, lookups: 0 };
      } catch (e) {
        const tagged = e !== null && typeof e === 'object' && RULE_ERROR_TAG in e;
        const error: RuleError = tagged ? JSON.parse(JSON.stringify((e as Record<string, unknown>)[RULE_ERROR_TAG])) : { code: 'RULE_RUNTIME', message: String(e) };
        return { ok: false, error, durationUs: 0, lookups: 0 };
      }
    },
    dispose() {},
  };
}

interface SandboxModule {
  createSandbox(opts?: Record<string, unknown>): {
    run<T>(program: Program, call: EntryCall, facts: unknown, opts: { now: string; lookup?: unknown }): Promise<RunResult<T>>;
    dispose(): void;
  };
}

/**
 * A runner for compiled programs: the real isolated-vm sandbox (`src/sandbox/index.ts`,
 * `createSandbox().run(program, call, facts, { now, lookup })`) when it exists, otherwise a
 * node:vm stand-in. `KILN_RULES_STANDIN=1` forces the stand-in.
 */
export async function createRunner(): Promise<ProgramRunner> {
  const entry = new URL('../../src/sandbox/index.ts', import.meta.url);
  if (process.env.KILN_RULES_STANDIN !== '1' && existsSync(entry)) {
    const mod = (await import(entry.href)) as Partial<SandboxModule>;
    if (typeof mod.createSandbox === 'function') {
      const sb = mod.createSandbox({ poolSize: 1 });
      return {
        kind: 'sandbox',
        run: (program, call, facts, opts = {}) => sb.run(program, call, facts, { now: opts.now ?? DEFAULT_NOW, ...(opts.db ? { lookup: fakeLookup(opts.db) } : {}) }),
        dispose: () => sb.dispose(),
      };
    }
  }
  return nodeVmRunner();
}
