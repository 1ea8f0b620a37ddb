import type { KilnContext } from '../context.js';
import type { StoredError } from '../db/schema.js';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { updateInScope } from '../records/service.js';
import { appRules } from '../rules/app-rules.js';
import { evaluateTrigger } from '../rules/fire.js';
import { deeper, inSavepoint, inWriteScope } from '../rules/scope.js';
import type { ClaimedDelivery } from './deliver.js';
import type { LoadedConnector } from './definitions.js';
import { redact } from './redact.js';

/** An error thrown by a write back or a rule, kept on the delivery as data. */
function writeBackError(err: unknown): StoredError {
  const e = err as { code?: unknown; message?: unknown; details?: unknown };
  const cause = err instanceof KilnError ? { code: err.code, details: err.details ?? null } : { code: typeof e?.code === 'string' ? e.code : 'INTERNAL' };
  return { code: 'CONNECTOR_WRITEBACK_FAILED', message: String(e?.message ?? err), details: cause };
}

/**
 * Records a successful delivery in ONE write transaction (system user): state `delivered` with
 * its result, the operation's `writeBack` values applied to the record the delivery came from
 * (rules fire on that update as on any write), and the operation's `rule` hook fired with
 * `{input, result}`. The stored result is redacted (the write back and rule see it as returned). The write back and the rule share a savepoint: if either fails, both are
 * undone and the error is kept on the delivery, which stays `delivered` (the outside system did
 * the work: it is never sent again because of this).
 */
export async function applySuccess(ctx: KilnContext, app: AppRow, d: ClaimedDelivery, worker: string, loaded: LoadedConnector, operation: string, out: { result: unknown; writeBack: Record<string, unknown> | null; sensitive: string[] }): Promise<void> {
  const op = loaded.def.operations![operation]!;
  const { result, writeBack } = out;
  await inWriteScope(ctx, { userId: null, locale: 'zh-CN' }, async (ws) => {
    let error: StoredError | null = null;
    const writes = Boolean(writeBack && Object.keys(writeBack).length && d.record_form && d.record_id !== null);
    if (writes || op.rule) {
      const hop = deeper(ws, `connector ${d.target}.${operation}`);
      const done = await inSavepoint(ws.trx, 'kiln_delivery_success', async () => {
        if (writes) {
          const rt = await formRuntimeOf(ctx.db, app, d.record_form!, ws.trx);
          await updateInScope(hop, rt, Number(d.record_id), { ...writeBack });
        }
        if (op.rule) {
          const rules = await appRules(ctx.db, app, app.current_version!, ws.trx);
          const rule = rules.webhooks.get(op.rule);
          if (!rule) throw new KilnError('HOOK_NOT_FOUND', `No published webhook rule "${op.rule}" in app "${app.key}".`);
          const now = ctx.clock.now().toISOString();
          const payload = { input: d.payload ?? null, result: result ?? null };
          const event = { type: 'webhook', app: app.key, hook: op.rule, at: now, user: null, params: {}, payload };
          await evaluateTrigger(hop, app, rules, rule, { record: null, old: null, changed: [], event }, `delivery:${d.id}:${op.rule}`);
        }
      });
      if (!done.ok) error = writeBackError(done.error);
    }
    const now = ctx.clock.now().toISOString();
    const r = await ws.trx.updateTable('outbox').set({
      state: 'delivered', result: JSON.stringify(redact(result ?? null, out.sensitive)), delivered_at: now, last_error: error ? JSON.stringify(error) : null,
      locked_by: null, locked_until: null, updated_at: now,
    }).where('id', '=', d.id).where('state', '=', 'sending').where('locked_by', '=', worker).executeTakeFirst();
    // The lease was lost (another worker took the row over): leave everything to it.
    if (!Number(r.numUpdatedRows)) throw new KilnError('DELIVERY_BUSY', `Delivery ${d.id} is no longer leased by this worker.`);
  }).catch((err) => {
    if (err instanceof KilnError && err.code === 'DELIVERY_BUSY') return;
    throw err;
  });
}
