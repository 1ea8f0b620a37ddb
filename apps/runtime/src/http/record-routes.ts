import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formScope, requestActor } from '../access/request.js';
import { requireAction } from '../access/guard.js';
import { KilnError } from '../errors.js';
import { recordsCsv } from '../records/export.js';
import { recordHistory } from '../audit/query.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../records/service.js';
import { localeOf, requireRole } from './guard.js';

const formParams = { type: 'object', properties: { app: { type: 'string' }, form: { type: 'string' } }, required: ['app', 'form'] } as const;
const recordParams = { type: 'object', properties: { app: { type: 'string' }, form: { type: 'string' }, id: { type: 'string' } }, required: ['app', 'form', 'id'] } as const;
const listQuery = { type: 'object', properties: { filter: { type: 'string', maxLength: 20000 }, sort: { type: 'string', maxLength: 100 }, limit: { type: 'integer' }, cursor: { type: 'string', maxLength: 2000 } } } as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads and checks the Idempotency-Key header (absent → undefined). */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) throw new KilnError('IDEMPOTENCY_KEY_INVALID');
  return raw;
}

export const recordId = (raw: string): number => {
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id)) throw new KilnError('RECORD_NOT_FOUND', `No record ${raw}.`);
  return id;
};

/**
 * The records API of the contract. Every signed-in caller may ask; the app's roles decide
 * (grants per form, row policies compiled into each statement's WHERE, field policies).
 */
export async function recordRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  const signedIn = requireRole();
  const base = '/api/apps/:app/forms/:form/records';
  const scope = (req: FastifyRequest, reads = false) => {
    const p = req.params as { app: string; form: string };
    return formScope(ctx, req, p.app, p.form, { reads });
  };

  app.get(base, { preHandler: signedIn, schema: { summary: 'List records (filter, sort, cursor pagination; row policies apply)', tags: ['records'], params: formParams, querystring: listQuery } }, async (req) => {
    const s = await scope(req, true);
    return listRecords(db, s.rt, req.query as { filter?: string; sort?: string; limit?: number; cursor?: string }, s.guard);
  });

  app.get(`${base}/export`, { preHandler: signedIn, schema: { summary: 'Export the records a filter selects as CSV (UTF-8 with BOM; needs the export grant)', tags: ['records'], params: formParams, querystring: listQuery } }, async (req, reply) => {
    const s = await scope(req, true);
    requireAction(s.guard, 'export');
    const q = req.query as { filter?: string; sort?: string };
    const csv = await recordsCsv(db, s.rt, { filter: q.filter, sort: q.sort }, s.guard, localeOf(req));
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${s.rt.form.key}.csv"`);
    return csv;
  });

  app.post(base, { preHandler: signedIn, schema: { summary: 'Create a record (honours Idempotency-Key)', tags: ['records'], params: formParams } }, async (req, reply) => {
    const s = await scope(req);
    const { record, created } = await createRecord(ctx, s.rt, req.body ?? {}, { userId: s.user.id, role: s.user.role, locale: localeOf(req), idempotencyKey: idempotencyKeyOf(req), guard: s.guard, actor: requestActor(req) });
    if (!created) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(record);
  });

  app.get(`${base}/:id`, { preHandler: signedIn, schema: { summary: 'Read a record', tags: ['records'], params: recordParams } }, async (req) => {
    const s = await scope(req, true);
    return getRecord(db, s.rt, recordId((req.params as { id: string }).id), s.guard);
  });

  app.get(`${base}/:id/history`, { preHandler: signedIn, schema: { summary: "A record's change history (audit trail; fields hidden from the caller are left out)", tags: ['records'], params: recordParams } }, async (req) => {
    const s = await scope(req, true);
    const id = recordId((req.params as { id: string }).id);
    await getRecord(db, s.rt, id, s.guard);
    return recordHistory(db, s.app.id, s.rt.form.key, id, [...s.guard.access.hidden]);
  });

  app.patch(`${base}/:id`, { preHandler: signedIn, schema: { summary: 'Update some fields of a record', tags: ['records'], params: recordParams } }, async (req) => {
    const s = await scope(req);
    return updateRecord(ctx, s.rt, recordId((req.params as { id: string }).id), req.body ?? {}, { userId: s.user.id, role: s.user.role, locale: localeOf(req), guard: s.guard, actor: requestActor(req) });
  });

  app.delete(`${base}/:id`, { preHandler: signedIn, schema: { summary: 'Delete a record', tags: ['records'], params: recordParams } }, async (req) => {
    const s = await scope(req);
    await deleteRecord(ctx, s.rt, recordId((req.params as { id: string }).id), localeOf(req), { userId: s.user.id, role: s.user.role, guard: s.guard, actor: requestActor(req) });
    return { ok: true };
  });
}
