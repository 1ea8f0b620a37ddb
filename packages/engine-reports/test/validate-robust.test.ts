import { describe, expect, it } from 'vitest';
import { compileReport, ReportError, validateReport } from '../src/index.js';
import { catalogs, NOW, readReport, reportFiles, type ReportFixture } from './fixtures.js';

// Definitions come from the studio and from template files: any JSON must give problems, never a crash.
const WEIRD: unknown[] = process.env.FUZZ_ALL ? [null, 0, -1, 1.5, "", "x", "__proto__", [], {}, [null], { id: "x" }, true, "customer", "paid_at", [1, 2], "a".repeat(300)] : [null, 0, -1, 1.5, '', 'x', '__proto__', [], {}, [null], { id: 'x' }, true];

function* mutations(node: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  if (path.length) yield path;
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* mutations(node[i], [...path, i]);
  else if (node && typeof node === 'object') for (const k of Object.keys(node)) yield* mutations((node as Record<string, unknown>)[k], [...path, k]);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path.at(-1)!] = value;
  return copy;
}

describe('validateReport and compileReport never crash on malformed definitions', () => {
  for (const file of reportFiles('valid-')) {
    it(file, () => {
      const fx = readReport<ReportFixture>(file);
      const forms = catalogs[fx.catalog]!.forms as never;
      let n = 0;
      const paths = [...mutations(fx.definition)];
      const values = (i: number) => (process.env.FUZZ_ALL ? WEIRD : [WEIRD[i % WEIRD.length], WEIRD[(i + 5) % WEIRD.length]]);
      for (const [i, path] of paths.entries()) for (const weird of values(i)) {
        n++;
        const def = setAt(fx.definition, path, weird);
        const problems = validateReport(def, { forms });
        expect(Array.isArray(problems)).toBe(true);
        try {
          compileReport(def as never, catalogs[fx.catalog]!, { now: NOW, params: fx.params ?? {} });
        } catch (e) {
          if (!(e instanceof ReportError)) throw new Error(`${file} ${path.join('/')} = ${JSON.stringify(weird)}: ${(e as Error).stack}`);
        }
      }
      expect(n).toBeGreaterThan(5);
    });
  }
});
