import type { Effect, LocalizedText } from '@kiln/engine-rules';
import { sql } from 'kysely';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { createInScope, findFirst, updateInScope } from '../records/service.js';
import { deeper, type WriteScope } from './scope.js';
import { startInstance } from '../flows/executor.js';
import { wakeAfterCommit } from '../connectors/wake.js';

type Refs = Map<string, number>;

/** Replaces `{ $ref }` placeholders by the ids of records created earlier in this evaluation. */
function resolve(v: unknown, refs: Refs): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, refs));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$ref === 'string' && Object.keys(o).length === 1) {
      const id = refs.get(o.$ref);
      if (id === undefined) throw new KilnError('RULE_FAILED', `The rule refers to "${o.$ref}", which created no record.`, { ref: o.$ref });
      return id;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) if (x !== undefined) out[k] = resolve(x, refs);
    return out;
  }
  return v;
}

const values = (v: Record<string, unknown>, refs: Refs) => resolve(v, refs) as Record<string, unknown>;
const text = (m: string | LocalizedText, locale: 'zh-CN' | 'en') => (typeof m === 'string' ? m : m[locale] || m['zh-CN'] || m.en);

/**
 * Applies a rule's effects in order, in the scope's transaction (`source`: the triggering record, if any). Record writes go through the
 * same validation as API writes and fire rules in turn (one level deeper); ledger entries are
 * inserted with ON CONFLICT DO NOTHING on the ledger's unique key field; connector calls and
 * flow starts become outbox rows, notifications rows — all committed or rolled back together.
 */
export async function applyEffects(ws: WriteScope, app: AppRow, rule: string, effects: Effect[], eventKey: string, source: { form: string; id: number } | null = null): Promise<void> {
  const refs: Refs = new Map();
  const now = ws.ctx.clock.now().toISOString();
  for (const [i, e] of effects.entries()) {
    const child = () => deeper(ws, `${rule} → ${'form' in e ? e.form : e.type}`);
    switch (e.type) {
      case 'create': {
        const rt = await formRuntimeOf(ws.ctx.db, app, e.form, ws.trx);
        refs.set(e.action, await createInScope(child(), rt, values(e.values, refs)));
        break;
      }
      case 'update': {
        const rt = await formRuntimeOf(ws.ctx.db, app, e.form, ws.trx);
        const id = resolve(e.id, refs);
        if (typeof id !== 'number') throw new KilnError('RULE_FAILED', `Rule "${rule}" action "${e.action}": the record id is not a number.`, { rule, action: e.action });
        await updateInScope(child(), rt, id, values(e.values, refs));
        break;
      }
      case 'upsert': {
        const rt = await formRuntimeOf(ws.ctx.db, app, e.form, ws.trx);
        const match = values(e.match, refs);
        const found = await findFirst(ws.trx, rt, match);
        const vals = values(e.values, refs);
        if (found !== null) {
          for (const k of e.createOnly ?? []) delete vals[k];
          await updateInScope(child(), rt, found, vals);
          refs.set(e.action, found);
        } else {
          refs.set(e.action, await createInScope(child(), rt, { ...vals, ...match }));
        }
        break;
      }
      case 'ledger': {
        const rt = await formRuntimeOf(ws.ctx.db, app, e.form, ws.trx);
        for (const entry of e.entries) await createInScope(child(), rt, values(entry, refs), { onConflictIgnore: e.key });
        break;
      }
      case 'flow': {
        // Started in this transaction: the instance exists exactly when the rule's change does.
        const record = resolve(e.record, refs);
        if (record !== null && record !== undefined && typeof record !== 'number') throw new KilnError('RULE_FAILED', `Rule "${rule}" action "${e.action}": the record id is not a number.`, { rule, action: e.action });
        const version = app.current_version ?? (await ws.trx.selectFrom('apps').select('current_version').where('id', '=', app.id).executeTakeFirstOrThrow()).current_version!;
        await startInstance(child(), app, version, e.flow, (record as number | null | undefined) ?? null, 'rule', { startKey: `${eventKey}:${rule}:${e.action}:${i}` });
        break;
      }
      case 'connector': {
        const target = e.connector;
        const payload = resolve(e.payload, refs);
        // Delivered after commit by the delivery worker; its write back goes to the triggering record.
        await ws.trx.insertInto('outbox').values({
          app_id: app.id, kind: e.type, target, operation: e.operation, payload: JSON.stringify(payload ?? null) as never,
          dedupe_key: `${eventKey}:${rule}:${e.action}:${i}`, created_at: now, updated_at: now, next_attempt_at: now,
          record_form: source?.form ?? null, record_id: source?.id ?? null,
        }).onConflict((oc) => oc.doNothing()).execute();
        wakeAfterCommit(ws);
        break;
      }
      case 'notify': {
        const rows = [...e.users.map((u) => ({ user_id: u, role: null })), ...e.roles.map((r) => ({ user_id: null, role: r }))];
        if (rows.length) {
          await sql`insert into notifications (app_id, user_id, role, title, body, source, dedupe_key, created_at)
            select ${app.id}, x.user_id, x.role, ${e.title}, ${e.body}, ${`rule:${rule}`}, ${`${eventKey}:${rule}:${e.action}:${i}`}, ${now}
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(user_id bigint, role text)
            where x.user_id is null or exists (select 1 from users u where u.id = x.user_id)
            on conflict do nothing`.execute(ws.trx);
        }
        break;
      }
      case 'reject':
        throw new KilnError('RULE_REJECTED', text(e.message, ws.locale), { rule, field: e.field, ...(e.field ? { errors: [{ path: `/${e.field}`, code: 'RULE_REJECTED', message: text(e.message, ws.locale) }] } : {}) });
    }
  }
}
