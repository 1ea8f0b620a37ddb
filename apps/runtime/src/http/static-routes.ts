import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const STUDIO_DIST = fileURLToPath(new URL('../../../studio/dist', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../../dist-web', import.meta.url));

/**
 * Serves the built browser apps: the studio at /studio (SPA), the operator UI at /app, public
 * form pages at /f/{slug} and the promoter portal at /p/{app} (all three from the runtime's own
 * web build under /web/).
 */
export async function staticRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_req, reply) => reply.redirect('/studio/'));
  if (existsSync(STUDIO_DIST)) {
    await app.register(fastifyStatic, { root: STUDIO_DIST, prefix: '/studio/', decorateReply: true, wildcard: false, index: ['index.html'] });
    app.get('/studio', async (_req, reply) => reply.redirect('/studio/'));
    app.get('/studio/*', async (_req, reply) => reply.sendFile('index.html', STUDIO_DIST));
  } else {
    app.get('/studio/*', async (_req, reply) => reply.type('text/plain').send('The studio is not built: run `pnpm build`.'));
  }
  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/web/', decorateReply: !existsSync(STUDIO_DIST), wildcard: true });
    const page = (file: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.sendFile(file, WEB_DIST);
    app.get('/app', page('app.html'));
    app.get('/app/*', page('app.html'));
    app.get('/f/*', page('f.html'));
    app.get('/p', page('p.html'));
    app.get('/p/*', page('p.html'));
  }
}
