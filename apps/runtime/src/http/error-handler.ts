import type { FastifyError, FastifyInstance } from 'fastify';
import { KilnError } from '../errors.js';

/** Maps every failure to `{"error":{"code","message","details"}}` with the right status (contract). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | KilnError, req, reply) => {
    if (err instanceof KilnError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details ?? null } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: fe.message, details: { errors: fe.validation.map((v) => ({ path: v.instancePath || '/', code: 'BAD_REQUEST', message: v.message ?? '' })) } } });
    }
    // @fastify/rate-limit throws the answer its errorResponseBuilder made (with the retry time): keep it.
    const limited = (err as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (fe.statusCode === 429 && limited?.code === 'RATE_LIMITED') return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: String(limited.message), details: limited.details ?? null } });
    const mapped = mapFastifyCode(fe.code, fe.statusCode);
    if (mapped) return reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message, details: null } });
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.', details: { requestId: req.id } } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.url.split('?')[0]}`, details: null } });
  });
}

function mapFastifyCode(code: string | undefined, status: number | undefined): { status: number; code: string; message: string } | null {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'BODY_TOO_LARGE', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type; send application/json.' };
    case 'FST_ERR_RATE_LIMIT':
      return { status: 429, code: 'RATE_LIMITED', message: 'Too many requests; slow down.' };
  }
  if (status === 400 && /JSON/i.test(code ?? '')) return { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' };
  if (status && status >= 400 && status < 500) return { status, code: status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', message: 'The request is malformed.' };
  return null;
}
