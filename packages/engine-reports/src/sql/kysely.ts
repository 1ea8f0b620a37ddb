import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery, type RawBuilder,
} from 'kysely';

/** Raw SQL fragment (kysely's `sql` template): values are bound, identifiers come from `ident`. */
export type Sql = RawBuilder<unknown>;

/**
 * A Kysely instance that never connects: compilation needs only the PostgreSQL adapter and query
 * compiler (works for PostgreSQL and PGlite alike). @internal
 */
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Compiles a fragment to `{sql, parameters}`. @internal */
export function compileSql(fragment: Sql): CompiledQuery {
  return fragment.compile(compiler);
}

/** `a, b, c` @internal */
export const list = (parts: readonly Sql[], sep: Sql = sql`, `): Sql => sql.join([...parts], sep);

/** `a and b and c` (true when empty) @internal */
export const and = (parts: readonly Sql[]): Sql => (parts.length ? sql.join([...parts], sql` and `) : sql`true`);

export { sql };
