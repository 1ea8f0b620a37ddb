import { isAbsolute, resolve } from 'node:path';

/**
 * Runtime configuration, read once from the environment. Everything that varies between a
 * developer's laptop, CI and production comes through here, never from scattered `process.env`.
 */
export interface KilnConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; absent → embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
  /** True only with KILN_TEST_CLOCK=1: the manual clock and `/api/_test/clock`. */
  testClock: boolean;
  /** Request body limit in bytes. */
  bodyLimit: number;
  logLevel: string;
  /** Session lifetime in seconds. */
  sessionTtl: number;
  /** A session unused for longer than this (seconds) is dead (KILN_SESSION_IDLE, default 8 h). */
  sessionIdle: number;
  /** Consecutive failed sign-ins that lock an account (KILN_LOGIN_MAX_FAILURES, default 5). */
  loginMaxFailures: number;
  /** How long (seconds) a locked account stays locked (KILN_LOGIN_LOCK_SECONDS, default 900). */
  loginLockSeconds: number;
  /** How often (ms) the job queue looks for due jobs (scheduled rules). */
  jobPollMs: number;
  /** Time limit (ms, wall clock) and memory limit (MB) of one rule evaluation in the sandbox. */
  ruleTimeoutMs: number;
  ruleMemoryMb: number;
  /** Sign-in attempts allowed per client address and minute. */
  loginRateLimit: number;
  /**
   * KILN_SECRET_KEY: the key that encrypts connector secrets and cached tokens (base64 or hex of
   * 32 bytes, or any passphrase). Absent → a key file next to the data directory (see connectors/secrets.ts).
   */
  secretKey?: string;
  /** How often (ms) the delivery worker looks for due connector deliveries. */
  deliveryPollMs: number;
  /** Deliveries sent at the same time by one process. */
  deliveryConcurrency: number;
}

/** Reads the configuration from an environment (defaults documented in docs/configuration.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KilnConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDirOf(env),
    adminEmail: env.KILN_ADMIN_EMAIL ?? 'admin@kiln.local',
    adminPassword: env.KILN_ADMIN_PASSWORD ?? 'kiln-admin',
    testClock: env.KILN_TEST_CLOCK === '1',
    bodyLimit: Number(env.KILN_BODY_LIMIT ?? 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtl: Number(env.KILN_SESSION_TTL ?? 7 * 24 * 3600),
    sessionIdle: Number(env.KILN_SESSION_IDLE ?? 8 * 3600),
    loginMaxFailures: Math.max(1, Number(env.KILN_LOGIN_MAX_FAILURES ?? 5)),
    loginLockSeconds: Math.max(1, Number(env.KILN_LOGIN_LOCK_SECONDS ?? 900)),
    jobPollMs: Number(env.KILN_JOB_POLL_MS ?? 1000),
    ruleTimeoutMs: Number(env.KILN_RULE_TIMEOUT_MS ?? 250),
    ruleMemoryMb: Number(env.KILN_RULE_MEMORY_MB ?? 64),
    loginRateLimit: Number(env.KILN_LOGIN_RATE_LIMIT ?? 20),
    secretKey: env.KILN_SECRET_KEY || undefined,
    deliveryPollMs: Number(env.KILN_DELIVERY_POLL_MS ?? 1000),
    deliveryConcurrency: Math.max(1, Number(env.KILN_DELIVERY_CONCURRENCY ?? 4)),
  };
}

/** The PGlite directory: relative paths count from where the command was typed (pnpm's INIT_CWD). */
function dataDirOf(env: NodeJS.ProcessEnv): string {
  const dir = env.KILN_DATA_DIR ?? './.kiln/data';
  if (dir.startsWith('memory://') || isAbsolute(dir)) return dir;
  return resolve(env.INIT_CWD ?? process.cwd(), dir);
}
