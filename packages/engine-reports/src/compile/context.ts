import type { Locale } from '@kiln/engine-forms';
import type { Catalog, FieldFilter, RowFilter } from '../catalog.js';
import { ReportError, type ReportErrorCode } from '../errors.js';
import type { ResolvedParam } from '../model.js';
import type { Bilingual } from '../text.js';
import type { Param } from '../types.js';

/** What every compile step reads: the catalog, resolved params, time zone, locale, row filter. @internal */
export interface CompileContext {
  readonly catalog: Catalog;
  readonly params: Readonly<Record<string, ResolvedParam>>;
  /** The report's parameter declarations (references are checked against them). */
  readonly declared: readonly Param[];
  readonly timeZone: string;
  readonly locale: Locale;
  readonly rowFilter?: RowFilter;
  readonly fieldFilter?: FieldFilter;
}

/** Throws a ReportError in the context's locale. @internal */
export function fail(ctx: { readonly locale: Locale }, code: ReportErrorCode, path: string, message: Bilingual, details?: Record<string, unknown>): never {
  throw new ReportError(code, message, { path, details, locale: ctx.locale });
}

/** The default report time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
