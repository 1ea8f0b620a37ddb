import type { FormDefinition } from '@kiln/engine-forms';
import { toCsv, validateReport, type ReportDefinition } from '@kiln/engine-reports';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KilnError } from '../errors.js';
import { appByKey } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { listRecords } from '../records/service.js';
import { reportOf, reportSet } from '../reports/catalog.js';
import { reportRowFilter } from '../reports/row-filter.js';
import { paramsOf, parseDrill, reportRecordIds, runReport, type ReportRequest } from '../reports/run.js';
import { currentUser, localeOf, requireRole } from './guard.js';

const reportParams = { type: 'object', properties: { app: { type: 'string' }, report: { type: 'string' } }, required: ['app', 'report'] } as const;
const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;
const MAX_RECORDS_PAGE = 200;

/** The reports API: a published report's data, its underlying records, CSV; a builder's preview of a draft. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.kiln;
  const viewer = requireRole('operator', 'builder');

  const requestOf = (req: FastifyRequest): ReportRequest => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    return { params: paramsOf(query), drill: parseDrill(query._drill), rowFilter: reportRowFilter(currentUser(req)), now: clock.now().toISOString(), locale: localeOf(req) };
  };
  const published = async (req: FastifyRequest) => {
    const p = req.params as { app: string; report: string };
    const row = await appByKey(db, p.app);
    const set = await reportSet(db, row);
    return { row, set, def: reportOf(set, p.report) };
  };

  app.get('/api/apps/:app/reports/:report/data', { preHandler: viewer, schema: { summary: 'A published report\'s figures: {columns, rows, chart, drill}', tags: ['reports'], params: reportParams } }, async (req) => {
    const { set, def } = await published(req);
    return runReport(db, def, set.catalog, requestOf(req));
  });

  app.get('/api/apps/:app/reports/:report/csv', { preHandler: viewer, schema: { summary: 'A published report as CSV (UTF-8 with BOM)', tags: ['reports'], params: reportParams } }, async (req, reply) => {
    const { set, def } = await published(req);
    const r = requestOf(req);
    const result = await runReport(db, def, set.catalog, r);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${def.key}.csv"`);
    return '\ufeff' + toCsv(result, r.locale);
  });

  app.get('/api/apps/:app/reports/:report/records', {
    preHandler: viewer,
    schema: { summary: 'The records behind a report (after its filters and drill steps), newest first', tags: ['reports'], params: reportParams },
  }, async (req) => {
    const { row, set, def } = await published(req);
    const query = req.query as { limit?: string; cursor?: string };
    const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), MAX_RECORDS_PAGE);
    const beforeId = query.cursor === undefined || query.cursor === '' ? undefined : Number(query.cursor);
    if (beforeId !== undefined && !(Number.isSafeInteger(beforeId) && beforeId > 0)) throw new KilnError('INVALID_CURSOR');
    const ids = await reportRecordIds(db, def, set.catalog, { ...requestOf(req), limit: limit + 1, beforeId });
    const page = ids.slice(0, limit);
    const rt = await formRuntimeOf(db, row, def.dataset.form);
    const { items } = page.length ? await listRecords(db, rt, { filter: JSON.stringify({ id: { $in: page } }), sort: '-id', limit }) : { items: [] };
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
    const row = await appByKey(db, (req.params as { app: string }).app);
    // The published version's catalog (cached per version): drafts run against published forms and storage.
    const { catalog } = await reportSet(db, row);
    const body = req.body as { definition: unknown; params?: Record<string, unknown>; drill?: unknown };
    const problems = validateReport(body.definition, { forms: catalog.forms as Record<string, FormDefinition>, locale });
    if (problems.length) throw new KilnError('REPORT_INVALID', `${problems.length} problem(s) in the report.`, { problems });
    const params = Object.fromEntries(Object.entries(body.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
    return runReport(db, body.definition as ReportDefinition, catalog, { params, drill: parseDrill(body.drill), rowFilter: reportRowFilter(currentUser(req)), now: clock.now().toISOString(), locale });
  });
}
