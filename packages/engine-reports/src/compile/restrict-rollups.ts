import { sql } from 'kysely';
import { ReportError } from '../errors.js';
import { Scope } from '../paths/scope.js';
import { and, type Sql } from '../sql/kysely.js';
import type { ReportDefinition } from '../types.js';
import type { CompileContext } from './context.js';
import { compileFilters } from './filters.js';

/**
 * Restricts the rollup subqueries of a filtered dataset to the keys of the rows that pass its
 * filters (`via in (select rk.id from <form> rk where <dataset filters>)`), so a report on the
 * last 30 days of customers aggregates only those customers' orders instead of every order —
 * an index range per key on the (via, id) index rather than a scan of the other table.
 * Returns undefined (no restriction) when the dataset has no filter that can be stated on its
 * own rows (line filters of an unnested dataset and filters on computed columns are left out).
 * @internal
 */
export function restrictRollups(def: ReportDefinition, ctx: CompileContext): ((via: Sql, match?: string) => Sql | undefined) | undefined {
  const filters = (def.dataset.filters ?? []).filter((f) => typeof f?.field === 'string' && !f.field.startsWith('$') && !(def.dataset.unnest && f.field.startsWith(`${def.dataset.unnest}.`)));
  if (!filters.length) return undefined;
  return (via, match) => {
    try {
      const scope = new Scope(ctx, { form: def.dataset.form, alias: 'rk', joinPrefix: 'rkj' }, '/dataset/form');
      const conds = compileFilters(scope, filters, '/dataset/filters').map((c) => c.sql);
      if (!conds.length) return undefined;
      const rf = scope.rowFilter(def.dataset.form, 'rk');
      if (rf) conds.push(rf);
      const key = match === undefined ? sql`rk.id` : scope.resolve(match, '/dataset/columns').sql;
      return sql`${via} in (select ${key}\n${scope.fromClause('/dataset')}\nwhere ${and(conds)})`;
    } catch (e) {
      if (e instanceof ReportError) return undefined;
      throw e;
    }
  };
}
