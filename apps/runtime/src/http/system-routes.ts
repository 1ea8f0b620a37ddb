import type { FastifyInstance } from 'fastify';
import { ManualClock, parseDuration } from '../clock.js';
import { KilnError } from '../errors.js';

/** Health, OpenAPI document and — only with KILN_TEST_CLOCK=1 — the test clock. */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', { schema: { summary: 'Liveness and database kind', tags: ['system'] } }, async () => {
    await app.kiln.db.selectFrom('apps').select('id').limit(1).execute();
    return { status: 'ok', db: app.kiln.dbKind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const clock = app.kiln.clock;
  if (!app.kiln.config.testClock || !(clock instanceof ManualClock)) return;
  app.get('/api/_test/clock', { schema: { summary: 'Read the manual test clock', tags: ['test'] } }, async () => ({ now: clock.now().toISOString() }));
  app.post('/api/_test/clock', { schema: { summary: 'Set or advance the manual test clock, then run everything now due', tags: ['test'] } }, async (req) => {
    const body = (req.body ?? {}) as { set?: unknown; advance?: unknown };
    if (typeof body.set === 'string') {
      const to = new Date(body.set);
      if (Number.isNaN(to.getTime())) throw new KilnError('INVALID_CLOCK_REQUEST');
      return { now: (await clock.set(to)).toISOString() };
    }
    if (typeof body.advance === 'string') {
      const ms = parseDuration(body.advance);
      if (ms === null || ms < 0) throw new KilnError('INVALID_CLOCK_REQUEST');
      return { now: (await clock.advance(ms)).toISOString() };
    }
    throw new KilnError('INVALID_CLOCK_REQUEST');
  });
}
