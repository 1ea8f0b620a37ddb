import type { FormDefinition, Locale } from '@kiln/engine-forms';
import type { RawBuilder, SqlBool } from 'kysely';

/** Physical storage of one field (the runtime's `form_tables.columns` entry). */
export interface StorageColumn {
  readonly column: string;
  readonly sqlType: string;
  /** many-relations: the join table `(src, dst)`. */
  readonly joinTable?: string;
  readonly retired?: boolean;
}

/** Physical storage of one published form. */
export interface FormStorageInfo {
  readonly table: string;
  /** by field id */
  readonly columns: Readonly<Record<string, StorageColumn>>;
}

/**
 * What the compiler may read: form definitions (for keys, types, labels, options) and their
 * storage (the identifier allow-list). Names are checked again against `^[a-z][a-z0-9_]{0,62}$`.
 */
export interface Catalog {
  readonly forms: Readonly<Record<string, FormDefinition>>;
  readonly storage: Readonly<Record<string, FormStorageInfo>>;
}

/** A click on a chart: the value of a dimension (the key column's value, e.g. a relation id or a bucket start). */
export interface DrillStep {
  readonly dimension: string;
  readonly value: unknown;
}

/**
 * The viewer's row permissions as an SQL condition on one table alias, or undefined for no
 * restriction. The permissions work fills this hook; the compiler applies it to every table the
 * report reads (base, joined, rolled-up).
 */
export type RowFilter = (form: string, alias: string) => RawBuilder<SqlBool> | undefined;

/**
 * The viewer's field permissions: false for a field of a form the viewer may not see. A report
 * that groups, measures, filters, sorts or joins by such a field fails with REPORT_FIELD_HIDDEN
 * (even an aggregate would disclose it); a relation's label falls back to a visible field.
 */
export type FieldFilter = (form: string, field: string) => boolean;

export interface CompileOptions {
  /** Raw parameter values as they arrive (query-string strings, or JSON values). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The runtime clock's now (ISO) — date presets resolve against it. */
  readonly now: string;
  readonly locale?: Locale;
  /** Drill-down steps already taken (each fixes a dimension's value; the chart moves along `drill.path`). */
  readonly drill?: readonly DrillStep[];
  readonly rowFilter?: RowFilter;
  readonly fieldFilter?: FieldFilter;
}
