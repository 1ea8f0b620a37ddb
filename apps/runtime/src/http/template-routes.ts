import type { FastifyInstance } from 'fastify';

/** Templates API (filled in by the templates module). */
export async function templateRoutes(_app: FastifyInstance): Promise<void> {}
