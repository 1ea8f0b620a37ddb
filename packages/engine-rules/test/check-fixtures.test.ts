import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kiln/engine-forms';
import { checkRules, compileProgram, RULE_ERRORS, schemaFromForms, type CheckOptions, type EntryCall, type LookupRecord, type RuleDefinition, type RuleProblem } from '../src/index.js';
import { createRunner, type ProgramRunner } from './helpers/run-program.js';

const dir = new URL('../test-data/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
const names = (prefix: string) => readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();

/** test-data/forms.json: the forms every fixture's rules are checked against. */
const schema = schemaFromForms(read<Record<string, FormDefinition>>('forms.json'));

/** A valid-*.json file: rules without problems, and evaluations with their exact outcome. */
interface ValidFixture {
  description: string;
  options?: CheckOptions;
  rules: Record<string, RuleDefinition>;
  runs?: Array<{ name: string; call: EntryCall; facts: unknown; now?: string; db?: Record<string, LookupRecord[]>; value?: unknown; error?: Partial<RuleProblem> }>;
}

/** An error-*.json file: rules and the problems checkRules must report (path, code; from/to/line/column/message when given). */
interface ErrorFixture {
  description: string;
  options?: CheckOptions;
  rules: Record<string, RuleDefinition>;
  problems: Array<{ rule: string; path: string; code: string; from?: number; to?: number; line?: number; column?: number; message?: { en?: string; 'zh-CN'?: string } }>;
}

const keyOf = (p: { rule?: string; path?: string; code: string }) => `${p.rule} ${p.path} ${p.code}`;

let runner: ProgramRunner;
beforeAll(async () => {
  runner = await createRunner();
});
afterAll(() => runner?.dispose());

describe('valid-*.json', () => {
  it('there are valid fixtures', () => expect(names('valid-').length).toBeGreaterThanOrEqual(1));
  for (const file of names('valid-')) {
    const fx = read<ValidFixture>(file);
    describe(`${file}: ${fx.description}`, () => {
      it('has no problems in either language', () => {
        expect(checkRules(fx.rules, schema, { ...fx.options, locale: 'en' })).toEqual([]);
        expect(checkRules(fx.rules, schema, { ...fx.options, locale: 'zh-CN' })).toEqual([]);
      });
      it('compiles every rule', () => {
        expect(compileProgram({ rules: fx.rules }).problems).toEqual([]);
      });
      for (const run of fx.runs ?? []) {
        it(`runs: ${run.name}`, async () => {
          const { program } = compileProgram({ rules: fx.rules });
          const res = await runner.run(program, run.call, run.facts, { ...(run.now ? { now: run.now } : {}), ...(run.db ? { db: run.db } : {}) });
          if (run.error) {
            expect(res.ok).toBe(false);
            if (!res.ok) expect(res.error).toMatchObject(run.error);
          } else {
            expect(res.ok ? res.value : res.error).toEqual(run.value);
          }
        });
      }
    });
  }
});

describe('error-*.json', () => {
  it('there are error fixtures', () => expect(names('error-').length).toBeGreaterThanOrEqual(8));
  for (const file of names('error-')) {
    const fx = read<ErrorFixture>(file);
    it(`${file}: ${fx.description}`, () => {
      const problems = checkRules(fx.rules, schema, { ...fx.options, locale: 'en' });
      expect(problems.map(keyOf).sort()).toEqual(fx.problems.map(keyOf).sort());
      for (const want of fx.problems) {
        const candidates = problems.filter((p) => keyOf(p) === keyOf(want));
        const { rule: _r, path: _p, code: _c, message, ...at } = want;
        const match = candidates.find((p) => Object.entries(at).every(([k, v]) => p[k as keyof RuleProblem] === v) && (!message?.en || p.message === message.en));
        expect(match, `${keyOf(want)} ${JSON.stringify(at)} ${message?.en ?? ''} in ${JSON.stringify(candidates)}`).toBeDefined();
      }
      for (const p of problems) {
        expect(p.code in RULE_ERRORS, p.code).toBe(true);
        expect(p.message).not.toMatch(/\{[a-z]\w*\}/);
      }
      const zh = checkRules(fx.rules, schema, { ...fx.options, locale: 'zh-CN' });
      expect(zh.map(keyOf).sort()).toEqual(problems.map(keyOf).sort());
      for (const p of zh) expect(p.message).not.toMatch(/\{[a-z]\w*\}/);
    });
  }
});
