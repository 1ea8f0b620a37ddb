import type { RuleDefinition, TriggerRuleDefinition } from '@kiln/engine-rules';
import { CronExpressionParser } from 'cron-parser';
import { sql, type Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { enqueue, type JobHandler } from '../jobs/queue.js';
import { appById } from '../metadata/apps.js';
import { appRules } from './app-rules.js';
import { evaluateTrigger } from './fire.js';
import { inSavepoint, scopeIn } from './scope.js';
import { writeTraces } from './traces.js';

/** The job queue of scheduled trigger rules. */
export const SCHEDULE_QUEUE = 'rule.schedule';

/** Default time zone of cron expressions. */
export const DEFAULT_TZ = 'Asia/Shanghai';

/** The first run of `cron` strictly after `after` (runtime clock), in the rule's time zone. */
export function nextRun(cron: string, tz: string | undefined, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: tz ?? DEFAULT_TZ }).next().toDate();
}

/** Whether a cron expression parses (5 fields). */
export function validCron(cron: string, tz?: string): string | null {
  if (typeof cron !== 'string' || cron.trim().split(/\s+/).length !== 5) return 'A cron expression has 5 fields: minute hour day month weekday.';
  try {
    nextRun(cron, tz, new Date(0));
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const jobKey = (appId: number, rule: string) => `schedule:${appId}:${rule}`;

/**
 * Makes the queued schedule jobs of an app match its newly published rules (inside the publish
 * transaction): removed or changed schedules go, each schedule rule gets its next run.
 */
export async function syncSchedules(trx: Transaction<KilnDatabase>, ctx: KilnContext, appId: number, rules: Record<string, unknown>): Promise<void> {
  await sql`delete from jobs where queue = ${SCHEDULE_QUEUE} and state = 'queued' and key like ${`schedule:${appId}:%`}`.execute(trx);
  const now = ctx.clock.now();
  for (const r of Object.values(rules) as RuleDefinition[]) {
    if (r?.type !== 'trigger' || r.enabled === false || r.trigger?.event !== 'schedule') continue;
    const t = r.trigger;
    if (validCron(t.cron, t.timezone)) continue;
    await enqueue(trx, { queue: SCHEDULE_QUEUE, key: jobKey(appId, r.key), payload: { appId, rule: r.key }, runAt: nextRun(t.cron, t.timezone, now) }, now);
  }
}

/**
 * Runs a due scheduled rule against the app's current version and schedules its next run. A
 * failing rule is rolled back to a savepoint and traced; the schedule goes on.
 */
export function scheduleHandler(ctx: KilnContext): JobHandler {
  return async (job, trx) => {
    const appId = Number(job.payload.appId);
    const key = String(job.payload.rule);
    const app = await appById(trx, appId);
    if (!app || app.current_version === null) return;
    const rules = await appRules(ctx.db, app, app.current_version, trx);
    const rule = rules.rules[key] as TriggerRuleDefinition | undefined;
    if (!rule || rule.type !== 'trigger' || rule.enabled === false || rule.trigger.event !== 'schedule') return;
    const now = ctx.clock.now();
    const ws = scopeIn(ctx, trx);
    const run = await inSavepoint(trx, 'kiln_rule', async () => {
      await evaluateTrigger(ws, app, rules, rule, { record: null, old: null, changed: [], event: { type: 'schedule', app: app.key, at: now.toISOString(), scheduledFor: job.runAt, user: null, params: {} } }, `schedule:${job.runAt}`);
    });
    if (!run.ok && !ws.traces.length) console.error(`scheduled rule ${app.key}/${key} failed`, run.error);
    if (ws.traces.length) await writeTraces(trx as never, ws.traces);
    return { next: { runAt: nextRun(rule.trigger.cron, rule.trigger.timezone, now) } };
  };
}
