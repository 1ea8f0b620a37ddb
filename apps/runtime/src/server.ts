import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { resolveCaller } from './auth/sessions.js';
import type { KilnContext } from './context.js';
import { appRoutes } from './http/app-routes.js';
import { authRoutes } from './http/auth-routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { publicRoutes } from './http/public-routes.js';
import { recordRoutes } from './http/record-routes.js';
import { reportRoutes } from './http/report-routes.js';
import { staticRoutes } from './http/static-routes.js';
import { systemRoutes } from './http/system-routes.js';
import { templateRoutes } from './http/template-routes.js';
import { ruleRoutes } from './http/rule-routes.js';
import { ManualClock } from './clock.js';
import { JobQueue } from './jobs/queue.js';
import { SCHEDULE_QUEUE, scheduleHandler } from './rules/schedule.js';
import { configureSandbox } from './rules/sandbox.js';
import { flowTimerHandler } from './flows/timers.js';
import { AUTH_SWEEP_QUEUE, authSweepHandler, scheduleAuthSweep } from './auth/sweep.js';
import { FLOW_TIMER_QUEUE } from './flows/timer-keys.js';
import { flowRoutes } from './http/flow-routes.js';
import { taskRoutes } from './http/task-routes.js';
import { connectorRoutes } from './http/connector-routes.js';
import { hookRoutes } from './http/hook-routes.js';
import { portalRoutes } from './http/portal-routes.js';
import { tenantRoutes } from './http/tenant-routes.js';
import { DeliveryWorker } from './connectors/worker.js';

export interface BuildOptions {
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built studio and web UI (default true). */
  serveStatic?: boolean;
  /** Poll the job queue and the delivery outbox (default true; tests with the manual clock run both when it moves). */
  jobs?: boolean;
}

/**
 * Builds the HTTP server over an open context. Nothing listens until the caller calls
 * `listen()`; tests use `inject()`.
 */
export async function buildServer(ctx: KilnContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: process.env.KILN_TRUST_PROXY === '1',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.decorate('kiln', ctx);
  configureSandbox(ctx.config);
  app.decorateRequest('user', null);
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kiln API', version: '0.1.0', description: 'Kiln runtime HTTP API. Errors: {"error":{"code","message","details"}} (see docs/errors.md).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`, details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } },
    }),
  });

  app.addHook('onRequest', async (req) => {
    req.user = await resolveCaller(ctx, req.headers.authorization, req.ip);
  });

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(appRoutes);
  await app.register(recordRoutes);
  await app.register(portalRoutes);
  await app.register(tenantRoutes);
  await app.register(reportRoutes);
  await app.register(publicRoutes);
  await app.register(templateRoutes);
  await app.register(ruleRoutes);
  await app.register(flowRoutes);
  await app.register(taskRoutes);
  await app.register(connectorRoutes);
  await app.register(hookRoutes);

  // Scheduled rules (and later deliveries) run from the PostgreSQL job queue on the runtime
  // clock: polled on a real clock, or run by the test clock whenever it moves.
  const queue = new JobQueue(ctx);
  queue.on(SCHEDULE_QUEUE, scheduleHandler(ctx));
  queue.on(FLOW_TIMER_QUEUE, flowTimerHandler(ctx));
  queue.on(AUTH_SWEEP_QUEUE, authSweepHandler(ctx));
  await scheduleAuthSweep(ctx);
  app.decorate('jobs', queue);
  // Connector deliveries: woken after each commit that enqueues one, polled for retries (and
  // for rows other processes wrote), run by the test clock after the jobs it made due.
  const deliveries = new DeliveryWorker(ctx);
  app.decorate('deliveries', deliveries);
  if (ctx.clock instanceof ManualClock) {
    ctx.clock.onAdvance(() => queue.runDue().then(() => undefined));
    ctx.clock.onAdvance(() => deliveries.runDue().then(() => undefined));
  } else if (opts.jobs !== false) {
    queue.start(ctx.config.jobPollMs);
    deliveries.start(ctx.config.deliveryPollMs);
  }
  app.addHook('onClose', async () => {
    await queue.stop();
    await deliveries.stop();
  });
  if (opts.serveStatic !== false) await app.register(staticRoutes);
  return app;
}
