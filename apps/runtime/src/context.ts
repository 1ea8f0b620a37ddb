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
  /** The workspace the user belongs to; every app they can reach is in it. */
  tenantId: number;
  displayName?: string | null;
  phone?: string | null;
  groups?: string[];
  /** Free attributes row policies read as `$user.<name>` (e.g. `regions`). */
  attributes?: Record<string, unknown>;
  /** How the caller authenticated. */
  via?: 'session' | 'token';
  /** The API token used (via = 'token'). */
  tokenId?: number;
  /** An API token's scope: one app, one of its roles. */
  scope?: { appId: number; roleKey: string };
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
