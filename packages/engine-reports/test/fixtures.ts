import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Catalog, DrillStep, ReportDefinition, RowFilter } from '../src/index.js';

const dir = new URL('../test-data/', import.meta.url);
export const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

export const catalogs: Record<string, Catalog> = {
  referral: read<Catalog>('referral-catalog.json'),
  livestream: read<Catalog>('livestream-catalog.json'),
};

/** The runtime clock all tests use: 2024-05-20 11:00 in Shanghai. */
export const NOW = '2024-05-20T03:00:00.000Z';

export interface ReportFixture {
  description: string;
  catalog: 'referral' | 'livestream';
  definition: ReportDefinition;
  params?: Record<string, unknown>;
  drill?: DrillStep[];
  rowFilter?: boolean;
}

export interface ErrorFixture {
  description: string;
  catalog: 'referral' | 'livestream';
  definition: unknown;
  problems: { code: string; path: string }[];
}

export const reportFiles = (prefix: string) => readdirSync(new URL('reports/', dir)).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();
export const readReport = <T>(file: string): T => read<T>(`reports/${file}`);

/** A stand-in for the permissions work: a viewer sees rows they created. */
export const ownRows: RowFilter = (_form, alias) => sql<boolean>`${sql.ref(`${alias}.created_by`)} = ${42}`;
