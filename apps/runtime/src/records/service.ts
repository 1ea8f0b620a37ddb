import { randomInt } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { AutoNumberField, FieldDefinition, FieldError } from '@kiln/engine-forms';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { safeName, type ColumnInfo } from './columns.js';
import type { FormRuntime } from './form-runtime.js';
import { afterCursor, compileFilter, encodeCursor, orderBy, parseSort } from './query.js';
import { fireRecordEvent, hasTriggers, type RecordEvent } from '../rules/fire.js';
import type { StartTrigger } from '@kiln/engine-flow';
import { hasFlowStarts, startFlowsFor } from '../flows/triggers.js';
import { withFormulas } from '../rules/formulas.js';
import { inWriteScope, type WriteActor, type WriteScope } from '../rules/scope.js';
import { guardInput, isHidden, requireAction, rowCondition, selfRecordFields, type RecordGuard } from '../access/guard.js';
import type { FormAction } from '../access/resolve.js';
import { selfRecordId } from '../access/policy-sql.js';
import { changedKeys, scopeActor, writeAudit } from '../audit/log.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;
type Row = Record<string, unknown>;

/** A record as the API shows it: its fields by key plus id, timestamps and form version. */
export type ApiRecord = Record<string, unknown> & { id: number; createdAt: string; updatedAt: string; formVersion: number };

const SHORTCODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** SELECT list: system columns, scalar columns, and many-relations aggregated from join tables (hidden fields are never read). */
function selection(rt: FormRuntime, guard?: RecordGuard): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`t.id, t.created_at, t.updated_at, t.form_version`];
  for (const c of rt.columns) {
    if (isHidden(guard, c.key)) continue;
    if (c.sqlType === 'join') parts.push(sql`coalesce((select array_agg(j.dst order by j.dst) from ${sql.id(safeName(c.joinTable!))} j where j.src = t.id), '{}') as ${sql.id(c.column)}`);
    else parts.push(sql.ref(`t.${safeName(c.column)}`));
  }
  return sql.join(parts);
}

/** Turns a stored row into the API shape (fields by key). */
export function toApi(rt: FormRuntime, row: Row, guard?: RecordGuard): ApiRecord {
  const out: ApiRecord = { id: row.id as number, createdAt: row.created_at as string, updatedAt: row.updated_at as string, formVersion: row.form_version as number };
  for (const c of rt.columns) {
    if (isHidden(guard, c.key)) continue;
    let v = row[c.column];
    if (c.sqlType === 'join' && Array.isArray(v)) v = v.map(Number);
    out[c.key] = v ?? null;
  }
  return out;
}

/** Bound SQL value for a validated API value. */
export function toDb(c: ColumnInfo, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (c.sqlType === 'jsonb') return JSON.stringify(v);
  return v;
}

function tableOf(rt: FormRuntime) {
  return sql.id(safeName(rt.storage.table));
}

/** Maps a database constraint error to a field-level API error; rethrows others. */
export function mapDbError(rt: FormRuntime, err: unknown, locale: 'zh-CN' | 'en'): never {
  const e = err as { code?: string; constraint?: string; detail?: string; message?: string };
  const label = (c: ColumnInfo | undefined) => {
    const f = rt.form.fields.find((x) => x.id === c?.id);
    return f ? f.label[locale] || f.label['zh-CN'] : c?.key ?? '';
  };
  if (e.code === '23505') {
    if (e.constraint?.endsWith('__dedupe')) {
      const keys = rt.form.public?.dedupe ?? [];
      throw new KilnError('RECORD_DUPLICATE', locale === 'en' ? 'A record with the same values already exists.' : '已存在相同内容的记录。', { errors: keys.map((k) => ({ path: `/${k}`, code: 'RECORD_DUPLICATE', message: locale === 'en' ? 'Already submitted.' : '已提交过。' })) });
    }
    const c = rt.columns.find((x) => e.constraint === `${rt.storage.table}__${x.id}_uq`.slice(0, 63));
    const path = c ? `/${c.key}` : '/';
    throw new KilnError('RECORD_DUPLICATE', locale === 'en' ? `${label(c)} already exists.` : `${label(c)} 已存在。`, { errors: [{ path, code: 'RECORD_DUPLICATE', message: locale === 'en' ? `This ${label(c)} is already used.` : `该${label(c)}已被使用。` }] });
  }
  if (e.code === '23503') {
    const m = /Key \((\w+)\)=\((\d+)\)/.exec(e.detail ?? '');
    const column = m?.[1];
    const c = column === 'dst' ? rt.columns.find((x) => e.constraint?.startsWith(x.joinTable ?? '\0')) : rt.columns.find((x) => x.column === column);
    if (/is still referenced/.test(e.detail ?? '')) throw new KilnError('RECORD_REFERENCED', undefined, { detail: 'Other records refer to this record.' });
    throw new KilnError('RECORD_RELATION_NOT_FOUND', undefined, { errors: [{ path: c ? `/${c.key}` : '/', code: 'RECORD_RELATION_NOT_FOUND', message: locale === 'en' ? `Record ${m?.[2] ?? ''} does not exist.` : `记录 ${m?.[2] ?? ''} 不存在。` }] });
  }
  throw err;
}

function invalid(errors: FieldError[]): never {
  throw new KilnError('RECORD_INVALID', undefined, { errors });
}

/** Options of a write. */
export interface WriteOptions {
  userId: number | null;
  locale: 'zh-CN' | 'en';
  idempotencyKey?: string;
  /** Idempotency scope (default: the form). */
  scope?: string;
  /** For public submissions: a dedupe conflict returns the first record instead of failing. */
  dedupeReturnsExisting?: boolean;
  /** A public form submission: also fires `form.submitted` rules, with the link parameters. */
  submitted?: boolean;
  params?: Record<string, string>;
  role?: string | null;
  /** The caller's permissions on the form (absent: the system or an unrestricted caller). */
  guard?: RecordGuard;
  /** Who writes, for the audit trail. */
  actor?: WriteActor;
}

/** Result of a create: the record and whether it was created now (false = replay/duplicate). */
export interface CreateResult {
  record: ApiRecord;
  created: boolean;
}

/** The record an Idempotency-Key already stands for in a scope, or null. */
export async function priorRecordId(db: Db, scope: string, key: string): Promise<number | null> {
  const row = await db.selectFrom('idempotency_keys').select('record_id').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  return row ? Number(row.record_id) : null;
}

class Replay extends Error {
  constructor(readonly recordId: number) {
    super('replay');
  }
}

/**
 * Creates a record: validates with the published form's compiled schema, assigns auto-numbers,
 * and writes the row, its many-relations and its idempotency key in one transaction.
 * Unique and relation rules are enforced by the database and mapped to field errors.
 */
export async function createRecord(ctx: KilnContext, rt: FormRuntime, input: unknown, opts: WriteOptions): Promise<CreateResult> {
  const scope = opts.scope ?? `${rt.app.id}:${rt.form.key}`;
  const guard = opts.guard;
  const view = (id: number) => getRecord(ctx.db, rt, id, guard, null);
  requireAction(guard, 'create');
  if (opts.idempotencyKey) {
    const prior = await priorRecordId(ctx.db, scope, opts.idempotencyKey);
    if (prior !== null) return { record: await view(prior), created: false };
  }
  input = guardInput(guard, input, 'create');
  const own = selfRecordFields(guard);
  if (own.length) {
    const self = await selfRecordId(ctx.db, guard!.env);
    if (self === null) throw new KilnError('FORBIDDEN', 'You have no record of your own in this app yet.');
    input = { ...(input as Record<string, unknown>), ...Object.fromEntries(own.map((k) => [k, self])) };
  }
  const result = rt.validator.validate(input, { locale: opts.locale, mode: 'create' });
  if (!result.ok) invalid(result.errors);
  const value = result.value as Record<string, unknown>;
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await inWriteScope(ctx, opts, async (ws) => {
        const row = await withFormulas(ctx, rt, value, { queryDb: ws.trx });
        const id = (await insertRow(ctx, ws.trx, rt, row, { ...opts, scope }))!;
        if (guard && !(await rowMatches(ws.trx, rt, id, rowCondition(guard, 'create')))) {
          throw new KilnError('FORBIDDEN', `This ${rt.form.key} record would be outside the records you may create.`, { form: rt.form.key, action: 'create' });
        }
        await auditWrite(ws, rt, 'record.create', id, undefined, row);
        await afterInsert(ws, rt, id, opts);
        return id;
      });
      return { record: await view(id), created: true };
    } catch (err) {
      if (err instanceof Replay) return { record: await view(err.recordId), created: false };
      if (opts.idempotencyKey) {
        // A concurrent twin may have committed first and made our insert conflict: answer with it.
        const prior = await priorRecordId(ctx.db, scope, opts.idempotencyKey);
        if (prior !== null) return { record: await view(prior), created: false };
      }
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint?.endsWith('__dedupe') && opts.dedupeReturnsExisting) {
        const existing = await findDuplicate(ctx.db, rt, value);
        if (existing !== null) return { record: await view(existing), created: false };
      }
      if (err instanceof KilnError) throw err;
      // A random short code collided with an existing one: draw again.
      if (e.code === '23505' && attempt < 5 && rt.columns.some((c) => c.type === 'autonumber' && e.constraint === `${rt.storage.table}__${c.id}_uq`.slice(0, 63))) continue;
      mapDbError(rt, err, opts.locale);
    }
  }
}

/** Inserts one validated row; with `conflictKey` a duplicate of that unique field inserts nothing (null). */
async function insertRow(ctx: KilnContext, trx: Transaction<KilnDatabase>, rt: FormRuntime, value: Record<string, unknown>, opts: { userId: number | null; idempotencyKey?: string; scope?: string; conflictKey?: string }): Promise<number | null> {
  const scope = opts.scope ?? '';
  const now = ctx.clock.now().toISOString();
  const cols: RawBuilder<unknown>[] = [sql`created_at`, sql`updated_at`, sql`created_by`, sql`updated_by`, sql`form_version`];
  const vals: RawBuilder<unknown>[] = [sql`${now}`, sql`${now}`, sql`${opts.userId}`, sql`${opts.userId}`, sql`${rt.version}`];
  for (const c of rt.columns) {
    if (c.sqlType === 'join') continue;
    const field = rt.form.fields.find((f) => f.id === c.id) as FieldDefinition;
    if (field.type === 'autonumber') {
      cols.push(sql.id(c.column));
      vals.push(autoNumberSql(field, c));
      continue;
    }
    if (value[c.key] === undefined) continue;
    cols.push(sql.id(c.column));
    vals.push(sql`${toDb(c, value[c.key])}`);
  }
  const conflict = opts.conflictKey ? rt.byKey.get(opts.conflictKey) : undefined;
  if (opts.conflictKey && !conflict?.unique) throw new KilnError('RULE_FAILED', `"${opts.conflictKey}" is not a unique field of ${rt.form.key}.`);
  const onConflict = conflict ? sql` on conflict (${sql.id(conflict.column)}) do nothing` : sql``;
  const inserted = await sql<{ id: number }>`insert into ${tableOf(rt)} (${sql.join(cols)}) values (${sql.join(vals)})${onConflict} returning id`.execute(trx);
  if (!inserted.rows.length) return null;
  const id = inserted.rows[0]!.id;
  await writeJoins(trx, rt, id, value);
  if (opts.idempotencyKey) {
    const claimed = await trx.insertInto('idempotency_keys').values({ scope, key: opts.idempotencyKey, record_id: id, created_at: now })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).returning('record_id').executeTakeFirst();
    if (!claimed) {
      // A concurrent request with the same key committed first: undo ours, answer with theirs.
      const prior = await priorRecordId(ctx.db, scope, opts.idempotencyKey);
      if (prior === null) throw new Error('idempotency key claimed but not visible');
      throw new Replay(prior);
    }
  }
  return id;
}

/** SQL that draws an auto-number: a sequence value with prefix and padding, or a random short code. */
export function autoNumberSql(field: AutoNumberField, c: ColumnInfo): RawBuilder<unknown> {
  const prefix = field.prefix ?? '';
  if (field.mode === 'sequence') {
    const digits = field.digits ?? 6;
    // lpad would cut a number longer than `digits` (ORD-1000001 → ORD-100000): longer numbers keep every digit.
    return sql`${prefix} || (select case when length(v) >= ${digits} then v else lpad(v, ${digits}, '0') end from (select nextval(${c.sequence!}::regclass)::text as v) n)`;
  }
  const length = field.length ?? 6;
  let code = '';
  for (let i = 0; i < length; i++) code += SHORTCODE_ALPHABET[randomInt(SHORTCODE_ALPHABET.length)];
  return sql`${prefix + code}`;
}

async function writeJoins(trx: Transaction<KilnDatabase>, rt: FormRuntime, id: number, value: Record<string, unknown>): Promise<void> {
  for (const c of rt.columns) {
    if (c.sqlType !== 'join' || value[c.key] === undefined) continue;
    const jt = sql.id(safeName(c.joinTable!));
    await sql`delete from ${jt} where src = ${id}`.execute(trx);
    const ids = [...new Set((value[c.key] as number[] | null) ?? [])];
    if (ids.length) await sql`insert into ${jt} (src, dst) values ${sql.join(ids.map((d) => sql`(${id}, ${d})`))}`.execute(trx);
  }
}

/** The first record with the same de-duplication key values as `value`, or null. */
export async function findDuplicate(db: Db, rt: FormRuntime, value: Record<string, unknown>): Promise<number | null> {
  const keys = rt.form.public?.dedupe ?? [];
  const conds = keys.map((k) => {
    const c = rt.byKey.get(k)!;
    return sql`${sql.ref(`t.${safeName(c.column)}`)} is not distinct from ${toDb(c, value[k])}`;
  });
  if (!conds.length) return null;
  const r = await sql<{ id: number }>`select t.id from ${tableOf(rt)} t where ${sql.join(conds, sql` and `)} limit 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

/**
 * Reads one record or throws RECORD_NOT_FOUND — also when the guard's `check` policy (default:
 * read) hides it, so a caller cannot tell another's record from a missing one.
 */
export async function getRecord(db: Db, rt: FormRuntime, id: number, guard?: RecordGuard, check: FormAction | null = 'read'): Promise<ApiRecord> {
  if (!Number.isSafeInteger(id) || id < 1) throw new KilnError('RECORD_NOT_FOUND');
  if (guard && check) requireAction(guard, check);
  const cond = guard && check ? rowCondition(guard, check) : sql`true`;
  const r = await sql<Row>`select ${selection(rt, guard)} from ${tableOf(rt)} t where t.id = ${id} and (${cond})`.execute(db);
  const row = r.rows[0];
  if (!row) throw new KilnError('RECORD_NOT_FOUND', `No record ${id}.`);
  return toApi(rt, row, guard);
}

/** Whether record `id` meets an SQL condition (policy checks inside a write's transaction). */
async function rowMatches(db: Db, rt: FormRuntime, id: number, cond: RawBuilder<unknown>): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok from ${tableOf(rt)} t where t.id = ${id} and (${cond})`.execute(db);
  return r.rows.length > 0;
}

/**
 * Inside a write: locks the record and checks the caller may see it (else RECORD_NOT_FOUND)
 * and may `action` it (else FORBIDDEN).
 */
async function lockGuarded(db: Db, rt: FormRuntime, id: number, guard: RecordGuard | undefined, action: FormAction): Promise<void> {
  const r = await sql<{ visible: boolean; allowed: boolean }>`select (${rowCondition(guard, 'read')}) as visible, (${rowCondition(guard, action)}) as allowed from ${tableOf(rt)} t where t.id = ${id} for update`.execute(db);
  const row = r.rows[0];
  if (!row || (guard && !row.visible)) throw new KilnError('RECORD_NOT_FOUND', `No record ${id}.`);
  if (guard && !row.allowed) throw new KilnError('FORBIDDEN', `You may not ${action} this ${rt.form.key} record.`, { form: rt.form.key, action });
}

/** Appends the audit entry of a record write in its transaction (before/after: the changed fields). */
async function auditWrite(ws: WriteScope, rt: FormRuntime, action: 'record.create' | 'record.update' | 'record.delete', id: number, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Promise<void> {
  const keys = rt.columns.map((c) => c.key);
  const pick = (o: Record<string, unknown>, ks: string[]) => Object.fromEntries(ks.filter((k) => o[k] !== undefined && o[k] !== null).map((k) => [k, o[k]]));
  let b: Record<string, unknown> | undefined;
  let a: Record<string, unknown> | undefined;
  if (before && after) {
    const changed = changedKeys(before, after, keys.filter((k) => after[k] !== undefined));
    if (!changed.length) return;
    b = Object.fromEntries(changed.map((k) => [k, before[k] ?? null]));
    a = Object.fromEntries(changed.map((k) => [k, after[k] ?? null]));
  } else {
    b = before ? pick(before, keys) : undefined;
    a = after ? pick(after, keys) : undefined;
  }
  await writeAudit(ws.trx, ws.ctx.clock.now(), scopeActor(ws, rt.app.tenant_id), { action, appId: rt.app.id, formKey: rt.form.key, recordId: id, before: b, after: a, ...(ws.depth > 0 || ws.chain.length ? { target: `rule:${ws.chain[ws.chain.length - 1] ?? ''}` } : {}) });
}

/** Lists records: filter, sort and keyset cursor as in the contract. */
export async function listRecords(db: Db, rt: FormRuntime, q: { filter?: string; sort?: string; limit?: number; cursor?: string }, guard?: RecordGuard): Promise<{ items: ApiRecord[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new KilnError('BAD_REQUEST', 'limit must be 1–500.', { path: '/limit' });
  requireAction(guard, 'read');
  const hidden = guard?.access.hidden;
  const sort = parseSort(rt, q.sort, hidden);
  const where = compileFilter(rt, q.filter, hidden);
  const after = afterCursor(sort, q.cursor);
  const policy = rowCondition(guard, 'read');
  const r = await sql<Row>`select ${selection(rt, guard)} from ${tableOf(rt)} t where (${policy}) and (${where}) and (${after}) order by ${orderBy(sort)} limit ${limit + 1}`.execute(db);
  const rows = r.rows.slice(0, limit);
  const items = rows.map((row) => toApi(rt, row, guard));
  const last = rows[rows.length - 1];
  const nextCursor = r.rows.length > limit && last ? encodeCursor(sort, last[sort.column.column], last.id as number) : null;
  return { items, nextCursor };
}

/** Updates a record with a partial patch (validated like a create for the keys given). */
export async function updateRecord(ctx: KilnContext, rt: FormRuntime, id: number, patch: unknown, opts: WriteOptions): Promise<ApiRecord> {
  const guard = opts.guard;
  requireAction(guard, 'update');
  await getRecord(ctx.db, rt, id, guard);
  patch = guardInput(guard, patch, 'update');
  const result = rt.validator.validate(patch, { locale: opts.locale, mode: 'update' });
  if (!result.ok) invalid(result.errors);
  try {
    await inWriteScope(ctx, opts, async (ws) => {
      await lockGuarded(ws.trx, rt, id, guard, 'update');
      await updateValidated(ws, rt, id, result.value as Record<string, unknown>);
      // The changed record must still be one the caller may update (a policy's "with check").
      if (guard && !(await rowMatches(ws.trx, rt, id, rowCondition(guard, 'update')))) {
        throw new KilnError('FORBIDDEN', `The change would move this ${rt.form.key} record outside the records you may update.`, { form: rt.form.key, action: 'update' });
      }
    });
  } catch (err) {
    if (err instanceof KilnError) throw err;
    mapDbError(rt, err, opts.locale);
  }
  return getRecord(ctx.db, rt, id, guard, null);
}

async function updateValidated(ws: WriteScope, rt: FormRuntime, id: number, value: Record<string, unknown>): Promise<void> {
  ws.written.add(rt.form.key);
  const triggers = await hasTriggers(ws, rt.app, rt.version, rt.form.key, ['record.updated']);
  const formulas = rt.columns.some((c) => c.type === 'formula');
  const old = await getRecord(ws.trx, rt, id);
  if (formulas) Object.assign(value, await withFormulas(ws.ctx, rt, { ...old, ...value }, { onlyComputed: true, queryDb: ws.trx }));
  const now = ws.ctx.clock.now().toISOString();
  const sets: RawBuilder<unknown>[] = [sql`updated_at = ${now}`, sql`updated_by = ${ws.userId}`, sql`form_version = ${rt.version}`];
  for (const c of rt.columns) {
    if (c.sqlType === 'join' || c.type === 'autonumber' || value[c.key] === undefined) continue;
    sets.push(sql`${sql.id(c.column)} = ${toDb(c, value[c.key])}`);
  }
  const r = await sql`update ${tableOf(rt)} set ${sql.join(sets)} where id = ${id}`.execute(ws.trx);
  if (!Number(r.numAffectedRows ?? 0)) throw new KilnError('RECORD_NOT_FOUND', `No record ${id}.`);
  await writeJoins(ws.trx, rt, id, value);
  await auditWrite(ws, rt, 'record.update', id, old, value);
  if (triggers) await fireRecordEvent(ws, rt.app, rt.version, { type: 'record.updated', form: rt.form.key, record: await getRecord(ws.trx, rt, id), old });
}

/** Fires the created (and, for public submissions, submitted) rules of a new record. */
async function afterInsert(ws: WriteScope, rt: FormRuntime, id: number, opts: { submitted?: boolean; params?: Record<string, string> }): Promise<void> {
  const types: RecordEvent['type'][] = opts.submitted ? ['record.created', 'form.submitted'] : ['record.created'];
  const rules = await hasTriggers(ws, rt.app, rt.version, rt.form.key, types);
  const flows = await hasFlowStarts(ws, rt, types as StartTrigger[]);
  if (!rules && !flows) return;
  const record = await getRecord(ws.trx, rt, id);
  if (rules) for (const type of types) await fireRecordEvent(ws, rt.app, rt.version, { type, form: rt.form.key, record, old: null, params: opts.params });
  // Flows start after the rules, on the record as the rules left it.
  if (flows) await startFlowsFor(ws, rt, rules ? await getRecord(ws.trx, rt, id) : record, types as StartTrigger[]);
}

/** Rule-made writes: a bad value is the rule's fault, so it is reported as RULE_FAILED with the field errors. */
function ruleInvalid(ws: WriteScope, rt: FormRuntime, errors: FieldError[]): never {
  const first = errors[0];
  throw new KilnError('RULE_FAILED', `A rule wrote an invalid value to ${rt.form.key}${first ? `${first.path}: ${first.message}` : ''}`, { chain: ws.chain, form: rt.form.key, errors });
}

/**
 * Creates a record inside a rule's write scope (validated, formulas computed, rules fired one
 * level deeper). With `onConflictIgnore` (a unique field key) a duplicate is skipped and the
 * existing record's id is returned.
 */
export async function createInScope(ws: WriteScope, rt: FormRuntime, input: Record<string, unknown>, opts: { onConflictIgnore?: string } = {}): Promise<number> {
  const checked = rt.validator.validate(input, { locale: ws.locale, mode: 'create' });
  if (!checked.ok) ruleInvalid(ws, rt, checked.errors);
  const value = await withFormulas(ws.ctx, rt, checked.value as Record<string, unknown>, { queryDb: ws.trx });
  ws.written.add(rt.form.key);
  let id: number | null;
  try {
    id = await insertRow(ws.ctx, ws.trx, rt, value, { userId: ws.userId, conflictKey: opts.onConflictIgnore });
  } catch (err) {
    mapDbError(rt, err, ws.locale);
  }
  if (id === null) {
    const existing = await findFirst(ws.trx, rt, { [opts.onConflictIgnore!]: value[opts.onConflictIgnore!] });
    if (existing === null) throw new KilnError('RULE_FAILED', `Ledger entry ${String(value[opts.onConflictIgnore!])} conflicted but cannot be found.`);
    return existing;
  }
  await auditWrite(ws, rt, 'record.create', id, undefined, value);
  await afterInsert(ws, rt, id, {});
  return id;
}

/** Updates a record inside a rule's write scope (validated like an API patch; rules fire one level deeper). */
export async function updateInScope(ws: WriteScope, rt: FormRuntime, id: number, patch: Record<string, unknown>): Promise<void> {
  const checked = rt.validator.validate(patch, { locale: ws.locale, mode: 'update' });
  if (!checked.ok) ruleInvalid(ws, rt, checked.errors);
  try {
    await updateValidated(ws, rt, id, checked.value as Record<string, unknown>);
  } catch (err) {
    if (err instanceof KilnError) throw err;
    mapDbError(rt, err, ws.locale);
  }
}

/** The first record (lowest id) whose fields equal `match` (null matches empty), or null. */
export async function findFirst(db: Db, rt: FormRuntime, match: Record<string, unknown>): Promise<number | null> {
  const conds = Object.entries(match).map(([k, v]) => {
    const c = rt.byKey.get(k);
    if (!c || c.sqlType === 'join') throw new KilnError('RULE_FAILED', `Cannot match on "${k}" of ${rt.form.key}.`);
    return sql`${sql.ref(`t.${safeName(c.column)}`)} is not distinct from ${toDb(c, v)}`;
  });
  const r = await sql<{ id: number }>`select t.id from ${tableOf(rt)} t where ${conds.length ? sql.join(conds, sql` and `) : sql`true`} order by t.id limit 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

/** Deletes a record; refused (RECORD_REFERENCED) while other records point at it. */
export async function deleteRecord(ctx: KilnContext, rt: FormRuntime, id: number, locale: 'zh-CN' | 'en', who: { userId?: number | null; role?: string | null; guard?: RecordGuard; actor?: WriteActor } = {}): Promise<void> {
  requireAction(who.guard, 'delete');
  try {
    await inWriteScope(ctx, { userId: who.userId ?? null, role: who.role, locale, actor: who.actor }, async (ws) => {
      ws.written.add(rt.form.key);
      await lockGuarded(ws.trx, rt, id, who.guard, 'delete');
      const triggers = await hasTriggers(ws, rt.app, rt.version, rt.form.key, ['record.deleted']);
      const old = await getRecord(ws.trx, rt, id);
      const r = await sql`delete from ${tableOf(rt)} where id = ${id}`.execute(ws.trx);
      if (!Number(r.numAffectedRows ?? 0)) throw new KilnError('RECORD_NOT_FOUND', `No record ${id}.`);
      await auditWrite(ws, rt, 'record.delete', id, old, undefined);
      if (triggers) await fireRecordEvent(ws, rt.app, rt.version, { type: 'record.deleted', form: rt.form.key, record: null, old });
    });
  } catch (err) {
    if (err instanceof KilnError) throw err;
    mapDbError(rt, err, locale);
  }
}
