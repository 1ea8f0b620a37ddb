import type { LookupFilter, LookupPort, LookupRecord } from '@kiln/engine-rules';
import { sql } from 'kysely';
import type { AppRow } from '../metadata/apps.js';
import { safeName } from '../records/columns.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { compileFilter } from '../records/query.js';
import { getRecord, listRecords } from '../records/service.js';
import type { WriteScope } from './scope.js';
import type { Kysely, Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';

/**
 * Rule lookups answered from the app's published forms, inside the transaction being processed
 * (so rules see the writes made before them). Filters use the records API's filter language.
 */
export function lookupPort(root: Kysely<KilnDatabase>, trx: Transaction<KilnDatabase> | Kysely<KilnDatabase>, app: AppRow): LookupPort {
  const rt = (form: string) => formRuntimeOf(root, app, form, trx as Kysely<KilnDatabase>);
  const text = (f: LookupFilter) => JSON.stringify(f ?? {});
  return {
    async get(form, id) {
      try {
        return (await getRecord(trx, await rt(form), Number(id))) as LookupRecord;
      } catch {
        return null;
      }
    },
    async find(form, filter) {
      const r = await listRecords(trx, await rt(form), { filter: text(filter), limit: 1 });
      return (r.items[0] as LookupRecord | undefined) ?? null;
    },
    async all(form, filter, opts) {
      const r = await listRecords(trx, await rt(form), { filter: text(filter), limit: Math.min(500, opts?.limit ?? 500), sort: opts?.sort });
      return r.items as LookupRecord[];
    },
    async count(form, filter) {
      const f = await rt(form);
      const r = await sql<{ n: string }>`select count(*) as n from ${sql.id(safeName(f.storage.table))} t where ${compileFilter(f, text(filter))}`.execute(trx);
      return Number(r.rows[0]?.n ?? 0);
    },
    async sum(form, field, filter) {
      const f = await rt(form);
      const c = f.byKey.get(field);
      if (!c || (c.sqlType !== 'bigint' && c.sqlType !== 'numeric')) throw new Error(`db.sum: "${field}" is not a number field of ${form}`);
      const r = await sql<{ s: string | null }>`select coalesce(sum(${sql.ref(`t.${safeName(c.column)}`)}), 0) as s from ${sql.id(safeName(f.storage.table))} t where ${compileFilter(f, text(filter))}`.execute(trx);
      return Number(r.rows[0]?.s ?? 0);
    },
  };
}

/** The lookup port of a write scope. */
export const scopeLookups = (ws: WriteScope, app: AppRow) => lookupPort(ws.ctx.db, ws.trx, app);
