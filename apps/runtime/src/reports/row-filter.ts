import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { FieldFilter, RowFilter } from '@kiln/engine-reports';
import type { CurrentUser } from '../context.js';
import { formAccess, type AppAccess } from '../access/resolve.js';
import { policySql } from '../access/policy-sql.js';
import type { FormStorage } from '../records/schema-sync.js';

/**
 * The viewer's row permissions for reports, as SQL conditions per form: the compiler ANDs them
 * onto every table a report reads (base, joined, rolled up, tree), and a report with any
 * condition never reads a rollup. Forms the viewer may not read contribute no rows. Undefined
 * for unrestricted viewers.
 */
export function reportRowFilter(access: AppAccess, storage: Map<string, FormStorage>, user: CurrentUser): RowFilter | undefined {
  if (access.unrestricted) return undefined;
  return (form: string, alias: string): RawBuilder<SqlBool> | undefined => {
    const rule = formAccess(access, form).actions.read;
    if (!rule.allowed) return sql<SqlBool>`false`;
    if (!rule.where) return undefined;
    const env = { storage, user, self: access.self };
    const parts = rule.where.map((n) => policySql(n, form, alias, env));
    return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  };
}

/**
 * The viewer's hidden fields for reports: a report that reads one (as a dimension, measure,
 * filter, join or tree parent) is refused with REPORT_FIELD_HIDDEN — an aggregate over a hidden
 * field would disclose it as surely as a column. Undefined for unrestricted viewers.
 */
export function reportFieldFilter(access: AppAccess): FieldFilter | undefined {
  if (access.unrestricted) return undefined;
  return (form: string, field: string): boolean => !formAccess(access, form).hidden.has(field);
}

/** Whether the viewer may open a report. */
export function mayViewReport(access: AppAccess, report: string): boolean {
  return access.unrestricted || access.reports === '*' || access.reports.has(report);
}
