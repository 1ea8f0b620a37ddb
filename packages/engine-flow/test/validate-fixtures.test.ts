import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowProblem, type FormInfo, type ValidateOptions } from '../src/index.js';

// test-data/error-*.json must be refused with (at least) the listed problems; valid-*.json,
// the livestream template and the run-*.json definitions must have none.
const dir = new URL('../test-data/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
const names = (prefix: string) => readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();

const forms = read<Record<string, FormInfo>>('forms.json');
/** A stand-in for engine-rules' checkExpression: `@@` is a syntax error. */
const checkExpression = (source: string) => (source.includes('@@') ? 'Syntax error: unexpected "@"' : null);
const optionsOf = (o?: Partial<ValidateOptions>): ValidateOptions => ({ forms, checkExpression, ...o });

interface ErrorFixture {
  description: string;
  definition: unknown;
  options?: Partial<ValidateOptions>;
  problems: Array<Partial<FlowProblem> & { code: string }>;
}

describe('error-*.json', () => {
  it('there are error fixtures', () => expect(names('error-').length).toBeGreaterThanOrEqual(13));
  for (const file of names('error-')) {
    const fx = read<ErrorFixture>(file);
    it(`${file}: ${fx.description}`, () => {
      const got = validateFlow(fx.definition, optionsOf(fx.options));
      for (const want of fx.problems) {
        expect(got, `${file}: ${JSON.stringify(want)}`).toContainEqual(expect.objectContaining(want));
      }
    });
    it(`${file}: messages in both languages`, () => {
      const zh = validateFlow(fx.definition, optionsOf({ ...fx.options, locale: 'zh-CN' }));
      const en = validateFlow(fx.definition, optionsOf({ ...fx.options, locale: 'en' }));
      expect(zh.map(({ message: _, ...p }) => p)).toEqual(en.map(({ message: _, ...p }) => p));
      for (const p of [...zh, ...en]) expect(p.message).not.toBe('');
      // A problem about a node says which one (or an edge, or a definition path).
      for (const p of en) expect(p.nodeId ?? p.edgeId ?? p.path, JSON.stringify(p)).toBeDefined();
    });
  }
});

describe('valid flows', () => {
  const valid = names('valid-').map((f) => [f, read<{ definition: unknown; options?: Partial<ValidateOptions> }>(f)] as const);
  const template = ['livestream-order-review.json', { definition: read<unknown>('livestream-order-review.json') as unknown, options: undefined }] as const;
  for (const [file, fx] of [...valid, template]) {
    it(`${file} has no problems`, () => {
      expect(validateFlow(fx.definition, optionsOf(fx.options))).toEqual([]);
      expect(validateFlow(fx.definition)).toEqual([]);
    });
  }
  // The interpreter fixtures run realistic flows: all but the deliberate runaway loop are valid.
  for (const file of names('run-').filter((f) => !f.startsWith('run-step-limit'))) {
    const fx = read<{ definition?: unknown; definitionFile?: string }>(file);
    it(`${file}: its definition has no problems`, () => {
      const def = fx.definition ?? read<unknown>(fx.definitionFile!);
      expect(validateFlow(def, optionsOf({ flows: ['refund', 'notify_customer'], connectors: ['kingdee'] }))).toEqual([]);
    });
  }
});
