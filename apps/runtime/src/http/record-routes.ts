import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KilnError } from '../errors.js';
import { formRuntime } from '../records/form-runtime.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../records/service.js';
import { currentUser, localeOf, requireRole } from './guard.js';

const formParams = { type: 'object', properties: { app: { type: 'string' }, form: { type: 'string' } }, required: ['app', 'form'] } as const;
const recordParams = { type: 'object', properties: { app: { type: 'string' }, form: { type: 'string' }, id: { type: 'string' } }, required: ['app', 'form', 'id'] } as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads and checks the Idempotency-Key header (absent → undefined). */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) throw new KilnError('IDEMPOTENCY_KEY_INVALID');
  return raw;
}

const recordId = (raw: string) => {
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id)) throw new KilnError('RECORD_NOT_FOUND', `No record ${raw}.`);
  return id;
};

/** The records API of the contract. Operators read and write; builders and admins too. */
export async function recordRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.kiln;
  const operator = requireRole('operator', 'builder');
  const base = '/api/apps/:app/forms/:form/records';

  app.get(base, {
    preHandler: operator,
    schema: {
      summary: 'List records (filter, sort, cursor pagination)', tags: ['records'], params: formParams,
      querystring: { type: 'object', properties: { filter: { type: 'string', maxLength: 20000 }, sort: { type: 'string', maxLength: 100 }, limit: { type: 'integer' }, cursor: { type: 'string', maxLength: 2000 } } },
    },
  }, async (req) => {
    const p = req.params as { app: string; form: string };
    const rt = await formRuntime(db, p.app, p.form);
    return listRecords(db, rt, req.query as { filter?: string; sort?: string; limit?: number; cursor?: string });
  });

  app.post(base, { preHandler: operator, schema: { summary: 'Create a record (honours Idempotency-Key)', tags: ['records'], params: formParams } }, async (req, reply) => {
    const user = currentUser(req);
    const p = req.params as { app: string; form: string };
    const rt = await formRuntime(db, p.app, p.form);
    const { record, created } = await createRecord(app.kiln, rt, req.body ?? {}, { userId: user.id, role: user.role, locale: localeOf(req), idempotencyKey: idempotencyKeyOf(req) });
    if (!created) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(record);
  });

  app.get(`${base}/:id`, { preHandler: operator, schema: { summary: 'Read a record', tags: ['records'], params: recordParams } }, async (req) => {
    const p = req.params as { app: string; form: string; id: string };
    const rt = await formRuntime(db, p.app, p.form);
    return getRecord(db, rt, recordId(p.id));
  });

  app.patch(`${base}/:id`, { preHandler: operator, schema: { summary: 'Update some fields of a record', tags: ['records'], params: recordParams } }, async (req) => {
    const user = currentUser(req);
    const p = req.params as { app: string; form: string; id: string };
    const rt = await formRuntime(db, p.app, p.form);
    return updateRecord(app.kiln, rt, recordId(p.id), req.body ?? {}, { userId: user.id, role: user.role, locale: localeOf(req) });
  });

  app.delete(`${base}/:id`, { preHandler: operator, schema: { summary: 'Delete a record', tags: ['records'], params: recordParams } }, async (req) => {
    const user = currentUser(req);
    const p = req.params as { app: string; form: string; id: string };
    const rt = await formRuntime(db, p.app, p.form);
    await deleteRecord(app.kiln, rt, recordId(p.id), localeOf(req), { userId: user.id, role: user.role });
    return { ok: true };
  });
}
