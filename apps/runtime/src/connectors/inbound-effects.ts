import type { InboundEffect } from '@kiln/engine-connectors';
import { sql } from 'kysely';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { createInScope, findFirst, updateInScope } from '../records/service.js';
import { appRules } from '../rules/app-rules.js';
import { evaluateTrigger } from '../rules/fire.js';
import { deeper, type WriteScope } from '../rules/scope.js';
import { wakeAfterCommit } from './wake.js';

/** What one inbound effect did (kept in the message's outcome). */
export type EffectOutcome =
  | { action: 'upsert' | 'update'; form: string; id: number; created: boolean }
  | { action: 'update'; form: string; ignored: true }
  | { action: 'rule'; hook: string; matched: boolean; effects: number }
  | { action: 'call'; operation: string; delivery: number | null };

/** Where a message came from, for keys and outbox rows. */
export interface MessageRef {
  connector: string;
  messageId: string;
  query: Record<string, string>;
}

/**
 * Carries out one effect of an inbound message in the message's write scope: upsert/update find
 * the record whose `match` fields equal the values (serialized per match by an advisory lock, so
 * two pushes about one order do not both create it), `rule` fires the published webhook rule,
 * `call` enqueues a delivery of this connector (dedupe key `in:<connector>:<messageId>:<i>`).
 */
export async function applyInboundEffect(ws: WriteScope, app: AppRow, ref: MessageRef, i: number, e: InboundEffect): Promise<EffectOutcome> {
  const child = deeper(ws, `connector ${ref.connector} → ${'form' in e ? e.form : e.action}`);
  const now = ws.ctx.clock.now().toISOString();
  switch (e.action) {
    case 'upsert':
    case 'update': {
      const rt = await formRuntimeOf(ws.ctx.db, app, e.form, ws.trx);
      await sql`select pg_advisory_xact_lock(hashtext(${`kiln-match:${app.id}:${e.form}:${JSON.stringify(e.match)}`}))`.execute(ws.trx);
      const found = await findFirst(ws.trx, rt, e.match);
      if (found !== null) {
        await updateInScope(child, rt, found, { ...e.values });
        return { action: e.action, form: e.form, id: found, created: false };
      }
      if (e.action === 'update') return { action: 'update', form: e.form, ignored: true };
      const id = await createInScope(child, rt, { ...e.values, ...e.match });
      return { action: 'upsert', form: e.form, id, created: true };
    }
    case 'rule': {
      const rules = await appRules(ws.ctx.db, app, app.current_version!, ws.trx);
      const rule = rules.webhooks.get(e.hook);
      if (!rule) throw new KilnError('HOOK_NOT_FOUND', `No published webhook rule "${e.hook}" in app "${app.key}".`);
      const event = { type: 'webhook', app: app.key, hook: e.hook, at: now, user: null, params: ref.query, payload: e.payload ?? null };
      const out = await evaluateTrigger(child, app, rules, rule, { record: null, old: null, changed: [], event }, `in:${ref.connector}:${ref.messageId}:${i}`);
      return { action: 'rule', hook: e.hook, matched: out.matched, effects: out.effects.length };
    }
    case 'call': {
      const row = await ws.trx.insertInto('outbox').values({
        app_id: app.id, kind: 'connector', target: ref.connector, operation: e.operation, payload: JSON.stringify(e.input ?? null) as never,
        dedupe_key: `in:${ref.connector}:${ref.messageId}:${i}`, created_at: now, updated_at: now, next_attempt_at: now,
      }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      wakeAfterCommit(ws);
      return { action: 'call', operation: e.operation, delivery: row ? Number(row.id) : null };
    }
  }
}
