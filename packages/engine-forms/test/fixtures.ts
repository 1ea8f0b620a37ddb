import { readdirSync, readFileSync } from 'node:fs';
import type { DefinitionContext, FormDefinition } from '../src/index.js';

const dir = new URL('../test-data/', import.meta.url);

/** Reads one JSON file of test-data/. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
}

/** Names of the files in test-data/ starting with `prefix`. */
export function fixtureNames(prefix: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();
}

/** Every valid-*.json definition. */
export function validDefinitions(): Array<{ name: string; def: FormDefinition }> {
  return fixtureNames('valid-').map((name) => ({ name, def: readFixture<FormDefinition>(name) }));
}

/** An error-*.json case. */
export interface ErrorFixture {
  description: string;
  context: DefinitionContext;
  definition: unknown;
  problems: Array<{ path: string; code: string }>;
}

/** A records-*.json case file. */
export interface RecordFixture {
  form: string;
  base: Record<string, unknown>;
  cases: Array<{
    name: string;
    mode: 'create' | 'update';
    locale?: 'zh-CN' | 'en';
    replace?: boolean;
    data: unknown;
    ok?: boolean;
    value?: Record<string, unknown>;
    absent?: string[];
    errors?: Array<{ path: string; code: string; message?: string }>;
  }>;
}
