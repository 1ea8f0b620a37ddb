import type { FormDefinition } from '@kiln/engine-forms';
import { toCsv, validateReport, type ReportDefinition } from '@kiln/engine-reports';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KilnError } from '../errors.js';
import { appByKey } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { listRecords } from '../records/service.js';
import { reportOf, reportSet } from '../reports/catalog.js';
import { mayViewReport, reportFieldFilter, reportRowFilter } from '../reports/row-filter.js';
import { appScope } from '../access/request.js';
import { recordGuard } from '../access/guard.js';
import { paramsOf, parseDrill, reportRecordIds, runReport, type ReportRequest } from '../reports/run.js';
import { localeOf, requireRole, tenantOf } from './guard.js';

const reportParams = { type: 'object', properties: { app: { type: 'string' }, report: { type: 'string' } }, required: ['app', 'report'] } as const;
const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;
const MAX_RECORDS_PAGE = 200;

/** The reports API: a published report's data, its underlying records, CSV; a builder's preview of a draft. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.kiln;
  const viewer = requireRole();

  const requestOf = (req: FastifyRequest, s: Awaited<ReturnType<typeof published>>): ReportRequest => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    return { params: paramsOf(query), drill: parseDrill(query._drill), rowFilter: s.rowFilter, fieldFilter: s.fieldFilter, now: clock.now().toISOString(), locale: localeOf(req) };
  };
  /** The report (if the caller's roles show it) and the caller's row filter over its forms. */
  const published = async (req: FastifyRequest) => {
    const p = req.params as { app: string; report: string };
    const s = await appScope(app.kiln, req, p.app, { reads: true });
    const row = s.app;
    const set = await reportSet(db, row);
    const def = reportOf(set, p.report);
    if (!mayViewReport(s.access, def.key)) throw new KilnError('FORBIDDEN', `Your roles do not show report "${def.key}".`);
    const storage = (await formRuntimeOf(db, row, def.dataset.form)).allStorage;
    return { row, set, def, scope: s, rowFilter: reportRowFilter(s.access, storage, s.user), fieldFilter: reportFieldFilter(s.access) };
  };

  app.get('/api/apps/:app/reports/:report/data', { preHandler: viewer, schema: { summary: 'A published report\'s figures: {columns, rows, chart, drill}', tags: ['reports'], params: reportParams } }, async (req) => {
    const pub = await published(req);
    const { set, def } = pub;
    return runReport(db, def, set.catalog, requestOf(req, pub));
  });

  app.get('/api/apps/:app/reports/:report/csv', { preHandler: viewer, schema: { summary: 'A published report as CSV (UTF-8 with BOM)', tags: ['reports'], params: reportParams } }, async (req, reply) => {
    const pub = await published(req);
    const { set, def } = pub;
    if (!pub.scope.access.unrestricted && !pub.scope.access.forms.get(def.dataset.form)?.actions.export.allowed) throw new KilnError('FORBIDDEN', `You may not export ${def.dataset.form} data.`);
    const r = requestOf(req, pub);
    const result = await runReport(db, def, set.catalog, r);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${def.key}.csv"`);
    return '\ufeff' + toCsv(result, r.locale);
  });

  app.get('/api/apps/:app/reports/:report/records', {
    preHandler: viewer,
    schema: { summary: 'The records behind a report (after its filters and drill steps), newest first', tags: ['reports'], params: reportParams },
  }, async (req) => {
    const pub = await published(req);
    const { row, set, def } = pub;
    const query = req.query as { limit?: string; cursor?: string };
    const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), MAX_RECORDS_PAGE);
    const beforeId = query.cursor === undefined || query.cursor === '' ? undefined : Number(query.cursor);
    if (beforeId !== undefined && !(Number.isSafeInteger(beforeId) && beforeId > 0)) throw new KilnError('INVALID_CURSOR');
    const ids = await reportRecordIds(db, def, set.catalog, { ...requestOf(req, pub), limit: limit + 1, beforeId });
    const page = ids.slice(0, limit);
    const rt = await formRuntimeOf(db, row, def.dataset.form);
    const guard = recordGuard(pub.scope.access, rt, pub.scope.user);
    const { items } = page.length ? await listRecords(db, rt, { filter: JSON.stringify({ id: { $in: page } }), sort: '-id', limit }, guard) : { items: [] };
    return { form: def.dataset.form, items, nextCursor: ids.length > limit ? String(page[page.length - 1]) : null };
  });

  app.post('/api/apps/:app/reports/_preview', {
    preHandler: requireRole('builder'),
    schema: {
      summary: 'Run a report definition (a draft) against the published data', tags: ['reports'], params: appParams,
      body: { type: 'object', required: ['definition'], properties: { definition: { type: 'object' }, params: { type: 'object' }, drill: { type: 'array', maxItems: 5 } } },
    },
  }, async (req) => {
    const locale = localeOf(req);
    const row = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    // The published version's catalog (cached per version): drafts run against published forms and storage.
    const { catalog } = await reportSet(db, row);
    const body = req.body as { definition: unknown; params?: Record<string, unknown>; drill?: unknown };
    const problems = validateReport(body.definition, { forms: catalog.forms as Record<string, FormDefinition>, locale });
    if (problems.length) throw new KilnError('REPORT_INVALID', `${problems.length} problem(s) in the report.`, { problems });
    const params = Object.fromEntries(Object.entries(body.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
    return runReport(db, body.definition as ReportDefinition, catalog, { params, drill: parseDrill(body.drill), now: clock.now().toISOString(), locale });
  });
}
