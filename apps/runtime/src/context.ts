import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { KilnConfig } from './config.js';
import type { DbKind } from './db/connection.js';
import type { KilnDatabase } from './db/schema.js';

/** What every route and service needs: the database, the clock and the configuration. */
export interface KilnContext {
  db: Kysely<KilnDatabase>;
  dbKind: DbKind;
  clock: Clock;
  config: KilnConfig;
}

/** The signed-in caller, attached to the request by the auth hook. */
export interface CurrentUser {
  id: number;
  email: string;
  role: Role;
}

export const ROLES = ['admin', 'builder', 'operator', 'promoter'] as const;
export type Role = (typeof ROLES)[number];

declare module 'fastify' {
  interface FastifyInstance {
    kiln: KilnContext;
    /** The job queue of this process (timers, schedules). */
    jobs: import('./jobs/queue.js').JobQueue;
    /** The connector delivery worker of this process (`runDue()`, `kick()`). */
    deliveries: import('./connectors/worker.js').DeliveryWorker;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}
